import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { integrations, type Integration } from "~/db/schema";
import { domainRefusal, notFound } from "~/core/domain-error";
import { SecretBoxError } from "../security/secret-box";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { openIntegrationSecrets } from "./integration-secrets";
import type { Keyring } from "../security/secret-keyring";

export interface IntegrationScope {
  db: Db;
  workspaceId: string;
  keyring: Keyring;
}

/** One integration of the scope's workspace; another workspace's id is simply not found. */
export async function loadIntegrationRow(scope: IntegrationScope, integrationId: string): Promise<Integration> {
  const row = await scope.db.query.integrations.findFirst({
    where: and(eq(integrations.id, integrationId), eq(integrations.workspaceId, scope.workspaceId)),
  });
  if (!row) throw notFound("integration", integrationId);
  return row;
}

/**
 * The row's secrets, or a domain error that names the integration and says what to fix when the
 * configured keys cannot open them (a wrong or missing key is a configuration fault, not a crash).
 */
export function openRowSecrets(row: Integration, keyring: Keyring): Record<string, string> {
  try {
    return openIntegrationSecrets(row.id, row.secretsCiphertext, keyring);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw domainRefusal(
      "SECRETS_UNREADABLE",
      `The secrets of integration "${row.name}" cannot be opened: ${error.message}`,
      "secretsUnreadable",
      { integration: row.name },
      { integrationId: row.id },
    );
  }
}

/** A stored integration as the sender needs it, secrets opened. Server-side only. */
export function recordFromRow(row: Integration, keyring: Keyring): IntegrationRecord {
  return {
    id: row.id,
    type: integrationTypeSchema.parse(row.type),
    name: row.name,
    variables: row.variables,
    secrets: openRowSecrets(row, keyring),
    customizations: customizationsSchema.parse(row.customizations),
  };
}
