import type { Locale } from "~/core/i18n/locales";
import { versionNotes } from "./version-notes";
import { parseTemplateFile } from "~/core/flow-templates/parse-template-file";
import type { FlowTemplateDocument } from "~/core/flow-templates/template-document";
import { insertTemplate, refusal, type ActingScope } from "./save-template";
import type { TemplateRef } from "./template-inputs";
import { resolveTemplate, type TemplateScope } from "./template-store";

/** `"Slack now, PagerDuty…"` → `slack-now-pagerduty.alertflow-template.json`. */
function fileNameFor(document: FlowTemplateDocument): string {
  const slug = document.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "template"}-v${document.version}.alertflow-template.json`;
}

/** The file a person downloads: the stored document, which never held ids or secrets. */
export async function exportTemplate(scope: TemplateScope, ref: TemplateRef) {
  const { document } = await resolveTemplate(scope, ref);
  return { fileName: fileNameFor(document), text: `${JSON.stringify(document, null, 2)}\n` };
}

/**
 * Reads an uploaded file like any untrusted template (size, JSON, hostile keys, versions, graph
 * migrations and validation, placeholders) and only then stores it as a workspace template.
 * Refused files change nothing; the error names the place.
 */
export async function importTemplateFile(scope: ActingScope, fileText: string, locale: Locale = "en") {
  const read = parseTemplateFile(fileText);
  if (!read.ok) throw refusal("The template file was refused", read.issues);
  const document = { ...read.value, author: read.value.author || scope.actor.name };
  const saved = await insertTemplate(scope, document, {
    note: (await versionNotes(locale)).importedFromFile(),
    sourceFlowId: null,
  });
  return { ...saved, name: document.name };
}
