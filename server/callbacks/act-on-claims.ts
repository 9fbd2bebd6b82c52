import { DomainError } from "~/core/domain-error";
import type { ActionSource } from "~/core/escalation/action-source";
import type { AckClaims } from "~/server/ack-links/ack-token";
import { actOnRun } from "~/server/runs/act-on-run";
import type { InboundActionDeps } from "./inbound-deps";

export type ChannelOutcome = { kind: "done"; status: string } | { kind: "ended"; message: string };

/**
 * Carries out what a signed link names (acknowledge or resolve of one run) for a callback from
 * Slack or a phone call. An incident that ended, or whose workflow id already carries the next
 * incident, is left alone.
 */
export async function actOnClaims(
  deps: Pick<InboundActionDeps, "db" | "temporal">,
  claims: AckClaims,
  by: string,
  source: ActionSource,
): Promise<ChannelOutcome> {
  try {
    const { status } = await actOnRun(
      { db: deps.db, temporal: deps.temporal, workspaceId: claims.workspaceId },
      claims.runId,
      claims.action,
      { by, note: "", source },
    );
    return { kind: "done", status };
  } catch (err) {
    if (err instanceof DomainError && (err.code === "CONFLICT" || err.code === "NOT_FOUND")) {
      return { kind: "ended", message: err.message };
    }
    throw err;
  }
}
