import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("forbid framing, sniffing and other origins' scripts in production", () => {
    const csp = contentSecurityPolicy({ development: false });
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*https?:/);
    const names = securityHeaders({ development: false }).map((h) => h.key);
    expect(names).toEqual(expect.arrayContaining(["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]));
  });

  it("allow eval and the refresh socket only in development", () => {
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ development: true })).toMatch(/connect-src 'self' ws:/);
  });
});
