import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { integrations, type Integration } from "~/db/schema";
import { notFound } from "~/core/domain-error";
import { customizationsSchema } from "~/core/integrations/customizations-schema";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { integrationTypeSchema } from "~/core/integrations/integration-types";
import { openIntegrationSecrets } from "./integration-secrets";

export interface IntegrationScope {
  db: Db;
  workspaceId: string;
  secretKey: string;
}

/** One integration of the scope's workspace; another workspace's id is simply not found. */
export async function loadIntegrationRow(scope: IntegrationScope, integrationId: string): Promise<Integration> {
  const row = await scope.db.query.integrations.findFirst({
    where: and(eq(integrations.id, integrationId), eq(integrations.workspaceId, scope.workspaceId)),
  });
  if (!row) throw notFound("Integration", integrationId);
  return row;
}

/** A stored integration as the sender needs it, secrets opened. Server-side only. */
export function recordFromRow(row: Integration, secretKey: string): IntegrationRecord {
  return {
    id: row.id,
    type: integrationTypeSchema.parse(row.type),
    name: row.name,
    variables: row.variables,
    secrets: openIntegrationSecrets(row.id, row.secretsCiphertext, secretKey),
    customizations: customizationsSchema.parse(row.customizations),
  };
}
