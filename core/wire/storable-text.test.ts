import { describe, expect, it } from "vitest";
import { cleanJsonInPlace, findUnstorableText, storableJson, storableText } from "./storable-text";

describe("storable text", () => {
  it("replaces NUL and unpaired surrogates, and keeps pairs", () => {
    expect(storableText("a\u0000b")).toBe("a\uFFFDb");
    expect(storableText("\ud800x\udc00")).toBe("\uFFFDx\uFFFD");
    expect(storableText("end\ud83d")).toBe("end\uFFFD");
    expect(storableText("pair 🔥 \u0001 tab\t")).toBe("pair 🔥 \u0001 tab\t");
  });

  it("finds the first bad string or key with its path", () => {
    expect(findUnstorableText({ a: ["ok", { b: "x\u0000" }] })?.path).toEqual(["a", 1, "b"]);
    expect(findUnstorableText({ "k\ud800": 1 })?.reason).toMatch(/^has a key that contains an unpaired/);
    expect(findUnstorableText({ a: "fine", b: [1, null, true] })).toBeUndefined();
  });

  it("cleans parsed JSON in place, keys included, and counts what it changed", () => {
    const value = JSON.parse('{"l\\u0000":"v\\ud800","n":[{"x":"\\u0000"}],"__proto__":"kept"}');
    const { cleaned } = cleanJsonInPlace(value);
    expect(cleaned).toBe(3);
    expect(value).toEqual(JSON.parse('{"l\\ufffd":"v\\ufffd","n":[{"x":"\\ufffd"}],"__proto__":"kept"}'));
    expect(findUnstorableText(value)).toBeUndefined();
  });

  it("writes jsonb text Postgres accepts", () => {
    expect(storableJson({ a: "x\u0000", "b\udc00": ["\ud800"] })).toBe('{"a":"x\uFFFD","b\uFFFD":["\uFFFD"]}');
    expect(storableJson({ a: "\\u0000 typed as text" })).toBe('{"a":"\\\\u0000 typed as text"}');
  });
});
