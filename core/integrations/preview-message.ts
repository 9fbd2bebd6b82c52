import { maskSecrets } from "../secrets/mask";
import { redact } from "../secrets/redact";
import { sampleTemplateContextInput } from "../message-template/sample-context";
import type { MessageType } from "../message-template/message-type";
import { buildTemplateContext, type TemplateContextInput } from "../message-template/template-context";
import { TemplateError, type TemplateErrorParams } from "../message-template/template-error";
import type { IntegrationRecord } from "./integration-record";
import { integrationVariables, resolveMessagePlan } from "./message-plan";
import { renderStep } from "./render-step";
import { renderEmail } from "./render-email";
import type { RecordedRequest } from "./send-result";

/**
 * Which part of the message a preview line is about. The page words it in its language: a
 * numbered step without a name, the email, the inbox, and the names of a type's own default
 * steps (`builtIn`); a name the person typed is shown as typed.
 */
export type PreviewStep =
  { kind: "http"; number: number; name: string; builtIn: boolean } | { kind: "email" } | { kind: "inbox" };

export interface PreviewProblem {
  step: PreviewStep;
  code: string;
  message: string;
  params?: TemplateErrorParams;
  position?: number;
  line?: number;
  column?: number;
}

export interface MessagePreview {
  messageType: MessageType;
  skipped: boolean;
  skipReason?: string;
  /** One per HTTP step, in order, secrets shown as `[secret:Name]`. */
  requests: (RecordedRequest & { step: PreviewStep })[];
  email?: { from: string; to: string; subject: string; html: string; text: string };
  problems: PreviewProblem[];
  /**
   * Fields cut to the preview's length, and how many characters were left out of them: a count,
   * not a sentence, so the page words it in its own language.
   */
  cut?: { fields: number; characters: number; limit: number };
}

/**
 * Renders what `sendIntegrationMessage` would send, without sending. Values later steps would
 * capture from a response are shown as `<Name ← #2>` (captured by step 2): signs, not words, so
 * the preview reads the same in every language.
 */
export function previewMessage(
  integration: IntegrationRecord,
  messageType: MessageType,
  sampleCtx: TemplateContextInput = sampleTemplateContextInput(messageType),
): MessagePreview {
  const preview: MessagePreview = { messageType, skipped: false, requests: [], problems: [] };
  const plan = resolveMessagePlan(integration, messageType);
  if (plan.kind === "skip") return { ...preview, skipped: true, skipReason: plan.reason };
  // Secrets enter the template as their masks, so every function (Base64Encode, UrlEncode,
  // HexToBase64, JsonEncode, Truncate...) only ever sees `[secret:Name]`. Redacting the real
  // values afterwards stays as a second line.
  const masked = { ...integration, secrets: maskSecrets(integration.secrets) };
  let ctx = buildTemplateContext({
    ...sampleCtx,
    messageType,
    variables: integrationVariables(masked, sampleCtx.variables),
  });
  const secrets = Object.values(integration.secrets);
  const problem = (step: PreviewStep, error: unknown): PreviewProblem => {
    if (error instanceof TemplateError)
      return {
        step,
        code: error.code,
        message: error.message,
        params: error.params,
        position: error.position,
        line: error.line,
        column: error.column,
      };
    throw error;
  };

  // The inbox shows a title and a body, previewed like an email's subject and text.
  if (plan.kind === "email" || plan.kind === "inbox") {
    const inbox = plan.kind === "inbox";
    try {
      const email = renderEmail(plan.template, ctx);
      const r = (s: string) => redact(s, secrets);
      // The inbox has no address: the page says where its messages go, in its language.
      preview.email = {
        from: inbox ? "Alertflow" : (ctx.variables.From ?? ""),
        to: inbox ? "" : (ctx.variables.To ?? ""),
        subject: r(email.subject),
        html: r(email.html),
        text: r(email.text),
      };
    } catch (error) {
      preview.problems.push(problem({ kind: inbox ? "inbox" : "email" }, error));
    }
    return preview;
  }

  const shown: string[] = [];
  // A placeholder the template URL-encoded reads as itself: it stands for a value, not for text.
  const readableUrl = (url: string) => shown.reduce((u, p) => u.split(encodeURIComponent(p)).join(p), url);
  for (const [index, step] of plan.definition.steps.entries()) {
    const name: PreviewStep = { kind: "http", number: index + 1, name: step.name, builtIn: !plan.customized };
    try {
      const rendered = renderStep(step, ctx);
      // Credentials rendered from masks (e.g. a basic-auth header) hold no secret: only real values are hidden.
      const hide = secrets;
      const headers = Object.fromEntries(
        Object.entries(rendered.request.headers).map(([k, v]) => [k, redact(v, hide)]),
      );
      preview.requests.push({
        step: name,
        method: rendered.request.method,
        url: readableUrl(redact(rendered.request.url, hide)),
        headers,
        body: redact(rendered.request.body ?? "", hide),
      });
    } catch (error) {
      preview.problems.push(problem(name, error));
    }
    const placeholders = Object.fromEntries(step.captures.map((c) => [c.name, `<${c.name} ← #${index + 1}>`]));
    shown.push(...Object.values(placeholders));
    ctx = { ...ctx, variables: { ...ctx.variables, ...placeholders } };
  }
  return preview;
}
