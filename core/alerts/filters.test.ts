import type { TriggerFilter } from "../flow/document";
import { describe, expect, it } from "vitest";
import { matchesFilter, matchesFilters, validateFilters } from "./filters";
import { sampleAlert } from "./fixtures/sample-alert";

const alert = sampleAlert();
const f = (field: string, op: TriggerFilter["op"], value = ""): TriggerFilter => ({ field, op, value });

describe("matchesFilter", () => {
  it.each([
    [f("labels.env", "equals", "prod"), true],
    [f("labels.env", "equals", "Prod"), false],
    [f("labels.env", "notEquals", "staging"), true],
    [f("labels.team", "notEquals", "payments"), true], // a missing field is "", as in Prometheus matchers
    [f("labels.team", "equals", ""), true],
    [f("summary", "contains", "crash"), true],
    [f("summary", "contains", "Crash"), false],
    [f("monitor.name", "matches", "^Kube.*Looping$"), true],
    [f("description", "matches", "/crashloopbackoff/i"), true],
    [f("description", "matches", "crashloopbackoff"), false],
    [f("labels.service", "exists"), true],
    [f("labels.team", "exists"), false],
    [f("monitor.url", "exists"), false], // defaults to "" in the normalized alert
    [f("labels.app.kubernetes.io/name", "equals", "checkout"), true],
    [f("severity", "equals", "critical"), true],
  ])("%j → %s", (filter, expected) => {
    expect(matchesFilter(alert, filter)).toBe(expected);
  });

  it("treats an invalid regex as not matching", () => {
    expect(matchesFilter(alert, f("summary", "matches", "(unclosed"))).toBe(false);
    expect(matchesFilter(alert, f("summary", "matches", "/Pod/g"))).toBe(false);
  });
});

describe("matchesFilters", () => {
  it("needs every filter to match, and no filters match everything", () => {
    expect(matchesFilters(alert, [])).toBe(true);
    expect(matchesFilters(alert, [f("labels.env", "equals", "prod"), f("severity", "equals", "critical")])).toBe(true);
    expect(matchesFilters(alert, [f("labels.env", "equals", "prod"), f("severity", "equals", "info")])).toBe(false);
  });
});

describe("validateFilters", () => {
  it("points at the row and input of each problem", () => {
    const issues = validateFilters([
      f("labels.env", "equals", "prod"),
      f("summary", "matches", "(unclosed"),
      f("summry", "contains", "x"),
      f("monitor.name", "matches", "/down/gi"),
      f("labels", "exists"),
    ]);
    expect(issues).toEqual([
      {
        index: 1,
        input: "value",
        code: "invalid_regex",
        message: expect.stringContaining("Invalid regular expression"),
      },
      { index: 2, input: "field", code: "unknown_field", message: expect.stringContaining('Unknown field "summry"') },
      { index: 3, input: "value", code: "invalid_regex", message: 'Unsupported regex flags "gi"; use i, m, s or u' },
      { index: 4, input: "field", code: "unknown_field", message: "Name an entry, e.g. labels.severity" },
    ]);
  });

  it("says why lookarounds and backreferences are refused", () => {
    for (const pattern of ["a(?=b)", "(?<!x)y", "(a)\\1"]) {
      expect(validateFilters([f("summary", "matches", pattern)])[0]?.message).toMatch(/linear-time engine \(RE2\)/);
    }
  });

  it("refuses patterns too complex to match quickly", () => {
    expect(validateFilters([f("summary", "matches", "[a-z]{1,1000}!")])[0]?.message).toMatch(/too complex/);
    expect(validateFilters([f("summary", "matches", "(?:x|y){2,}")])).toEqual([]);
    expect(validateFilters([f("summary", "matches", "a\\{1000}")])).toEqual([]);
  });

  it("refuses a huge repeat before compiling it (compiling alone took ~10 ms each)", () => {
    const patterns = Array.from({ length: 200 }, (_, i) => f("summary", "matches", `[a-z]{1,1000}${i}`));
    const issues = validateFilters(patterns);
    expect(issues).toHaveLength(200);
    expect(issues[0]?.message).toBe(
      "Pattern is too complex (a repeat of 1000, at most 300): use smaller {n,m} repeats",
    );
  });

  it("matches in linear time where a backtracking engine stalls", () => {
    const attack = { ...alert, summary: `${"a".repeat(30)}!` };
    const started = performance.now();
    expect(matchesFilter(attack, f("summary", "matches", "^(a+)+$"))).toBe(false);
    expect(
      matchesFilter({ ...attack, description: `${"a".repeat(16_000)}!` }, f("description", "matches", "^(a+)+$")),
    ).toBe(false);
    expect(performance.now() - started).toBeLessThan(500); // 5.3 s with RegExp for the 30 characters
  });

  it("accepts a valid list", () => {
    expect(validateFilters([f("labels.severity", "matches", "critical|error"), f("source", "exists")])).toEqual([]);
  });
});
