/**
 * Headers every page and API answer carries. Next.js streams its payload in inline scripts and the
 * theme is set by one before paint, so scripts allow 'unsafe-inline'; everything else is locked to
 * this origin, and no other site may frame Alertflow (clickjacking of Publish or Acknowledge).
 * `next dev` also needs eval for its refresh runtime.
 */
export function contentSecurityPolicy({ development }: { development: boolean }): string {
  const script = ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])].join(" ");
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

export function securityHeaders({ development }: { development: boolean }): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ development }) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
