import { randomUUID } from "node:crypto";
import { sendIntegrationMessage } from "../delivery/send-message";
import { inboxStore } from "../inbox/inbox-store";
import type { SendResult } from "~/core/integrations/send-result";
import { assertDraftUrlFields } from "./http-url-fields";
import { missingVariables, resolveDraft, type DraftIssue } from "./integration-draft";
import type { TestSendInput } from "~/core/integrations/integration-inputs";
import type { IntegrationScope } from "./integration-rows";
import { workspaceTimeZone } from "../i18n/workspace-time-zone";
import { sampleInput } from "./sample-input";
import { assertSavedSecretsStayPut } from "./secret-reentry-guard";
import { workspaceAllowList } from "../workspace/workspace-allow-list";

export interface TestSendScope extends IntegrationScope {
  outboundAllowList: readonly string[];
}

/** Test-sends get the budget a person waits for, a little more than a delivery attempt. */
const TEST_TIMEOUT_MS = 15_000;

export interface TestSendOutcome extends Omit<SendResult, "retryAfterMs" | "attemptsInfo"> {
  requests: number;
  sentAt: string;
  /** Problems that stopped the message before anything was sent. */
  issues: DraftIssue[];
}

function notSent(
  code: "TEMPLATE_ERROR" | "MISSING_VARIABLE",
  message: string,
  issues: DraftIssue[] = [],
): TestSendOutcome {
  return {
    ok: false,
    skipped: false,
    retryable: false,
    request: null,
    response: null,
    steps: [],
    requests: 0,
    latencyMs: 0,
    sentAt: new Date().toISOString(),
    issues,
    error: { code, message },
  };
}

/**
 * Sends one message for real, as a delivery would (same sender, same outbound guard), with the
 * sample alert, and returns the exact exchange with secrets redacted. Each test is a message of
 * its own, so it gets a fresh idempotency key.
 */
export async function testSendIntegration(scope: TestSendScope, input: TestSendInput): Promise<TestSendOutcome> {
  assertDraftUrlFields(input);
  const resolved = await resolveDraft(scope, input);
  assertSavedSecretsStayPut(resolved, input);
  if (!resolved.customizationsValid || resolved.issues.length > 0) {
    const first = resolved.issues[0];
    const where = first?.line ? ` (line ${first.line}, column ${first.column})` : "";
    return notSent(
      "TEMPLATE_ERROR",
      first ? `${first.path}: ${first.message}${where}` : "The customizations are invalid",
      resolved.issues,
    );
  }
  const missing = missingVariables(resolved.record, input.levelVariables);
  if (missing.length > 0) {
    return notSent("MISSING_VARIABLE", `Set ${missing.map((m) => m.label).join(", ")} first`);
  }
  // The sample renders local times in the workspace's zone, as its deliveries will.
  const sample = sampleInput(input);
  const ctx = {
    ...sample,
    account: { id: sample.account?.id ?? "", timeZone: await workspaceTimeZone(scope.db, scope.workspaceId) },
  };
  const sentAt = new Date().toISOString();
  const result = await sendIntegrationMessage(resolved.record, ctx, {
    timeoutMs: TEST_TIMEOUT_MS,
    idempotencyKey: `test:${resolved.record.id}:${input.messageType}:${randomUUID()}`,
    outbound: { allowList: await workspaceAllowList(scope.db, scope.workspaceId, scope.outboundAllowList) },
    // A test of an inbox lands in the inbox like a delivery (not tied to a saved integration or run).
    inbox: inboxStore(scope.db, {
      workspaceId: scope.workspaceId,
      integrationId: null,
      runId: null,
      flowName: "Test send",
    }),
  });
  return {
    ok: result.ok,
    skipped: result.skipped,
    skipReason: result.skipReason,
    retryable: result.retryable,
    status: result.status,
    request: result.request,
    response: result.response,
    steps: result.steps,
    requests: result.attemptsInfo.requests,
    latencyMs: result.latencyMs,
    sentAt,
    issues: [],
    error: result.error,
  };
}
