import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { integrations } from "~/db/schema";
import type { SourceIntegration } from "~/core/flow-templates/graph-to-template";
import { recordFromRow } from "../integrations/integration-rows";
import type { Keyring } from "../security/secret-keyring";

interface Scope {
  db: Db;
  workspaceId: string;
  keyring: Keyring;
}

/**
 * What saving a template needs from the workspace's integrations: each one's type and secret
 * names (to turn it into a typed placeholder and strip its secret variables), and every secret
 * value in the workspace (to mask any that was pasted into a label or message). The values never
 * leave this module's caller.
 */
export async function workspaceIntegrationsForTemplates(scope: Scope) {
  const rows = await scope.db.select().from(integrations).where(eq(integrations.workspaceId, scope.workspaceId));
  const sources = new Map<string, SourceIntegration>();
  const secretValues = new Set<string>();
  for (const row of rows) {
    const record = recordFromRow(row, scope.keyring);
    sources.set(row.id, { type: record.type, secretNames: Object.keys(record.secrets) });
    for (const value of Object.values(record.secrets)) secretValues.add(value);
  }
  return { sources, secretValues };
}
