import { putOwn } from "~/core/own-entry";
import { integrationDefinitions } from "~/core/integrations/registry";
import type { IntegrationType } from "~/core/integrations/integration-types";
import { decryptSecrets, encryptSecrets } from "../security/secret-box";
import type { Keyring } from "../security/secret-keyring";

/** Secrets are bound to their integration's id, so a ciphertext cannot be moved to another row. */
export function sealIntegrationSecrets(
  integrationId: string,
  secrets: Record<string, string>,
  keyring: Keyring,
): string | null {
  const present = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ""));
  if (Object.keys(present).length === 0) return null;
  return encryptSecrets(present, keyring.current, { associatedData: integrationId });
}

export function openIntegrationSecrets(
  integrationId: string,
  sealed: string | null,
  keyring: Keyring,
): Record<string, string> {
  if (!sealed) return {};
  return decryptSecrets(sealed, keyring, { associatedData: integrationId });
}

/** Secret-marked variables never land in the plain `variables` column, whatever the caller sent. */
export function splitSecrets(
  type: IntegrationType,
  variables: Record<string, string>,
  secrets: Record<string, string>,
) {
  const secretNames = new Set(integrationDefinitions[type].variables.filter((v) => v.secret).map((v) => v.name));
  const plain: Record<string, string> = {};
  const hidden: Record<string, string> = { ...secrets };
  for (const [name, value] of Object.entries(variables)) {
    putOwn(secretNames.has(name) ? hidden : plain, name, value);
  }
  // A name is either plain or secret: a new secret value hides an old plain one of that name.
  for (const [name, value] of Object.entries(hidden)) if (value !== "") delete plain[name];
  return { plain, hidden };
}

/** Applies `update`'s rule to stored secrets: named ones change, an empty string removes one. */
export function mergeSecrets(stored: Record<string, string>, changes: Record<string, string>): Record<string, string> {
  const merged = { ...stored, ...changes };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== ""));
}
