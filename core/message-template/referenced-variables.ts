import { parseTemplate } from "./parse-template";
import type { TemplateNode } from "./template-ast";

function collect(nodes: readonly TemplateNode[], into: Set<string>) {
  for (const node of nodes) {
    if (node.kind === "variable" && !node.system) into.add(node.name);
    if (node.kind === "call") for (const arg of node.args) collect(arg, into);
  }
}

/**
 * The integration variables (`{{Name}}`, also inside function calls) a template reads. Text that
 * does not parse is taken to read every candidate whose name it contains, so a half-typed
 * template never counts as harmless.
 */
export function referencedVariables(src: string, candidates: Iterable<string>): Set<string> {
  const parsed = parseTemplate(src);
  const found = new Set<string>();
  if (parsed.ok) {
    collect(parsed.ast.nodes, found);
    return found;
  }
  for (const name of candidates) if (src.includes(name)) found.add(name);
  return found;
}
