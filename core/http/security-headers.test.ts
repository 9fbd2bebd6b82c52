import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("forbid framing, sniffing and other origins' scripts in production", () => {
    const csp = contentSecurityPolicy({ development: false });
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*https?:/);
    expect(csp).toMatch(/script-src 'self';/);
    const names = securityHeaders().map((h) => h.key);
    expect(names).toEqual(expect.arrayContaining(["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]));
  });

  it("let a page's scripts run only with its nonce, never inline without one", () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy({ development: false, nonce });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("allow eval and the refresh socket only in development", () => {
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ development: true })).toMatch(/connect-src 'self' ws:/);
  });
});
