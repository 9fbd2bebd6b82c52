import type { NormalizedAlert } from "./alert";

/**
 * Dot paths into a normalized alert (`summary`, `monitor.name`, `labels.severity`), shared by
 * trigger filters and alert-key expressions so both accept exactly the same fields.
 */
type FieldKind = "text" | "map" | "monitor";

/** `satisfies` makes adding a field to the alert shape a compile error until it is listed here. */
const ROOT_FIELDS = {
  key: "text",
  status: "text",
  summary: "text",
  description: "text",
  severity: "text",
  source: "text",
  occurredAt: "text",
  labels: "map",
  annotations: "map",
  details: "map",
  monitor: "monitor",
} satisfies Record<keyof NormalizedAlert, FieldKind>;

const MONITOR_FIELDS = {
  guid: true,
  name: true,
  type: true,
  url: true,
  notes: true,
  dashboardUrl: true,
  editUrl: true,
} satisfies Record<keyof NormalizedAlert["monitor"], true>;

const rootKinds: Record<string, FieldKind | undefined> = ROOT_FIELDS;
const monitorFields: Record<string, true | undefined> = MONITOR_FIELDS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The value at `path`, or undefined. Map keys may themselves contain dots (Grafana labels,
 * Kubernetes-style `app.kubernetes.io/name`, details such as `values.B`), so at each level the
 * longest key that exists wins.
 */
export function lookupAlertPath(alert: NormalizedAlert, path: string): unknown {
  const segments = path.split(".");
  let value: unknown = alert;
  let index = 0;
  while (index < segments.length) {
    if (!isRecord(value)) return undefined;
    const current: Record<string, unknown> = value;
    let next = -1;
    for (let end = segments.length; end > index; end--) {
      if (Object.hasOwn(current, segments.slice(index, end).join("."))) {
        next = end;
        break;
      }
    }
    if (next === -1) return undefined;
    value = current[segments.slice(index, next).join(".")];
    index = next;
  }
  return value;
}

/** The text at `path`; undefined when it is missing or not a single value (e.g. `labels`). */
export function alertPathText(alert: NormalizedAlert, path: string): string | undefined {
  const value = lookupAlertPath(alert, path);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

const FIELD_HELP =
  "Use key, status, summary, description, severity, source, occurredAt, monitor.<field>, " +
  "labels.<name>, annotations.<name> or details.<name>";

/** Why `path` can never name a single value of a normalized alert, or undefined when it can. */
export function alertPathProblem(path: string): string | undefined {
  const trimmed = path.trim();
  if (trimmed === "") return `Choose a field. ${FIELD_HELP}`;
  const dot = trimmed.indexOf(".");
  const root = dot === -1 ? trimmed : trimmed.slice(0, dot);
  const rest = dot === -1 ? "" : trimmed.slice(dot + 1);
  const kind = Object.hasOwn(rootKinds, root) ? rootKinds[root] : undefined;
  switch (kind) {
    case undefined:
      return `Unknown field "${root}". ${FIELD_HELP}`;
    case "text":
      return rest === "" ? undefined : `"${root}" is a single value and has no field "${rest}"`;
    case "map":
      return rest === "" ? `Name an entry, e.g. ${root}.severity` : undefined;
    case "monitor":
      if (Object.hasOwn(monitorFields, rest)) return undefined;
      return `Unknown monitor field "${rest}". Use one of ${Object.keys(MONITOR_FIELDS).join(", ")}`;
  }
}
