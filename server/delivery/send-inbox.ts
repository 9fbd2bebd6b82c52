import type { EmailTemplate } from "~/core/integrations/customizations-schema";
import { templateFailureReason } from "~/core/delivery/send-failure-reason";
import { renderEmail } from "~/core/integrations/render-email";
import type { SendResult } from "~/core/integrations/send-result";
import type { TemplateContext, TemplateContextInput } from "~/core/message-template/template-context";
import { TemplateError } from "~/core/message-template/template-error";
import type { MessageType } from "~/core/message-template/message-type";
import type { SendDeps } from "./send-deps";
import { capStoredBody } from "~/core/delivery/stored-body";

export interface InboxWrite {
  title: string;
  body: string;
  messageType: MessageType;
  level: number;
  reminderNumber: number;
  idempotencyKey: string;
}

/** Stores one message; storing the same idempotency key twice keeps one row. */
export type InboxStore = (message: InboxWrite) => Promise<void>;

/** "Delivers" to the built-in inbox: renders title and body and stores them inside Alertflow. */
export async function sendToInbox(
  template: EmailTemplate,
  ctx: TemplateContext,
  input: Pick<TemplateContextInput, "messageType" | "level" | "reminderNumber">,
  deps: SendDeps,
): Promise<SendResult> {
  const started = performance.now();
  const result = (partial: Pick<SendResult, "ok" | "retryable" | "error">): SendResult => ({
    skipped: false,
    steps: [],
    attemptsInfo: { requests: 0 },
    request: null,
    response: null,
    ...partial,
    latencyMs: Math.round(performance.now() - started),
  });
  if (!deps.inbox) {
    return result({
      ok: false,
      retryable: false,
      error: { code: "MISSING_VARIABLE", message: "The inbox is not available in this process" },
    });
  }
  let rendered: { subject: string; text: string };
  try {
    rendered = renderEmail(template, ctx);
  } catch (error) {
    if (error instanceof TemplateError)
      return result({
        ok: false,
        retryable: false,
        error: { code: "TEMPLATE_ERROR", message: error.message, reason: templateFailureReason(error, "inbox", []) },
      });
    throw error;
  }
  await deps.inbox({
    title: rendered.subject,
    // A huge alert text is stored once, as its first 64 KiB and its size.
    body: capStoredBody(rendered.text.replace(/\n{3,}/g, "\n\n").trim()),
    messageType: input.messageType,
    level: input.level.id,
    reminderNumber: input.reminderNumber,
    idempotencyKey: deps.idempotencyKey,
  });
  return result({ ok: true, retryable: false });
}
