import { describe, expect, it } from "vitest";
import { capStoredBody, truncatedMarker } from "./stored-body";

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

describe("capStoredBody", () => {
  it("keeps a body that fits", () => {
    expect(capStoredBody("x".repeat(100), 100)).toBe("x".repeat(100));
    expect(capStoredBody("ü".repeat(50), 100)).toBe("ü".repeat(50));
  });

  it("cuts a long body to the bound and says how large it was", () => {
    const capped = capStoredBody("x".repeat(50_000_000), 64 * 1024);
    expect(capped).toBe("x".repeat(64 * 1024) + truncatedMarker(50_000_000));
    expect(capped).toContain("[truncated, 50000000 bytes]");
  });

  it("never splits a character", () => {
    // 3-byte and 4-byte characters: a cut at 100 bytes lands inside one.
    for (const text of ["✓".repeat(100), "𝄞".repeat(100), `a${"é".repeat(100)}`]) {
      const capped = capStoredBody(text, 100);
      const kept = capped.slice(0, capped.indexOf("\n… [truncated"));
      expect(bytes(kept)).toBeLessThanOrEqual(100);
      expect(kept).not.toContain("\uFFFD");
      expect(text.startsWith(kept)).toBe(true);
      expect(capped).toContain(`[truncated, ${bytes(text)} bytes]`);
    }
  });
});
