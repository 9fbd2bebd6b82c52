import { z } from "zod";
import { recordOf } from "../wire/own-record";
import { MESSAGE_TYPES, messageTypeSchema } from "../message-template/message-type";

/** Every string below except names is template text (Uptrends syntax). */
export const httpMethodSchema = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

export const httpAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("basic"), username: z.string().max(2000), password: z.string().max(2000) }),
  z.object({ type: z.literal("bearer"), token: z.string().max(10_000) }),
  /** Sent without credentials first; the 401 challenge is answered and the request resent. */
  z.object({ type: z.literal("digest"), username: z.string().max(2000), password: z.string().max(2000) }),
]);
export type HttpAuth = z.infer<typeof httpAuthSchema>;

export const variableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "Use letters, digits, _ . -");

/** A response value kept as a variable for the steps after it (e.g. a token or a record id). */
export const captureSchema = z.object({
  name: variableNameSchema,
  from: z.enum(["jsonPath", "header"]),
  /** `$.result[0].sys_id` for jsonPath; the header name for header. */
  path: z.string().min(1).max(500),
});
export type Capture = z.infer<typeof captureSchema>;

export const httpBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("raw"), content: z.string().max(512 * 1024) }),
  /** application/x-www-form-urlencoded; each value is URL-encoded after rendering. */
  z.object({ type: z.literal("form"), fields: recordOf(z.string(), z.string().max(64 * 1024)) }),
]);
export type HttpBody = z.infer<typeof httpBodySchema>;

export const httpStepSchema = z.object({
  name: z.string().max(200).default(""),
  method: httpMethodSchema,
  url: z.string().min(1).max(4000),
  headers: recordOf(
    z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Not a valid header name"),
    z.string().max(8000),
  ).default({}),
  body: httpBodySchema.default({ type: "none" }),
  auth: httpAuthSchema.default({ type: "none" }),
  captures: z.array(captureSchema).max(20).default([]),
});
export type HttpStep = z.infer<typeof httpStepSchema>;
export type HttpStepInput = z.input<typeof httpStepSchema>;

/** One definition serves the message types it ticks; its steps run in order. */
export const stepDefinitionSchema = z.object({
  messageTypes: z.array(messageTypeSchema).min(1).max(3),
  steps: z.array(httpStepSchema).min(1).max(10),
});
export type StepDefinition = z.infer<typeof stepDefinitionSchema>;

export const emailTemplateSchema = z.object({
  subject: z.string().min(1).max(1000),
  html: z.string().max(256 * 1024),
  text: z.string().max(256 * 1024),
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

export const customizationsSchema = z
  .object({
    /** Replaces the type's default steps when present and non-empty. */
    stepDefinitions: z.array(stepDefinitionSchema).max(3).optional(),
    /** Email only: replaces the default subject and bodies per message type. */
    email: z.partialRecord(messageTypeSchema, emailTemplateSchema).optional(),
  })
  .superRefine((value, ctx) => {
    const definitions = value.stepDefinitions ?? [];
    if (definitions.length === 0) return;
    for (const type of MESSAGE_TYPES) {
      const users = definitions.flatMap((d, i) => (d.messageTypes.includes(type) ? [i] : []));
      if (users.length > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["stepDefinitions", users[1] ?? 0, "messageTypes"],
          message: `The ${type} message is already sent by step definition ${(users[0] ?? 0) + 1}`,
        });
      }
    }
    // Uptrends' rule: the Error message is always sent; Ok and Reminder only when ticked.
    if (!definitions.some((d) => d.messageTypes.includes("error"))) {
      ctx.addIssue({
        code: "custom",
        path: ["stepDefinitions"],
        message: "One step definition must send the Error message",
      });
    }
  });
export type IntegrationCustomizations = z.infer<typeof customizationsSchema>;
