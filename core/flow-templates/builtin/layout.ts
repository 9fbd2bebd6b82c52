import type { z } from "zod";
import type { flowEdgeSchema, SourceHandle } from "../../flow/document";
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type FlowTemplateDocumentInput } from "../template-document";

/** Grid of the built-in drawings: node cards are 240 px wide; levels stack downwards. */
const COLUMN = 320;
const ROW = 150;

export const at = (column: number, row: number) => ({ x: column * COLUMN, y: row * ROW });

export const link = (source: string, sourceHandle: SourceHandle, target: string): z.input<typeof flowEdgeSchema> => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
});

export interface BuiltinTemplate {
  /** Stable, URL-safe; a flow made from it records `builtin:<key>`. */
  key: string;
  document: FlowTemplateDocumentInput;
}

type BuiltinDocument = Omit<FlowTemplateDocumentInput, "format" | "formatVersion" | "author">;

/** Built-ins are ordinary template documents; this fills in the envelope they all share. */
export const builtin = (key: string, document: BuiltinDocument): BuiltinTemplate => ({
  key,
  document: { format: TEMPLATE_FORMAT, formatVersion: TEMPLATE_FORMAT_VERSION, author: "Alertflow", ...document },
});
