import { decryptSecrets, encryptSecrets, keyFromPassphrase } from "../security/secret-box";

/** Secrets are bound to their integration's id, so a ciphertext cannot be moved to another row. */
export function sealIntegrationSecrets(integrationId: string, secrets: Record<string, string>, passphrase: string): string | null {
  const present = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ""));
  if (Object.keys(present).length === 0) return null;
  return encryptSecrets(present, keyFromPassphrase(passphrase), { associatedData: integrationId });
}

export function openIntegrationSecrets(integrationId: string, sealed: string | null, passphrase: string): Record<string, string> {
  if (!sealed) return {};
  return decryptSecrets(sealed, keyFromPassphrase(passphrase), { associatedData: integrationId });
}
