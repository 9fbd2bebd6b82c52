/** The parts of an integration an audit entry compares; secrets are compared, never reported. */
export interface IntegrationSnapshot {
  name: string;
  enabled: boolean;
  variables: Record<string, string>;
  secrets: Record<string, string>;
  customizations: Record<string, unknown>;
}

/** JSON with object keys sorted: Postgres jsonb reorders keys, which is no change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

const differing = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => canonical(before[key]) !== canonical(after[key]))
    .sort();

/**
 * Which fields an update changed, by name: `name`, `enabled`, `variables.<name>`,
 * `customizations.<message type>`, and separately the names of secrets set, replaced or removed.
 * The values of secrets never leave this function.
 */
export function integrationChanges(before: IntegrationSnapshot, after: IntegrationSnapshot) {
  const changed = [
    ...(before.name === after.name ? [] : ["name"]),
    ...(before.enabled === after.enabled ? [] : ["enabled"]),
    ...differing(before.variables, after.variables).map((name) => `variables.${name}`),
    ...differing(before.customizations, after.customizations).map((type) => `customizations.${type}`),
  ];
  return { changed, secretsChanged: differing(before.secrets, after.secrets) };
}
