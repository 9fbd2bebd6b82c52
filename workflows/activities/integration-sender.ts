import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { integrations } from "../../db/schema";
import { openIntegrationSecrets } from "../../server/integration-store/integration-secrets";
import { customizationsSchema } from "../../server/integrations/customizations-schema";
import { integrationTypeSchema } from "../../server/integrations/integration-types";
import { sendIntegrationMessage } from "../../server/integrations/send-message";
import type { MessageSender, SendOutcome } from "./deliver";

export interface SenderDeps {
  db: Db;
  secretKey: string;
  allowList: string[];
  publicUrl: string;
  timeoutMs?: number;
}

/** Loads the integration, opens its secrets and sends one message through its definition. */
export function createIntegrationSender(deps: SenderDeps): MessageSender {
  return async (input, idempotencyKey): Promise<SendOutcome> => {
    const row = await deps.db.query.integrations.findFirst({ where: eq(integrations.id, input.target.integrationId) });
    if (!row) {
      return { ok: false, retryable: false, latencyMs: 0, error: `Integration ${input.target.integrationId} no longer exists` };
    }
    if (!row.enabled) {
      return { ok: false, skipped: true, retryable: false, latencyMs: 0, error: `Integration "${row.name}" is disabled` };
    }
    const result = await sendIntegrationMessage(
      {
        id: row.id,
        type: integrationTypeSchema.parse(row.type),
        name: row.name,
        variables: row.variables,
        secrets: openIntegrationSecrets(row.id, row.secretsCiphertext, deps.secretKey),
        customizations: customizationsSchema.parse(row.customizations),
      },
      {
        alert: input.alert,
        messageType: input.messageType,
        incident: { id: input.runId, key: input.incidentKey, firstErrorAt: input.firstErrorAt, resolvedAt: input.resolvedAt ?? null },
        level: { id: input.level, message: input.levelMessage },
        flow: { id: input.flowId, name: input.flowName },
        reminderNumber: input.reminderNumber,
        // Per-level values from the flow's integration node win over the integration's own.
        variables: input.target.variables,
      },
      { fetch, timeoutMs: deps.timeoutMs ?? 10_000, idempotencyKey, outbound: { allowList: deps.allowList } },
    );
    return {
      ok: result.ok && !result.skipped,
      skipped: result.skipped,
      retryable: result.retryable,
      retryAfterMs: result.retryAfterMs,
      status: result.status,
      request: result.request ? { ...result.request, steps: result.steps.map((s) => s.name) } : undefined,
      response: result.response ? { ...result.response } : undefined,
      latencyMs: result.latencyMs,
      error: result.error ? `${result.error.code}: ${result.error.message}` : result.skipReason,
    };
  };
}
