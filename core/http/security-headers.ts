/**
 * Headers every page and API answer carries. A page's scripts run only with the request's nonce
 * (proxy.ts makes one per request; Next.js puts it on its own inline and loaded scripts, the
 * layout on the theme script), and 'strict-dynamic' lets those load the app's chunks: an
 * injected inline script or handler does not run. Answers without a nonce (API, static files)
 * allow no inline script at all. Everything else is locked to this origin, and no other site may
 * frame Alertflow (clickjacking of Publish or Acknowledge). `next dev` also needs eval for its
 * refresh runtime.
 */
export function contentSecurityPolicy({ development, nonce }: { development: boolean; nonce?: string }): string {
  const script = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []),
    ...(development ? ["'unsafe-eval'"] : []),
  ].join(" ");
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64 (Web Crypto, so the proxy's edge runtime can make it). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The headers besides the content security policy, which proxy.ts sets per request. */
export function securityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
