import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "./secret-token";

describe("newToken", () => {
  it("makes a prefixed random token, stores only its SHA-256, and shows a few characters", () => {
    const a = newToken("af_");
    expect(a.token).toMatch(/^af_[A-Za-z0-9_-]{32}$/);
    expect(a.hash).toBe(createHash("sha256").update(a.token).digest("hex"));
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.displayPrefix).toBe(a.token.slice(0, 7));
    expect(newToken("af_").token).not.toBe(a.token);
  });

  it("takes more random bytes and a longer shown prefix when asked (API tokens)", () => {
    const t = newToken("afu_", { bytes: 32, shownChars: 6 });
    expect(t.token).toMatch(/^afu_[A-Za-z0-9_-]{43}$/);
    expect(t.displayPrefix).toBe(t.token.slice(0, 10));
  });
});
