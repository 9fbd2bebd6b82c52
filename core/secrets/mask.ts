/** What a preview shows in place of a secret's value, e.g. `[secret:RoutingKey]`. */
export function secretMask(name: string): string {
  return `[secret:${name}]`;
}

/**
 * The secrets replaced by their masks at the variable level, before any template function runs:
 * Base64Encode, UrlEncode, HexToBase64, JsonEncode, Truncate only ever see the mask, so no
 * encoding of the value can reach a preview.
 */
export function maskSecrets(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(secrets).map((name) => [name, secretMask(name)]));
}
