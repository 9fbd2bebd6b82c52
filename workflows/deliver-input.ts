import type { PlanTarget } from "../core/flow/plan";
import type { EscalationCommand, Reduced } from "../core/escalation/escalation-reducer";
import type { EscalationState } from "../core/escalation/escalation-state";
import { deliveryRetryPolicy } from "../core/delivery/retry-policy";
import type { DeliverInput } from "../worker/activities/types";
import type { EscalationInput } from "./messages";

export type SendCommand = Extract<EscalationCommand, { kind: "send" }>;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The delivery one send command makes on one link, as the incident's state stands after the
 * command was decided. The workflow, the alert endpoint's first messages and the due-send job's
 * plan all build it here, so each finds the others' delivery rows under the same key.
 */
export function deliverInputFor(
  input: Pick<EscalationInput, "runId" | "workspaceId" | "flowId" | "flowName" | "alertKey">,
  command: SendCommand,
  state: EscalationState,
  target: PlanTarget,
  isFallback: boolean,
): DeliverInput {
  const { level } = command;
  return {
    runId: input.runId,
    workspaceId: input.workspaceId,
    flowId: input.flowId,
    flowName: input.flowName,
    incidentKey: input.alertKey,
    level: level.level,
    levelMessage: level.message,
    messageType: command.messageType,
    reminderNumber: command.reminderNumber,
    target: { nodeId: target.nodeId, integrationId: target.integrationId, variables: target.variables },
    alert: state.lastAlert,
    firstErrorAt: iso(state.firstErrorAtMs),
    resolvedAt: command.resolvedAtMs === undefined ? undefined : iso(command.resolvedAtMs),
    isFallback,
    maxAttempts: deliveryRetryPolicy.maxAttempts,
  };
}

/**
 * Every message a reducer step decided, one per send command and link (no fallbacks: those follow
 * a failure), as its incident stands after the step.
 */
export function sendsOf(
  input: Pick<EscalationInput, "runId" | "workspaceId" | "flowId" | "flowName" | "alertKey">,
  { commands, incident }: Reduced,
): DeliverInput[] {
  return commands.flatMap((command) =>
    command.kind === "send"
      ? command.level[command.messageType].map((target) =>
          deliverInputFor(input, command, incident.state, target, false),
        )
      : [],
  );
}
