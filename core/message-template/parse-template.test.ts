import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse-template";
import type { TemplateError } from "./template-error";

function errorOf(src: string): TemplateError {
  const result = parseTemplate(src);
  if (result.ok) throw new Error(`expected "${src}" not to parse`);
  return result.error;
}

describe("parseTemplate", () => {
  it("splits text, system variables and integration variables", () => {
    const result = parseTemplate("POST {{ApiUrl}} for {{@alert.description}}!");
    expect(result.ok && result.ast.nodes).toEqual([
      { kind: "text", value: "POST ", position: 0, end: 5 },
      { kind: "variable", name: "ApiUrl", system: false, position: 5, end: 15 },
      { kind: "text", value: " for ", position: 15, end: 20 },
      { kind: "variable", name: "alert.description", system: true, position: 20, end: 42 },
      { kind: "text", value: "!", position: 42, end: 43 },
    ]);
  });

  it("parses nested function calls", () => {
    const result = parseTemplate("{{@JsonEncode({{@monitor.notes}})}}");
    expect(result.ok && result.ast.nodes).toEqual([
      {
        kind: "call",
        name: "JsonEncode",
        position: 0,
        end: 35,
        args: [[{ kind: "variable", name: "monitor.notes", system: true, position: 14, end: 32 }]],
      },
    ]);
  });

  it("splits arguments on literal commas only and keeps parentheses in text", () => {
    const result = parseTemplate("{{@Truncate(10, (a), {{x}})}}");
    if (!result.ok) throw result.error;
    const [call] = result.ast.nodes;
    expect(call?.kind === "call" && call.args.map((a) => a.map((n) => n.kind))).toEqual([
      ["text"],
      ["text"],
      ["text", "variable"],
    ]);
  });

  it("treats argument-free functions written as variables as calls", () => {
    for (const src of ["{{@RandomGuid}}", "{{@RandomGuid()}}", "{{ @uniqueguid }}"]) {
      const result = parseTemplate(src);
      expect(result.ok && result.ast.nodes[0]?.kind).toBe("call");
    }
  });

  it("keeps lone closing braces and extra opening braces as text, as JSON needs", () => {
    const result = parseTemplate('{"a":{"b":{{{x}}}}}');
    if (!result.ok) throw result.error;
    expect(result.ast.nodes.map((n) => (n.kind === "text" ? n.value : `<${n.kind}>`))).toEqual([
      '{"a":{"b":{',
      "<variable>",
      "}}}",
    ]);
  });

  it("reports an unclosed expression at its opening braces", () => {
    const error = errorOf("abc {{@alert.type");
    expect(error).toMatchObject({ code: "UNCLOSED_EXPRESSION", position: 4, line: 1, column: 5 });
    expect(errorOf("x\n  {{").toJSON()).toMatchObject({ code: "UNCLOSED_EXPRESSION", position: 4, line: 2, column: 3 });
  });

  it("reports unclosed arguments at the opening parenthesis", () => {
    expect(errorOf("{{@JsonEncode({{@monitor.notes}}}}")).toMatchObject({ code: "UNCLOSED_ARGUMENTS", position: 13 });
  });

  it("reports unclosed nested expressions inside arguments", () => {
    expect(errorOf("{{@JsonEncode({{@monitor.notes)}}")).toMatchObject({ code: "INVALID_EXPRESSION", position: 30 });
  });

  it("reports unknown functions at the expression", () => {
    expect(errorOf("ok {{@Nope(1)}}")).toMatchObject({ code: "UNKNOWN_FUNCTION", position: 3 });
    expect(errorOf("{{myFn({{x}})}}")).toMatchObject({ code: "UNKNOWN_FUNCTION", position: 0 });
  });

  it("reports malformed expressions where they go wrong", () => {
    expect(errorOf("{{ }}")).toMatchObject({ code: "INVALID_EXPRESSION", position: 3 });
    expect(errorOf("{{a b}}")).toMatchObject({ code: "INVALID_EXPRESSION", position: 4 });
  });

  it("checks argument counts", () => {
    expect(errorOf("  {{@RandomInt(1)}}")).toMatchObject({ code: "WRONG_ARGUMENT_COUNT", position: 2 });
    expect(errorOf("{{@RandomGuid(1)}}")).toMatchObject({ code: "WRONG_ARGUMENT_COUNT" });
    expect(errorOf("{{@CustomField}}")).toMatchObject({ code: "WRONG_ARGUMENT_COUNT" });
  });
});
