import { AUDIT_ACTIONS, type AuditAction } from "~/core/audit/audit-actions";

/**
 * What the audit table says of an entry: a message key under `AuditLog.details` and its values,
 * read defensively from the stored detail (older rows may lack a field; nothing here throws).
 */
export interface AuditSummary {
  key: AuditAction | "unknown";
  values: Record<string, string | number>;
  /** Free text the actor typed (a publish note, an acknowledge note), shown quoted. */
  note: string | null;
  /** A page of the app the entry is about, while its row may still exist. */
  href: string | null;
}

const text = (detail: Record<string, unknown>, key: string): string => {
  const value = detail[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
};
const list = (detail: Record<string, unknown>, key: string): string[] => {
  const value = detail[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};
const count = (detail: Record<string, unknown>, key: string): number => {
  const value = detail[key];
  return typeof value === "number" ? value : Array.isArray(value) ? value.length : 0;
};

export const isAuditAction = (action: string): action is AuditAction => AUDIT_ACTIONS.some((a) => a === action);

/** `none` stands for an empty list: the message chooses its wording with a select. */
const names = (values: string[]) => (values.length === 0 ? "none" : values.join(", "));

export function summarize(entry: {
  action: string;
  targetId: string | null;
  detail: Record<string, unknown>;
}): AuditSummary {
  const { action, targetId, detail: d } = entry;
  if (!isAuditAction(action)) return { key: "unknown", values: { action }, note: null, href: null };
  const note = text(d, "note") || null;
  const id = targetId ?? "";
  switch (action) {
    case "flow.published":
    case "flow.restored":
      return {
        key: action,
        values: { flow: text(d, "flowName"), version: text(d, "version") },
        note,
        href: `/flows/${id}`,
      };
    case "workspace.updated":
      return {
        key: action,
        values: {
          changed: names(list(d, "changed")),
          added: names(list(d, "allowListAdded")),
          removed: names(list(d, "allowListRemoved")),
        },
        note: null,
        href: "/settings/workspace",
      };
    case "endpoint.created":
    case "endpoint.revoked":
      return { key: action, values: { flow: text(d, "flowName") }, note: null, href: `/flows/${text(d, "flowId")}` };
    case "flow.archived":
      return {
        key: action,
        values: { flow: text(d, "flowName"), open: count(d, "openIncidents") },
        note: null,
        href: `/flows/${id}`,
      };
    case "flow.unarchived":
      return { key: action, values: { flow: text(d, "flowName") }, note: null, href: `/flows/${id}` };
    case "flow.duplicated":
      return {
        key: action,
        values: { flow: text(d, "flowName"), from: text(d, "fromFlowName") },
        note: null,
        href: `/flows/${id}`,
      };
    case "flow.deleted":
      return {
        key: action,
        values: { flow: text(d, "flowName"), runs: count(d, "runsDeleted") },
        note: null,
        href: null,
      };
    case "share_link.created":
    case "share_link.revoked":
      return {
        key: action,
        values: { template: text(d, "templateName") },
        note: null,
        href: `/templates/${text(d, "templateId")}`,
      };
    case "integration.created":
      return {
        key: action,
        values: { name: text(d, "name"), type: text(d, "type"), secrets: names(list(d, "secretsSet")) },
        note: null,
        href: `/integrations/${id}`,
      };
    case "integration.updated":
      return {
        key: action,
        values: {
          name: text(d, "name"),
          changed: names(list(d, "changed")),
          secrets: names(list(d, "secretsChanged")),
        },
        note: null,
        href: `/integrations/${id}`,
      };
    case "integration.deleted":
      return { key: action, values: { name: text(d, "name"), type: text(d, "type") }, note: null, href: null };
    case "member.invited":
    case "invitation.revoked":
      return { key: action, values: { who: text(d, "note") || "none", role: text(d, "role") }, note: null, href: null };
    case "invitation.accepted":
      return { key: action, values: { role: text(d, "role") }, note: null, href: null };
    case "member.role_changed":
      return {
        key: action,
        values: { name: text(d, "name"), from: text(d, "from"), to: text(d, "to") },
        note: null,
        href: null,
      };
    case "member.removed":
      return {
        key: action,
        values: { name: text(d, "name"), role: text(d, "role"), tokens: count(d, "tokensRevoked") },
        note: null,
        href: null,
      };
    case "token.created":
    case "token.revoked":
      return { key: action, values: { name: text(d, "name"), role: text(d, "role") }, note: null, href: null };
    case "run.acknowledged":
    case "run.resolved":
    case "run.cancelled":
      return {
        key: action,
        values: { alertKey: text(d, "alertKey"), source: text(d, "source") || "ui" },
        note,
        href: `/runs/${id}`,
      };
    case "run.resent":
      return { key: action, values: { count: count(d, "deliveries") }, note: null, href: `/runs/${id}` };
    case "run.rerun":
      return {
        key: action,
        values: { alertKey: text(d, "alertKey"), version: text(d, "version") },
        note: null,
        href: `/runs/${text(d, "newRunId") || id}`,
      };
  }
}
