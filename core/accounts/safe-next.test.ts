import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a path on this site", () => {
    expect(safeNextPath("/invite/afi_x?y=1")).toBe("/invite/afi_x?y=1");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\tflows", "", null])(
    "falls back for %j",
    (next) => {
      expect(safeNextPath(next)).toBe("/flows");
    },
  );
});
