import { parseTemplate } from "./parse-template";
import { isSystemVariable } from "./system-variables";
import type { TemplateAst, TemplateNode } from "./template-ast";
import type { TemplateContext } from "./template-context";
import { RenderBudget } from "./template-budget";
import { TemplateError } from "./template-error";
import { findTemplateFunction } from "./template-functions";
import { InvalidArgumentError, argumentProblem } from "./text-codecs";

function renderNodes(nodes: TemplateNode[], ctx: TemplateContext, source: string, budget: RenderBudget): string {
  let out = "";
  for (const node of nodes) out += budget.spend(renderNode(node, ctx, source, budget), node.position);
  return out;
}

function renderNode(node: TemplateNode, ctx: TemplateContext, source: string, budget: RenderBudget): string {
  switch (node.kind) {
    case "text":
      return node.value;
    case "variable": {
      const value = node.system
        ? isSystemVariable(node.name)
          ? ctx.system[node.name]
          : undefined
        : Object.hasOwn(ctx.variables, node.name)
          ? ctx.variables[node.name]
          : undefined;
      if (value === undefined) {
        const shown = node.system ? `@${node.name}` : node.name;
        throw new TemplateError("UNKNOWN_VARIABLE", `Unknown variable {{${shown}}}`, node.position, source, {
          name: shown,
        });
      }
      // Inserted raw: escaping is the template's choice (@JsonEncode, @XmlEncode), as in Uptrends.
      return value;
    }
    case "call": {
      const fn = findTemplateFunction(node.name);
      if (!fn)
        throw new TemplateError("UNKNOWN_FUNCTION", `Unknown function @${node.name}`, node.position, source, {
          name: `@${node.name}`,
        });
      const args = node.args.map((arg, index) => {
        const [first, ...rest] = arg;
        const literalStart =
          fn.ignoreSpaceAfterComma && index > 0 && first?.kind === "text"
            ? [{ ...first, value: first.value.trimStart() }, ...rest]
            : arg;
        const value = renderNodes(literalStart, ctx, source, budget);
        return fn.trimArgs ? value.trim() : value;
      });
      try {
        return fn.call(args, ctx);
      } catch (error) {
        if (error instanceof InvalidArgumentError || error instanceof RangeError) {
          throw new TemplateError("INVALID_ARGUMENT", error.message, node.position, source, {
            name: `@${node.name}`,
            detail: error.message,
            ...argumentProblem(error),
          });
        }
        throw error;
      }
    }
  }
}

/** Renders a parsed template. Throws `TemplateError` for unknown variables and bad arguments. */
export function renderAst(ast: TemplateAst, ctx: TemplateContext): string {
  return renderNodes(ast.nodes, ctx, ast.source, new RenderBudget(ast.source));
}

/** Parses and renders; throws the parse error or render error as a `TemplateError`. */
export function renderTemplate(src: string, ctx: TemplateContext): string {
  const parsed = parseTemplate(src);
  if (!parsed.ok) throw parsed.error;
  return renderAst(parsed.ast, ctx);
}
