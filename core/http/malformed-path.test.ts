import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it("refuses escapes that are not UTF-8, and a lone %", () => {
    for (const path of ["/runs/%ff", "/ack/a%ffb/phone", "/api/alerts/%c3", "/flows/%", "/x/%zz"]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("accepts plain and well-escaped paths", () => {
    for (const path of ["/", "/runs/7f9e", "/ack/v1.abc-_", "/templates/%C3%A9t%C3%A9", "/a%20b", "/%00"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});
