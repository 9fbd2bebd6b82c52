import { renderTemplate } from "../message-template/render-template";
import type { TemplateContext } from "../message-template/template-context";
import type { EmailTemplate } from "./customizations-schema";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function renderEmail(template: EmailTemplate, ctx: TemplateContext): RenderedEmail {
  return {
    // A header cannot hold a line break; an alert text with one must not split the subject.
    subject: renderTemplate(template.subject, ctx)
      .replace(/\s*[\r\n]+\s*/g, " ")
      .trim(),
    html: renderTemplate(template.html, ctx),
    text: renderTemplate(template.text, ctx),
  };
}
