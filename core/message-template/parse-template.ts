import type { CallNode, TemplateAst, TemplateNode } from "./template-ast";
import { TemplateError, type TemplateErrorCode, type TemplateErrorParams } from "./template-error";
import { findTemplateFunction } from "./template-functions";

export type ParseResult = { ok: true; ast: TemplateAst } | { ok: false; error: TemplateError };

const NAME = /@?[A-Za-z_][A-Za-z0-9_.-]*/y;
/** Real templates nest two or three functions; this is far beyond any of them. */
export const MAX_TEMPLATE_NESTING = 32;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  parse(): TemplateNode[] {
    return this.sequence(false).nodes;
  }

  private fail(code: TemplateErrorCode, message: string, position: number, params: TemplateErrorParams = {}): never {
    throw new TemplateError(code, message, position, this.src, params);
  }

  /**
   * Reads text and expressions. Inside function arguments it stops at a literal `,` or at the
   * `)` that closes the call (a `)` followed by `}}`). A lone `}}` is plain text: JSON bodies
   * end objects with it all the time.
   */
  private sequence(inArgs: boolean): { nodes: TemplateNode[]; stop: "," | ")" | "eof" } {
    const nodes: TemplateNode[] = [];
    let text = "";
    let textStart = this.pos;
    const flush = () => {
      if (text !== "") nodes.push({ kind: "text", value: text, position: textStart, end: this.pos });
      text = "";
    };
    while (this.pos < this.src.length) {
      if (this.src.startsWith("{{", this.pos)) {
        // In "{{{x}}}" the expression opens at the last two braces; the first is text.
        let run = this.pos;
        while (this.src.charAt(run) === "{") run++;
        text += "{".repeat(run - this.pos - 2);
        this.pos = run - 2;
        flush();
        nodes.push(this.expression());
        textStart = this.pos;
        continue;
      }
      const ch = this.src.charAt(this.pos);
      if (inArgs && ch === ",") {
        flush();
        this.pos++;
        return { nodes, stop: "," };
      }
      if (inArgs && ch === ")" && /^\)\s*\}\}/.test(this.src.slice(this.pos, this.pos + 64))) {
        flush();
        return { nodes, stop: ")" };
      }
      text += ch;
      this.pos++;
    }
    flush();
    return { nodes, stop: "eof" };
  }

  private skipSpaces() {
    while (/\s/.test(this.src.charAt(this.pos))) this.pos++;
  }

  private expression(): TemplateNode {
    const start = this.pos;
    this.pos += 2;
    this.skipSpaces();
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.src);
    if (!match) {
      if (this.pos >= this.src.length) this.fail("UNCLOSED_EXPRESSION", "'{{' is never closed with '}}'", start);
      this.fail("INVALID_EXPRESSION", "Expected a variable or function name after '{{'", this.pos);
    }
    const raw = match[0];
    const system = raw.startsWith("@");
    const name = system ? raw.slice(1) : raw;
    this.pos += raw.length;
    this.skipSpaces();

    if (this.src.startsWith("}}", this.pos)) {
      this.pos += 2;
      const fn = system ? findTemplateFunction(name) : undefined;
      if (fn) return this.checkArity({ kind: "call", name: fn.name, args: [], position: start, end: this.pos });
      return { kind: "variable", name, system, position: start, end: this.pos };
    }
    if (this.src.charAt(this.pos) === "(") {
      const fn = system ? findTemplateFunction(name) : undefined;
      if (!fn) this.fail("UNKNOWN_FUNCTION", `Unknown function ${raw}`, start, { name: raw });
      return this.call(fn.name, start);
    }
    if (this.pos >= this.src.length) this.fail("UNCLOSED_EXPRESSION", "'{{' is never closed with '}}'", start);
    this.fail("INVALID_EXPRESSION", `Expected '}}' or '(' after ${raw}`, this.pos, { after: raw });
  }

  private call(name: string, start: number): CallNode {
    const paren = this.pos;
    // Each level is a few stack frames here and in rendering; thousands would overflow the stack.
    if (++this.depth > MAX_TEMPLATE_NESTING) {
      this.fail("TOO_COMPLEX", `Functions are nested more than ${MAX_TEMPLATE_NESTING} deep`, start, {
        limit: "nesting",
        max: MAX_TEMPLATE_NESTING,
      });
    }
    this.pos++;
    const args: TemplateNode[][] = [];
    for (;;) {
      const { nodes, stop } = this.sequence(true);
      args.push(nodes);
      if (stop === ")") break;
      if (stop === "eof")
        this.fail("UNCLOSED_ARGUMENTS", `@${name}( is never closed with ')}}'`, paren, { name: `@${name}` });
    }
    this.pos++; // ")"
    this.skipSpaces();
    this.pos += 2; // "}}"
    this.depth--;
    return this.checkArity({ kind: "call", name, args, position: start, end: this.pos });
  }

  private checkArity(node: CallNode): CallNode {
    const fn = findTemplateFunction(node.name);
    if (!fn) return node;
    // "@RandomGuid()" has one empty argument on paper; treat it as none for argument-free functions.
    const [only] = node.args;
    if (fn.minArgs === 0 && node.args.length === 1 && only?.length === 0) node.args = [];
    const n = node.args.length;
    if (n < fn.minArgs || n > fn.maxArgs) {
      const expected =
        fn.minArgs === fn.maxArgs
          ? `${fn.minArgs}`
          : fn.maxArgs === Infinity
            ? `at least ${fn.minArgs}`
            : `${fn.minArgs} to ${fn.maxArgs}`;
      this.fail("WRONG_ARGUMENT_COUNT", `${fn.signature} takes ${expected} argument(s), got ${n}`, node.position, {
        signature: fn.signature,
        min: fn.minArgs,
        // -1: no upper bound.
        max: fn.maxArgs === Infinity ? -1 : fn.maxArgs,
        got: n,
      });
    }
    return node;
  }
}

/** Parses Uptrends-syntax template text into an AST, or the first syntax error with its position. */
export function parseTemplate(src: string): ParseResult {
  try {
    return { ok: true, ast: { source: src, nodes: new Parser(src).parse() } };
  } catch (error) {
    if (error instanceof TemplateError) return { ok: false, error };
    throw error;
  }
}
