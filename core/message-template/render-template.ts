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

/**
 * Parsed templates by their text. An integration renders the same few templates for every
 * message it sends, and parsing them again was most of a send's rendering (2.6 % of the web
 * process's CPU under the bench). Frozen: a render that tried to change one would throw instead of
 * changing every later message. Past either limit the oldest goes.
 */
const parsedByText = new Map<string, TemplateAst>();
const PARSED_LIMIT = 500;
const PARSED_CHARS_LIMIT = 4_000_000;
let parsedChars = 0;

/** The template's tree, parsed once while it stays among the recent ones; throws its parse error. */
export function parsedTemplate(src: string): TemplateAst {
  const known = parsedByText.get(src);
  if (known) return known;
  const parsed = parseTemplate(src);
  if (!parsed.ok) throw parsed.error;
  const ast = deepFreeze(parsed.ast);
  parsedByText.set(src, ast);
  parsedChars += src.length;
  for (const [text] of parsedByText) {
    if (parsedByText.size <= PARSED_LIMIT && parsedChars <= PARSED_CHARS_LIMIT) break;
    parsedByText.delete(text);
    parsedChars -= text.length;
  }
  return ast;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/** Parses (once per text, see parsedTemplate) and renders; throws the parse error or render error as a `TemplateError`. */
export function renderTemplate(src: string, ctx: TemplateContext): string {
  return renderAst(parsedTemplate(src), ctx);
}
