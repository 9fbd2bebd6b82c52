import { z } from "zod";
import { validTimeZone } from "../i18n/locales";
import { allowListEntryKind, MAX_ALLOW_LIST_ENTRIES, MAX_ALLOW_LIST_ENTRY_LENGTH } from "./allow-list-entry";

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

const allowListEntry = z
  .string()
  .trim()
  .max(MAX_ALLOW_LIST_ENTRY_LENGTH, `An entry has at most ${MAX_ALLOW_LIST_ENTRY_LENGTH} characters`)
  .refine((entry) => allowListEntryKind(entry) !== null, {
    error: (issue) => `"${String(issue.input)}" is not a host, host:port or CIDR`,
  });

/** What an owner may change of the workspace; every field is checked here and named in errors. */
export const updateWorkspaceSettingsInput = z.object({
  name: z.string().trim().min(1, "Workspace name is required").max(100, "At most 100 characters"),
  retentionDays: z
    .number()
    .int("Whole days only")
    .min(MIN_RETENTION_DAYS, `At least ${MIN_RETENTION_DAYS} day`)
    .max(MAX_RETENTION_DAYS, `At most ${MAX_RETENTION_DAYS} days`),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => validTimeZone(zone) !== undefined, { error: "Not a known time zone (IANA, e.g. Europe/Paris)" }),
  outboundAllowList: z
    .array(allowListEntry)
    .max(MAX_ALLOW_LIST_ENTRIES, `At most ${MAX_ALLOW_LIST_ENTRIES} entries`)
    .transform((entries) => [...new Set(entries)]),
});

export type UpdateWorkspaceSettings = z.input<typeof updateWorkspaceSettingsInput>;
