import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { integrations, type Integration } from "~/db/schema";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { DomainError, domainRefusal, notFound } from "~/core/domain-error";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import { integrationTypeSchema, type IntegrationType } from "~/core/integrations/integration-types";
import { integrationDefinitions } from "~/core/integrations/registry";
import { validateIntegrationTemplates } from "~/core/integrations/validate-integration";
import { MESSAGE_TYPES } from "~/core/message-template/message-type";
import { assertHttpUrlFields } from "./http-url-fields";
import { missingVariables } from "./integration-draft";
import type { createIntegrationInput, updateIntegrationInput } from "~/core/integrations/integration-inputs";
import { loadIntegrationRow, recordFromRow, type IntegrationScope } from "./integration-rows";
import { mergeSecrets, sealIntegrationSecrets, splitSecrets } from "./integration-secrets";
import { flowsUsingIntegration, publishedUsage, type FlowUse } from "./integration-usage";
import { assertSavedSecretsStayPut } from "./secret-reentry-guard";
import type { Keyring } from "../security/secret-keyring";
import { integrationChanges } from "~/core/audit/integration-change";
import { recordAudit, type AuditActor } from "../audit/record-audit";

export type { IntegrationScope } from "./integration-rows";
/** Changes are recorded in the audit log under the acting user. */
type ActingScope = IntegrationScope & { actor: AuditActor };
export { flowsUsingIntegration } from "./integration-usage";

/** What the API shows of an integration: never a secret's value, only which ones are set. */
function toPublic(row: Integration, keyring: Keyring, usedBy: FlowUse[]) {
  let secretsError: string | null = null;
  let record: IntegrationRecord;
  try {
    record = recordFromRow(row, keyring);
  } catch (error) {
    // One integration sealed under a key this server lacks must not hide the whole list.
    if (!(error instanceof DomainError) || error.code !== "SECRETS_UNREADABLE") throw error;
    secretsError = error.message;
    record = recordFromRow({ ...row, secretsCiphertext: null }, keyring);
  }
  const definition = integrationDefinitions[record.type];
  return {
    id: row.id,
    type: record.type,
    typeLabel: definition.label,
    name: row.name,
    enabled: row.enabled,
    variables: row.variables,
    secretNames: Object.keys(record.secrets).sort(),
    /** Why the stored secrets cannot be opened (wrong or missing key), or null. */
    secretsError,
    customizations: record.customizations ?? {},
    perLevelVariables: definition.variables
      .filter((v) => v.modes.includes("perLevel"))
      .map((v) => ({ name: v.name, label: v.label })),
    /** Required values still unset (per-level ones may come from the level instead). */
    missing: missingVariables(record, {}),
    usedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type PublicIntegration = ReturnType<typeof toPublic>;

/**
 * Parses the customizations and refuses template problems at save time: unknown variables and
 * unbalanced braces fail here, named by field and position, not as blanks in production.
 */
function checkCustomizations(
  type: IntegrationType,
  raw: unknown,
  variables: Record<string, string>,
  secretNames: string[],
) {
  const parsed = customizationsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      code: "customizations",
      message: i.message,
      path: i.path.join("."),
    }));
    throw domainRefusal(
      "INVALID_INPUT",
      `The customizations are malformed: ${issues[0]?.path ?? ""} ${issues[0]?.message ?? ""}`.trim(),
      "customizationsMalformed",
      { path: issues[0]?.path ?? "" },
      { issues },
    );
  }
  const problems = validateIntegrationTemplates({ type, variables, secretNames, customizations: parsed.data });
  if (problems.length > 0) {
    const issues = problems.map((p) => ({
      code: "template",
      // The template problem's own code and values, so the editor can word it in its language.
      templateCode: p.code,
      params: p.params,
      message: p.message,
      path: p.path,
      position: p.position,
      line: p.line,
      column: p.column,
    }));
    const first = problems[0];
    const where = first ? ` (line ${first.line}, column ${first.column})` : "";
    throw domainRefusal(
      "INVALID_INPUT",
      `Template error: ${first?.message ?? ""}${where}`,
      "templateError",
      { problem: first?.detail ?? "", path: first?.path ?? "", line: first?.line ?? 0, column: first?.column ?? 0 },
      { issues },
    );
  }
  return parsed.data;
}

function parseType(type: string): IntegrationType {
  const parsed = integrationTypeSchema.safeParse(type);
  if (!parsed.success) {
    throw domainRefusal(
      "INVALID_INPUT",
      `Unknown integration type "${type}"`,
      "unknownIntegrationType",
      { type },
      {
        issues: [{ code: "type", message: `Unknown integration type "${type}"`, path: "type" }],
      },
    );
  }
  return parsed.data;
}

export async function listIntegrations(scope: IntegrationScope) {
  const [rows, usage] = await Promise.all([
    scope.db
      .select()
      .from(integrations)
      .where(eq(integrations.workspaceId, scope.workspaceId))
      .orderBy(asc(integrations.name)),
    publishedUsage(scope),
  ]);
  return rows.map((r) => toPublic(r, scope.keyring, usage.get(r.id) ?? []));
}

export async function getIntegration(scope: IntegrationScope, integrationId: string) {
  const row = await loadIntegrationRow(scope, integrationId);
  return toPublic(row, scope.keyring, await flowsUsingIntegration(scope, row.id));
}

/** The published flows using one of the workspace's integrations; another workspace's id is not found. */
export async function integrationUsedBy(scope: IntegrationScope, integrationId: string) {
  const row = await loadIntegrationRow(scope, integrationId);
  return flowsUsingIntegration(scope, row.id);
}

export async function createIntegration(scope: ActingScope, input: z.infer<typeof createIntegrationInput>) {
  const type = parseType(input.type);
  const { plain, hidden } = splitSecrets(type, input.variables, input.secrets);
  const secrets = mergeSecrets({}, hidden);
  const customizations = checkCustomizations(type, input.customizations, plain, Object.keys(secrets));
  assertHttpUrlFields({ variables: input.variables, secrets: input.secrets, customizations });
  const id = randomUUID();
  const row = await scope.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(integrations)
      .values({
        id,
        workspaceId: scope.workspaceId,
        type,
        name: input.name,
        enabled: input.enabled,
        variables: plain,
        secretsCiphertext: sealIntegrationSecrets(id, secrets, scope.keyring),
        customizations,
      })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "integration.created",
      targetId: id,
      detail: { name: input.name, type, secretsSet: Object.keys(secrets).sort() },
    });
    return inserted;
  });
  return toPublic(row, scope.keyring, []);
}

export async function updateIntegration(scope: ActingScope, input: z.infer<typeof updateIntegrationInput>) {
  const row = await loadIntegrationRow(scope, input.integrationId);
  const stored = recordFromRow(row, scope.keyring);
  const { plain, hidden } = splitSecrets(stored.type, input.variables ?? row.variables, input.secrets ?? {});
  const secrets = mergeSecrets(stored.secrets, hidden);
  const customizations = checkCustomizations(
    stored.type,
    input.customizations ?? row.customizations,
    plain,
    Object.keys(secrets),
  );
  // The variables as they will be stored; of the secrets, those typed now.
  assertHttpUrlFields({ variables: input.variables ?? row.variables, secrets: input.secrets, customizations });
  // Saving is where a secret would really move: deliveries use what is stored. A change that
  // would carry a stored secret to another destination or template needs it typed again.
  const carried = Object.keys(stored.secrets).filter((name) => !Object.hasOwn(hidden, name));
  const changed: IntegrationRecord = { ...stored, variables: plain, secrets, customizations };
  for (const messageType of MESSAGE_TYPES) {
    assertSavedSecretsStayPut(
      { record: changed, saved: stored, carried, customizationsValid: true, issues: [] },
      { messageType, levelVariables: {} },
      "",
    );
  }
  const name = input.name ?? row.name;
  const enabled = input.enabled ?? row.enabled;
  const updated = await scope.db.transaction(async (tx) => {
    const [written] = await tx
      .update(integrations)
      .set({
        name,
        enabled,
        variables: plain,
        secretsCiphertext: sealIntegrationSecrets(row.id, secrets, scope.keyring),
        customizations,
        updatedAt: new Date(),
      })
      .where(and(eq(integrations.id, row.id), eq(integrations.workspaceId, scope.workspaceId)))
      .returning();
    if (!written) throw notFound("integration", input.integrationId);
    const changes = integrationChanges(
      { ...row, secrets: stored.secrets, customizations: stored.customizations ?? {} },
      { name, enabled, variables: plain, secrets, customizations },
    );
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "integration.updated",
      targetId: row.id,
      detail: { name, ...changes },
    });
    return written;
  });
  return toPublic(updated, scope.keyring, await flowsUsingIntegration(scope, row.id));
}

/** Disabling stops deliveries through it (they are recorded as skipped); flows stay valid. */
export async function setIntegrationEnabled(scope: ActingScope, integrationId: string, enabled: boolean) {
  const row = await loadIntegrationRow(scope, integrationId);
  const updated = await scope.db.transaction(async (tx) => {
    const [written] = await tx
      .update(integrations)
      .set({ enabled, updatedAt: new Date() })
      .where(and(eq(integrations.id, row.id), eq(integrations.workspaceId, scope.workspaceId)))
      .returning();
    if (!written) throw notFound("integration", integrationId);
    if (row.enabled !== enabled) {
      await recordAudit(tx, {
        workspaceId: scope.workspaceId,
        actor: scope.actor,
        action: "integration.updated",
        targetId: row.id,
        detail: { name: row.name, changed: ["enabled"], secretsChanged: [], enabled },
      });
    }
    return written;
  });
  return toPublic(updated, scope.keyring, await flowsUsingIntegration(scope, row.id));
}

export async function deleteIntegration(scope: ActingScope, integrationId: string) {
  const row = await loadIntegrationRow(scope, integrationId);
  const users = await flowsUsingIntegration(scope, integrationId);
  if (users.length > 0) {
    const flows = users.map((u) => `${u.name} (v${u.version})`).join(", ");
    throw domainRefusal(
      "INTEGRATION_IN_USE",
      `Used by published flow${users.length > 1 ? "s" : ""}: ${flows}`,
      "integrationInUse",
      { flows },
      { flows: users },
    );
  }
  await scope.db.transaction(async (tx) => {
    await tx
      .delete(integrations)
      .where(and(eq(integrations.id, integrationId), eq(integrations.workspaceId, scope.workspaceId)));
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actor: scope.actor,
      action: "integration.deleted",
      targetId: integrationId,
      detail: { name: row.name, type: row.type },
    });
  });
  return { id: integrationId };
}
