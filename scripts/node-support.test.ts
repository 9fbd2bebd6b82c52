import { describe, expect, it } from "vitest";
import { supportedNodeRange, unsupportedNodeWarning } from "./node-support";

describe("unsupportedNodeWarning", () => {
  it("reads the supported range from package.json's engines", () => {
    expect(supportedNodeRange()).toBe("^24.0.0 || ^22.12.0");
  });

  it("accepts Node 24 and 22 LTS", () => {
    expect(unsupportedNodeWarning("24.22.3")).toBeNull();
    expect(unsupportedNodeWarning("22.12.0")).toBeNull();
  });

  it("warns on Node 20 (end of life), early 22 and untested majors", () => {
    expect(unsupportedNodeWarning("20.20.2")).toContain("Node 20.20.2 is not supported");
    expect(unsupportedNodeWarning("22.11.0")).toContain("not supported");
    expect(unsupportedNodeWarning("26.1.0")).toContain("not supported");
  });
});
