import { allowListEntryKind, MAX_ALLOW_LIST_ENTRIES } from "~/core/accounts/allow-list-entry";
import { updateWorkspaceSettingsInput } from "~/core/accounts/workspace-settings-inputs";

/** The form's text fields; the allow-list is edited one entry per line. */
export interface SettingsDraft {
  name: string;
  retentionDays: string;
  timeZone: string;
  outboundAllowList: string;
}

export type SettingsField = keyof SettingsDraft;

export type FieldProblem =
  | { field: SettingsField; key: "nameRequired" | "retentionRange" | "timeZoneUnknown" | "allowListTooMany" }
  | { field: "outboundAllowList"; key: "allowListEntry"; entry: string };

export const entriesOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Checks the draft with the server's schema and says, per field, what to fix. */
export function checkDraft(draft: SettingsDraft) {
  const entries = entriesOf(draft.outboundAllowList);
  const problems: FieldProblem[] = [];
  const bad = entries.find((entry) => allowListEntryKind(entry) === null);
  if (bad !== undefined) problems.push({ field: "outboundAllowList", key: "allowListEntry", entry: bad });
  else if (entries.length > MAX_ALLOW_LIST_ENTRIES)
    problems.push({ field: "outboundAllowList", key: "allowListTooMany" });
  const parsed = updateWorkspaceSettingsInput.safeParse({
    name: draft.name,
    retentionDays: draft.retentionDays.trim() === "" ? Number.NaN : Number(draft.retentionDays),
    timeZone: draft.timeZone,
    outboundAllowList: entries,
  });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    if (fields.has("name")) problems.push({ field: "name", key: "nameRequired" });
    if (fields.has("retentionDays")) problems.push({ field: "retentionDays", key: "retentionRange" });
    if (fields.has("timeZone")) problems.push({ field: "timeZone", key: "timeZoneUnknown" });
  }
  return problems.length === 0 && parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, problems };
}
