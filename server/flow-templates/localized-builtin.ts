import type { ReadBuiltinTemplate } from "~/core/flow-templates/builtin";
import {
  localizeBuiltin,
  type BuiltinTagWords,
  type BuiltinTexts,
} from "~/core/flow-templates/builtin/localize-builtin";
import type { FlowTemplateDocument } from "~/core/flow-templates/template-document";
import type { Locale } from "~/core/i18n/locales";
import { loadMessages } from "~/core/i18n/messages";

/** A built-in worded in `locale` from Alertflow's message files (`BuiltinTemplates.<key>`, `BuiltinTemplateTags`). */
export async function localizedBuiltin(builtin: ReadBuiltinTemplate, locale: Locale): Promise<FlowTemplateDocument> {
  const texts: Record<string, BuiltinTexts | undefined> = (await loadMessages(locale)).BuiltinTemplates;
  const tags: BuiltinTagWords = (await loadMessages(locale)).BuiltinTemplateTags;
  return localizeBuiltin(builtin.document, texts[builtin.key], tags);
}
