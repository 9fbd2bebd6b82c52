import { describe, expect, it } from "vitest";
import { validateTemplate } from "./validate-template";

const known = { knownVariables: ["ApiUrl", "RoutingKey"] };

describe("validateTemplate", () => {
  it("accepts known variables and functions", () => {
    expect(validateTemplate('{"k":"{{RoutingKey}}","d":"{{@JsonEncode({{@monitor.notes}})}}"}', known)).toEqual([]);
  });

  it("reports every unknown variable with its position, nested ones too", () => {
    const errors = validateTemplate("{{ApiUrl}} {{Nope}} {{@JsonEncode({{@alert.nope}})}}", known);
    expect(errors.map((e) => e.toJSON())).toEqual([
      {
        code: "UNKNOWN_VARIABLE",
        message: "Unknown variable {{Nope}}",
        params: { name: "Nope" },
        position: 11,
        line: 1,
        column: 12,
      },
      {
        code: "UNKNOWN_VARIABLE",
        message: "Unknown variable {{@alert.nope}}",
        params: { name: "@alert.nope" },
        position: 34,
        line: 1,
        column: 35,
      },
    ]);
  });

  it("reports a syntax error alone", () => {
    expect(validateTemplate("{{Nope}} {{@JsonEncode(x", known).map((e) => [e.code, e.params])).toEqual([
      ["UNCLOSED_ARGUMENTS", { name: "@JsonEncode" }],
    ]);
  });

  it("reports literal arguments a function cannot use", () => {
    const errors = validateTemplate("{{@RandomInt(9, 1)}} {{@RandomChar(x)}} {{@DateTime(Iso, +60)}}", known);
    expect(errors.map((e) => [e.code, e.position])).toEqual([
      ["INVALID_ARGUMENT", 0],
      ["INVALID_ARGUMENT", 21],
    ]);
  });
});
