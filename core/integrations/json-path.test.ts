import { describe, expect, it } from "vitest";
import { captureText, readJsonPath } from "./json-path";

const doc = { result: [{ sys_id: "abc", n: 3, ok: true, obj: { a: 1 } }], "odd key": ["x", "y"] };

describe("readJsonPath", () => {
  it("reads dotted, indexed and quoted paths", () => {
    expect(readJsonPath(doc, "$.result[0].sys_id")).toBe("abc");
    expect(readJsonPath(doc, "result[0].n")).toBe(3);
    expect(readJsonPath(doc, "$['odd key'][1]")).toBe("y");
    expect(readJsonPath(doc, "$['odd key'][-1]")).toBe("y");
    expect(readJsonPath(doc, "$")).toBe(doc);
  });

  it("returns undefined for missing paths and bad syntax", () => {
    expect(readJsonPath(doc, "$.result[1].sys_id")).toBeUndefined();
    expect(readJsonPath(doc, "$.nope.deeper")).toBeUndefined();
    expect(readJsonPath(doc, "$.result.sys_id")).toBeUndefined();
    expect(readJsonPath(doc, "$..[")).toBeUndefined();
    expect(readJsonPath(doc, "$.toString")).toBeUndefined();
  });

  it("turns captured values into text", () => {
    expect(captureText(3)).toBe("3");
    expect(captureText(true)).toBe("true");
    expect(captureText({ a: 1 })).toBe('{"a":1}');
    expect(captureText(null)).toBeUndefined();
  });
});
