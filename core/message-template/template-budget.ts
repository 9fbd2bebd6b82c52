import { TemplateError } from "./template-error";

/**
 * Rendering work is bounded by counting every character produced, intermediate results
 * included: nested encoders grow text at each level (`@XmlEncode` turns `&` into five
 * characters), and `@RandomChar(10000)` repeated makes megabytes from a short template. Counting
 * what is produced keeps rendering linear in this budget, whatever the template.
 */
export const MAX_RENDERED_CHARACTERS = 1_000_000;

export class RenderBudget {
  private left: number;

  constructor(
    private readonly source: string,
    limit = MAX_RENDERED_CHARACTERS,
  ) {
    this.left = limit;
  }

  /** Charges `text` to the budget; throws TOO_COMPLEX at `position` once it is spent. */
  spend(text: string, position: number): string {
    this.left -= text.length;
    if (this.left < 0) {
      throw new TemplateError(
        "TOO_COMPLEX",
        `The template would render more than ${MAX_RENDERED_CHARACTERS.toLocaleString("en")} characters`,
        position,
        this.source,
        { limit: "length", max: MAX_RENDERED_CHARACTERS },
      );
    }
    return text;
  }

  /** Whether `length` more characters still fit: checked before a function makes them. */
  allows(length: number): boolean {
    return length <= this.left;
  }
}
