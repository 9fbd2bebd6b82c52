import { createHash } from "node:crypto";
import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { integrationVariables } from "~/core/integrations/message-plan";
import { getIntegrationDefinition } from "~/core/integrations/registry";

/**
 * The bucket a delivery counts against and its size. Enforcement needs shared state (workers
 * scale out), so it belongs to the delivery activity; this only names the bucket. Keys that
 * derive from a secret (a routing key) are hashed so the bucket name can be logged.
 */
export function rateLimitBucket(
  integration: IntegrationRecord,
  levelVariables: Record<string, string> = {},
): { key: string; eventsPerMinute: number } {
  const { rateLimit } = getIntegrationDefinition(integration.type);
  if (rateLimit.per.kind === "integration") {
    return { key: `integration:${integration.id}`, eventsPerMinute: rateLimit.eventsPerMinute };
  }
  const value = integrationVariables(integration, levelVariables)[rateLimit.per.name] ?? "";
  const digest = createHash("sha256").update(value).digest("hex").slice(0, 16);
  return { key: `${integration.type}:${rateLimit.per.name}:${digest}`, eventsPerMinute: rateLimit.eventsPerMinute };
}
