import { z } from "zod";

const variables = z.record(z.string().min(1).max(100), z.string().max(10_000));

export const createIntegrationInput = z.object({
  type: z.string().min(1).max(50),
  name: z.string().trim().min(1, "Name is required").max(200),
  enabled: z.boolean().default(true),
  variables: variables.default({}),
  /** Write-only: stored encrypted, never returned. */
  secrets: variables.default({}),
  customizations: z.record(z.string(), z.unknown()).default({}),
});

export const updateIntegrationInput = z.object({
  integrationId: z.string().uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  enabled: z.boolean().optional(),
  variables: variables.optional(),
  /** Only the secrets named here change; an empty string removes one. */
  secrets: variables.optional(),
  customizations: z.record(z.string(), z.unknown()).optional(),
});

export const integrationIdInput = z.object({ integrationId: z.string().uuid() });
