import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/client";
import { flowVersions, flows, integrations, type Integration } from "~/db/schema";
import { DomainError, notFound } from "../errors";
import { customizationsSchema } from "../integrations/customizations-schema";
import { integrationTypeSchema } from "../integrations/integration-types";
import { integrationDefinitions } from "../integrations/registry";
import { validateIntegrationTemplates } from "../integrations/validate-integration";
import type { createIntegrationInput, updateIntegrationInput } from "./integration-inputs";
import { openIntegrationSecrets, sealIntegrationSecrets } from "./integration-secrets";

export interface IntegrationScope {
  db: Db;
  workspaceId: string;
  secretKey: string;
}

/** What the API shows of an integration: never a secret's value, only which ones are set. */
function toPublic(row: Integration, secretKey: string) {
  const type = integrationTypeSchema.parse(row.type);
  const definition = integrationDefinitions[type];
  const secretNames = Object.keys(openIntegrationSecrets(row.id, row.secretsCiphertext, secretKey)).sort();
  return {
    id: row.id,
    type,
    typeLabel: definition.label,
    name: row.name,
    enabled: row.enabled,
    variables: row.variables,
    secretNames,
    customizations: row.customizations,
    perLevelVariables: definition.variables
      .filter((v) => v.modes.includes("perLevel"))
      .map((v) => ({ name: v.name, label: v.label })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Secret-marked variables never land in the plain `variables` column, whatever the caller sent. */
function splitSecrets(type: z.infer<typeof integrationTypeSchema>, variables: Record<string, string>, secrets: Record<string, string>) {
  const secretNames = new Set(integrationDefinitions[type].variables.filter((v) => v.secret).map((v) => v.name));
  const plain: Record<string, string> = {};
  const hidden: Record<string, string> = { ...secrets };
  for (const [name, value] of Object.entries(variables)) {
    if (secretNames.has(name)) hidden[name] = value;
    else plain[name] = value;
  }
  return { plain, hidden };
}

function checkCustomizations(type: z.infer<typeof integrationTypeSchema>, raw: unknown, variables: Record<string, string>, secretNames: string[]) {
  const parsed = customizationsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("INVALID_INPUT", "The customizations are malformed", {
      issues: parsed.error.issues.map((i) => ({ code: "customizations", message: i.message, path: i.path.join(".") })),
    });
  }
  const problems = validateIntegrationTemplates({ type, variables, secretNames, customizations: parsed.data });
  if (problems.length > 0) {
    throw new DomainError("INVALID_INPUT", `Template error: ${problems[0]?.message ?? ""}`, {
      issues: problems.map((p) => ({ code: "template", message: p.message, path: p.path })),
    });
  }
  return parsed.data;
}

export async function listIntegrations(scope: IntegrationScope) {
  const rows = await scope.db
    .select()
    .from(integrations)
    .where(eq(integrations.workspaceId, scope.workspaceId))
    .orderBy(asc(integrations.name));
  return rows.map((r) => toPublic(r, scope.secretKey));
}

async function loadRow(scope: IntegrationScope, integrationId: string): Promise<Integration> {
  const row = await scope.db.query.integrations.findFirst({
    where: and(eq(integrations.id, integrationId), eq(integrations.workspaceId, scope.workspaceId)),
  });
  if (!row) throw notFound("Integration", integrationId);
  return row;
}

export async function getIntegration(scope: IntegrationScope, integrationId: string) {
  return toPublic(await loadRow(scope, integrationId), scope.secretKey);
}

export async function createIntegration(scope: IntegrationScope, input: z.infer<typeof createIntegrationInput>) {
  const type = integrationTypeSchema.safeParse(input.type);
  if (!type.success) {
    throw new DomainError("INVALID_INPUT", `Unknown integration type "${input.type}"`, {
      issues: [{ code: "type", message: `Unknown integration type "${input.type}"`, path: "type" }],
    });
  }
  const { plain, hidden } = splitSecrets(type.data, input.variables, input.secrets);
  const customizations = checkCustomizations(type.data, input.customizations, plain, Object.keys(hidden));
  const id = randomUUID();
  const [row] = await scope.db
    .insert(integrations)
    .values({
      id,
      workspaceId: scope.workspaceId,
      type: type.data,
      name: input.name,
      enabled: input.enabled,
      variables: plain,
      secretsCiphertext: sealIntegrationSecrets(id, hidden, scope.secretKey),
      customizations,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toPublic(row, scope.secretKey);
}

export async function updateIntegration(scope: IntegrationScope, input: z.infer<typeof updateIntegrationInput>) {
  const row = await loadRow(scope, input.integrationId);
  const type = integrationTypeSchema.parse(row.type);
  const { plain, hidden } = splitSecrets(type, input.variables ?? row.variables, input.secrets ?? {});
  const secrets = { ...openIntegrationSecrets(row.id, row.secretsCiphertext, scope.secretKey), ...hidden };
  const customizations = checkCustomizations(
    type,
    input.customizations ?? row.customizations,
    plain,
    Object.keys(secrets).filter((k) => secrets[k] !== ""),
  );
  const [updated] = await scope.db
    .update(integrations)
    .set({
      name: input.name ?? row.name,
      enabled: input.enabled ?? row.enabled,
      variables: plain,
      secretsCiphertext: sealIntegrationSecrets(row.id, secrets, scope.secretKey),
      customizations,
      updatedAt: new Date(),
    })
    .where(eq(integrations.id, row.id))
    .returning();
  if (!updated) throw notFound("Integration", input.integrationId);
  return toPublic(updated, scope.secretKey);
}

/** Published flows that send through this integration; deleting it would break them. */
export async function flowsUsingIntegration(scope: IntegrationScope, integrationId: string) {
  return scope.db
    .select({ id: flows.id, name: flows.name, version: flowVersions.version })
    .from(flows)
    .innerJoin(flowVersions, eq(flowVersions.id, flows.publishedVersionId))
    .where(
      and(
        eq(flows.workspaceId, scope.workspaceId),
        sql`jsonb_path_exists(${flowVersions.graph}, '$.nodes[*] ? (@.data.integrationId == $id)', jsonb_build_object('id', ${integrationId}::text))`,
      ),
    );
}

export async function deleteIntegration(scope: IntegrationScope, integrationId: string) {
  await loadRow(scope, integrationId);
  const users = await flowsUsingIntegration(scope, integrationId);
  if (users.length > 0) {
    throw new DomainError(
      "INTEGRATION_IN_USE",
      `Used by published flow${users.length > 1 ? "s" : ""}: ${users.map((u) => `${u.name} (v${u.version})`).join(", ")}`,
      { flows: users },
    );
  }
  await scope.db.delete(integrations).where(eq(integrations.id, integrationId));
  return { id: integrationId };
}
