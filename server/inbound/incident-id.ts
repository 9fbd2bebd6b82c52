import { createHash } from "node:crypto";
import { AlertDomainError } from "~/core/alerts/alert-error";

/**
 * The Temporal workflow id of a flow's incident: `flow:<flowId>:alert:<key>`. Events for the same
 * flow and key reach the same workflow through signalWithStart, so this must be a pure function
 * of its inputs. Server-side only (node:crypto); workflow code receives the id, never computes it.
 */
const READABLE_KEY_LIMIT = 200;
const HASHED_PREFIX = "sha256:";
/**
 * C0/C1 controls break logs and the Temporal UI; an unpaired surrogate is not valid UTF-8, which
 * Temporal ids must be.
 */
function hasUnsafeChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++; // a valid pair: skip its low half
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** The key as it appears in the id: itself when short and printable, else its SHA-256. */
export function workflowKeyFor(alertKey: string): string {
  const needsHash =
    alertKey.length > READABLE_KEY_LIMIT ||
    hasUnsafeChars(alertKey) ||
    // A key that already looks hashed is hashed too, so no readable key can equal a hashed one.
    alertKey.startsWith(HASHED_PREFIX);
  if (!needsHash) return alertKey;
  return HASHED_PREFIX + createHash("sha256").update(alertKey, "utf8").digest("hex");
}

export function workflowIdFor(flowId: string, alertKey: string): string {
  if (flowId === "" || flowId.includes(":") || hasUnsafeChars(flowId)) {
    throw new AlertDomainError("invalid_flow_id", `Flow id ${JSON.stringify(flowId)} cannot be part of a workflow id`);
  }
  if (alertKey === "") {
    throw new AlertDomainError("empty_alert_key", "An alert key is required to address an incident");
  }
  return `flow:${flowId}:alert:${workflowKeyFor(alertKey)}`;
}
