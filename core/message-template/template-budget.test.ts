import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse-template";
import { renderTemplate } from "./render-template";
import { sampleTemplateContext } from "./sample-context";
import { TemplateError } from "./template-error";
import { MAX_TEMPLATE_ERRORS, validateTemplate } from "./validate-template";

const ctx = sampleTemplateContext("error");
const nestedCalls = (depth: number) => "{{@JsonEncode(".repeat(depth) + "x" + ")}}".repeat(depth);

function codeOf(run: () => unknown): string {
  try {
    run();
    return "none";
  } catch (error) {
    return error instanceof TemplateError ? error.code : String(error);
  }
}

describe("template budgets", () => {
  it("refuses functions nested thousands deep with an error, not a stack overflow", () => {
    expect(renderTemplate(nestedCalls(30), ctx)).toBe("x");
    const parsed = parseTemplate(nestedCalls(5000));
    expect(parsed.ok ? "parsed" : parsed.error.code).toBe("TOO_COMPLEX");
    expect(validateTemplate(nestedCalls(5000), { knownVariables: [] }).map((e) => e.code)).toEqual(["TOO_COMPLEX"]);
  });

  it("stops a short template that would render megabytes", () => {
    const randoms = "{{@RandomChar(10000)}}".repeat(200); // 4.4 KB of template, 2 MB of output
    expect(codeOf(() => renderTemplate(randoms, ctx))).toBe("TOO_COMPLEX");
    expect(renderTemplate("{{@RandomChar(10000)}}".repeat(50), ctx)).toHaveLength(500_000);
    // Each level multiplies: & -> &amp; -> &amp;amp; … grows past any budget within a few levels.
    const growing = "{{@XmlEncode(".repeat(25) + "&".repeat(1000) + ")}}".repeat(25);
    expect(codeOf(() => renderTemplate(growing, ctx))).toBe("TOO_COMPLEX");
  });

  it("validates a costly template quickly and caps the report", () => {
    const started = performance.now();
    const errors = validateTemplate("{{@RandomChar(10000)}}".repeat(200), { knownVariables: [] });
    expect(errors[0]?.code).toBe("TOO_COMPLEX");
    expect(validateTemplate("{{Nope}}".repeat(5000), { knownVariables: [] })).toHaveLength(MAX_TEMPLATE_ERRORS);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
