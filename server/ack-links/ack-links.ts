import { signAckToken, type LinkAction } from "./ack-token";

/** How long a link in a message works. Reminders carry fresh links, so a long incident stays covered. */
export const ACK_LINK_TTL_MS = 72 * 60 * 60 * 1000;

export interface AckLinkInput {
  publicUrl: string;
  key: Uint8Array;
  runId: string;
  workspaceId: string;
  integrationId?: string;
  nowMs: number;
  ttlMs?: number;
}

/** The page a link opens: `<PUBLIC_URL>/ack/<token>`. */
export function ackLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/ack/${token}`;
}

export function ackLinkFor(input: AckLinkInput, action: LinkAction): string {
  const token = signAckToken(input.key, {
    runId: input.runId,
    workspaceId: input.workspaceId,
    action,
    expiresAtMs: input.nowMs + (input.ttlMs ?? ACK_LINK_TTL_MS),
    integrationId: input.integrationId,
  });
  return ackLinkUrl(input.publicUrl, token);
}

/** `{{@alert.acknowledgeUrl}}` and `{{@alert.resolveUrl}}` for one message. */
export function ackLinksFor(input: AckLinkInput): { acknowledgeUrl: string; resolveUrl: string } {
  return { acknowledgeUrl: ackLinkFor(input, "acknowledge"), resolveUrl: ackLinkFor(input, "resolve") };
}

/** The token at the end of a link this server made, or null. */
export function tokenFromLink(link: string): string | null {
  const match = /\/ack\/([A-Za-z0-9_.-]+)\/?$/.exec(link.split(/[?#]/)[0] ?? "");
  return match?.[1] ?? null;
}
