import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy, securityHeaders } from "./core/http/security-headers";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const config: NextConfig = {
  // The Temporal SDK has native parts and must never be bundled into Next.js.
  serverExternalPackages: [
    "@temporalio/client",
    "@temporalio/common",
    "@temporalio/workflow",
    "@temporalio/worker",
    "@temporalio/core-bridge",
    "pg",
  ],
  // Lets a second build (tests, benchmarks) run beside `npm run dev` without sharing .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  devIndicators: false,
  poweredByHeader: false,
  // `next dev` refuses its HMR socket to origins other than localhost: opened as 127.0.0.1, the
  // app never hydrated (flows stuck on "Loading…", buttons dead).
  allowedDevOrigins: ["127.0.0.1", "localhost", "[::1]"],
  // Shared template pages are public but not for search engines (the page also says so in a meta tag).
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      // proxy.ts sets the policy (with a nonce) on everything it sees; these paths it skips.
      ...["/_next/:path*", "/favicon.ico", "/icon.svg", "/robots.txt"].map((source) => ({
        source,
        headers: [
          {
            key: "Content-Security-Policy",
            value: contentSecurityPolicy({ development: process.env.NODE_ENV === "development" }),
          },
        ],
      })),
      { source: "/share/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" }] },
    ];
  },
};

export default withNextIntl(config);
