import type { IntegrationRecord } from "~/core/integrations/integration-record";
import { previewMessage, type MessagePreview } from "~/core/integrations/preview-message";
import type { MessageType } from "~/core/message-template/message-type";
import type { TemplateContextInput } from "~/core/message-template/template-context";
import { previewExcerpt } from "./preview-excerpt";
import { templateIssues, type DraftIssue } from "./template-issues";

/** The CPU-bound half of a preview: plain data in and out, so it can run on a worker thread. */
export interface PreviewRenderInput {
  /** As the person wrote it: its templates are validated. */
  record: IntegrationRecord;
  /** With markers for unset variables: this one is rendered. */
  rendered: IntegrationRecord;
  messageType: MessageType;
  ctx: TemplateContextInput;
}

export interface PreviewRenderOutput {
  issues: DraftIssue[];
  preview: MessagePreview;
}

export function renderPreview({ record, rendered, messageType, ctx }: PreviewRenderInput): PreviewRenderOutput {
  return { issues: templateIssues(record), preview: previewExcerpt(previewMessage(rendered, messageType, ctx)) };
}
