import { parseTemplate } from "./parse-template";
import { sampleTemplateContext } from "./sample-context";
import { isSystemVariable } from "./system-variables";
import type { TemplateNode } from "./template-ast";
import { RenderBudget } from "./template-budget";
import { TemplateError } from "./template-error";
import { findTemplateFunction } from "./template-functions";
import { InvalidArgumentError, argumentProblem } from "./text-codecs";

export interface ValidateOptions {
  /** Integration variables (`{{Name}}`) that will have a value when the template renders. */
  knownVariables: Iterable<string>;
}

const probeContext = sampleTemplateContext("error");
/** Enough to fix a template; a report of thousands would itself be the slow part. */
export const MAX_TEMPLATE_ERRORS = 50;

/** Runs a call whose arguments are all literal, so `@RandomInt(a,b)` fails at save time. */
function probeLiteralCall(
  node: Extract<TemplateNode, { kind: "call" }>,
  source: string,
  budget: RenderBudget,
): TemplateError | undefined {
  const fn = findTemplateFunction(node.name);
  if (!fn) return undefined;
  const args: string[] = [];
  for (const arg of node.args) {
    let value = "";
    for (const part of arg) {
      if (part.kind !== "text") return undefined;
      value += part.value;
    }
    args.push(fn.trimArgs ? value.trim() : value);
  }
  try {
    budget.spend(fn.call(args, probeContext), node.position);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateError) return error;
    if (error instanceof InvalidArgumentError || error instanceof RangeError) {
      return new TemplateError("INVALID_ARGUMENT", error.message, node.position, source, {
        name: `@${node.name}`,
        detail: error.message,
        ...argumentProblem(error),
      });
    }
    throw error;
  }
}

/**
 * All problems in a template, each with its position: the syntax error if it does not parse,
 * otherwise every unknown variable and every function given unusable literal arguments.
 */
export function validateTemplate(src: string, options: ValidateOptions): TemplateError[] {
  const parsed = parseTemplate(src);
  if (!parsed.ok) return [parsed.error];
  const known = new Set(options.knownVariables);
  const errors: TemplateError[] = [];
  const budget = new RenderBudget(src);
  const visit = (nodes: TemplateNode[]) => {
    for (const node of nodes) {
      if (errors.length >= MAX_TEMPLATE_ERRORS) return;
      if (node.kind === "variable") {
        const ok = node.system ? isSystemVariable(node.name) : known.has(node.name);
        if (!ok) {
          const shown = node.system ? `@${node.name}` : node.name;
          errors.push(
            new TemplateError("UNKNOWN_VARIABLE", `Unknown variable {{${shown}}}`, node.position, src, { name: shown }),
          );
        }
      } else if (node.kind === "call") {
        node.args.forEach(visit);
        const problem = probeLiteralCall(node, src, budget);
        if (problem) errors.push(problem);
      }
    }
  };
  visit(parsed.ast.nodes);
  return errors;
}
