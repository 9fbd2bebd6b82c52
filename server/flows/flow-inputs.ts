import { z } from "zod";

export const flowIdInput = z.object({ flowId: z.string().uuid() });

export const createFlowInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(200),
  description: z.string().max(2000).default(""),
  /** Optional starting graph (unknown: it is validated like any draft). */
  graph: z.unknown().optional(),
});

export const saveDraftInput = z.object({
  flowId: z.string().uuid(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  graph: z.unknown(),
  /** The revision the editor started from; a mismatch means someone else saved. */
  baseRevision: z.number().int().min(0).optional(),
});

export const publishInput = z.object({
  flowId: z.string().uuid(),
  note: z.string().max(2000).default(""),
});

export const setEnabledInput = z.object({ flowId: z.string().uuid(), enabled: z.boolean() });

export const versionInput = z.object({ flowId: z.string().uuid(), versionId: z.string().uuid() });

export const restoreVersionInput = versionInput.extend({
  /** The revision the editor holds; a mismatch means someone else saved. */
  baseRevision: z.number().int().min(0).optional(),
});

export const listFlowsInput = z.object({ archived: z.boolean().default(false) }).optional();

export const setArchivedInput = z.object({ flowId: z.string().uuid(), archived: z.boolean() });

export const duplicateFlowInput = z.object({
  flowId: z.string().uuid(),
  /** Defaults to "<name> (copy)". */
  name: z.string().trim().min(1, "Name is required").max(200).optional(),
});
