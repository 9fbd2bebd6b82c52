/** Positions are 0-based offsets into the template source; `end` is exclusive. */
export interface TextNode {
  kind: "text";
  value: string;
  position: number;
  end: number;
}

export interface VariableNode {
  kind: "variable";
  /** Without the leading `@`. */
  name: string;
  /** `{{@name}}` (system) or `{{Name}}` (integration variable). */
  system: boolean;
  position: number;
  end: number;
}

export interface CallNode {
  kind: "call";
  /** Canonical function name, e.g. `JsonEncode`. */
  name: string;
  /** Each argument is itself template content, so arguments can nest expressions. */
  args: TemplateNode[][];
  position: number;
  end: number;
}

export type TemplateNode = TextNode | VariableNode | CallNode;

export interface TemplateAst {
  source: string;
  nodes: TemplateNode[];
}
