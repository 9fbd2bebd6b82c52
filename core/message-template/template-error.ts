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

/** A problem in a template; `position` is the 0-based offset into the source it was found at. */
export class TemplateError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly position: number,
    source = "",
  ) {
    super(message);
    this.name = "TemplateError";
    const before = source.slice(0, position).split("\n");
    this.line = before.length;
    this.column = (before.at(-1)?.length ?? 0) + 1;
  }

  /** Plain shape for API responses and stored validation results. */
  toJSON(): { code: TemplateErrorCode; message: string; position: number; line: number; column: number } {
    return { code: this.code, message: this.message, position: this.position, line: this.line, column: this.column };
  }
}
