import { z } from "zod";
import { recordOf } from "../wire/own-record";
import { integrationTypeSchema } from "./integration-types";
import { messageTypeSchema } from "../message-template/message-type";

const variables = recordOf(z.string().min(1).max(100), z.string().max(10_000));

export const createIntegrationInput = z.object({
  type: z.string().min(1).max(50),
  name: z.string().trim().min(1, "Name is required").max(200),
  enabled: z.boolean().default(true),
  variables: variables.default({}),
  /** Write-only: stored encrypted, never returned. */
  secrets: variables.default({}),
  customizations: recordOf(z.string(), z.unknown()).default({}),
});

export const updateIntegrationInput = z.object({
  integrationId: z.string().uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  enabled: z.boolean().optional(),
  variables: variables.optional(),
  /** Only the secrets named here change; an empty string removes one. */
  secrets: variables.optional(),
  customizations: recordOf(z.string(), z.unknown()).optional(),
});

export const integrationIdInput = z.object({ integrationId: z.string().uuid() });

export const setEnabledInput = z.object({ integrationId: z.string().uuid(), enabled: z.boolean() });

/**
 * Unsaved editor state. With an `integrationId` it is laid over the stored integration, so a
 * preview or test of pending edits still uses the stored secrets the browser never sees.
 */
export const integrationDraftInput = z.object({
  type: integrationTypeSchema,
  variables: variables.default({}),
  /** Typed but not saved; an empty string removes a stored one, as in `update`. */
  secrets: variables.default({}),
  /** Left unparsed: the editor previews half-finished steps, and the preview reports what is wrong. */
  customizations: recordOf(z.string(), z.unknown()).default({}),
});
export type IntegrationDraftInput = z.infer<typeof integrationDraftInput>;

/**
 * Fields of the sample alert a person may change before a preview or test-send. Written out
 * without defaults: a field left out keeps the sample's value.
 */
export const sampleAlertOverrides = z
  .object({
    key: z.string().min(1).max(500),
    status: z.enum(["error", "ok"]),
    summary: z.string().max(1024),
    description: z.string().max(100_000),
    severity: z.enum(["critical", "error", "warning", "info"]),
    source: z.string().max(500),
    labels: recordOf(z.string(), z.string()),
    annotations: recordOf(z.string(), z.string()),
    monitor: z
      .object({
        guid: z.string(),
        name: z.string(),
        type: z.string(),
        url: z.string(),
        notes: z.string(),
        dashboardUrl: z.string(),
        editUrl: z.string(),
      })
      .partial()
      .strict(),
    details: recordOf(z.string(), z.string()),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .partial()
  .strict();
export type SampleAlertOverrides = z.infer<typeof sampleAlertOverrides>;

const messageInput = {
  messageType: messageTypeSchema,
  sampleAlert: sampleAlertOverrides.optional(),
  /** The escalation level's custom message (`{{@escalationLevel.message}}`). */
  levelMessage: z.string().max(10_000).optional(),
  /** Values an escalation level would supply for per-level variables. */
  levelVariables: variables.default({}),
};

export const previewInput = z
  .object({ integrationId: z.string().uuid().optional(), draft: integrationDraftInput.optional(), ...messageInput })
  .refine((v) => v.integrationId !== undefined || v.draft !== undefined, {
    message: "Give an integrationId or a draft",
    path: ["draft"],
  });
export type PreviewInput = z.infer<typeof previewInput>;

export const testSendInput = z.object({
  integrationId: z.string().uuid(),
  draft: integrationDraftInput.optional(),
  ...messageInput,
});
export type TestSendInput = z.infer<typeof testSendInput>;

export const sampleAlertInput = z.object({ messageType: messageTypeSchema });

/** A URL as typed in the editor, checked against the outbound guard before anything is sent. */
export const outboundUrlInput = z.object({ url: z.string().trim().max(2048) });
