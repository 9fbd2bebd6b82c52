import type { MessageType } from "../message-template/message-type";
import { httpStepSchema, type HttpStepInput, type StepDefinition } from "./customizations-schema";
import { jsonTemplate, type JsonTemplateValue } from "./json-template";

/** Parses through the schema so defaults in the catalogue are held to the same rules as users'. */
export function httpStep(input: HttpStepInput) {
  return httpStepSchema.parse(input);
}

export function jsonStep(
  method: HttpStepInput["method"],
  url: string,
  body: JsonTemplateValue,
  extra: Omit<HttpStepInput, "method" | "url" | "body"> = {},
) {
  return httpStep({
    ...extra,
    method,
    url,
    headers: { "Content-Type": "application/json", ...extra.headers },
    body: { type: "raw", content: jsonTemplate(body) },
  });
}

export function stepDefinition(messageTypes: MessageType[], ...steps: ReturnType<typeof httpStep>[]): StepDefinition {
  return { messageTypes, steps };
}
