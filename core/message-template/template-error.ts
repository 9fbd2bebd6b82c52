export type TemplateErrorCode =
  | "UNCLOSED_EXPRESSION"
  | "UNCLOSED_ARGUMENTS"
  | "INVALID_EXPRESSION"
  | "UNKNOWN_FUNCTION"
  | "WRONG_ARGUMENT_COUNT"
  | "UNKNOWN_VARIABLE"
  | "INVALID_ARGUMENT"
  /** Nested too deep, or would render more than the budget allows (see template-budget.ts). */
  | "TOO_COMPLEX";

/** The values a problem's sentence names (a variable, a function, a count), for any language. */
export type TemplateErrorParams = Readonly<Record<string, string | number>>;

/**
 * A problem in a template; `position` is the 0-based offset into the source it was found at.
 * `message` is English, for logs and API clients; interfaces build their own from code + params.
 */
export class TemplateError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly position: number,
    source = "",
    readonly params: TemplateErrorParams = {},
  ) {
    super(message);
    this.name = "TemplateError";
    const before = source.slice(0, position).split("\n");
    this.line = before.length;
    this.column = (before.at(-1)?.length ?? 0) + 1;
  }

  /** Plain shape for API responses and stored validation results. */
  toJSON(): {
    code: TemplateErrorCode;
    message: string;
    params: TemplateErrorParams;
    position: number;
    line: number;
    column: number;
  } {
    return {
      code: this.code,
      message: this.message,
      params: this.params,
      position: this.position,
      line: this.line,
      column: this.column,
    };
  }
}
