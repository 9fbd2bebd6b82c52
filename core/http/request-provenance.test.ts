import { describe, expect, it } from "vitest";
import { isForgeable, requestProvenance } from "./request-provenance";

const TRUSTED = ["https://alerts.example.com"];
const h = (init: Record<string, string>) => new Headers(init);

describe("requestProvenance", () => {
  it("trusts an Origin among the trusted ones and nothing else", () => {
    expect(requestProvenance(h({ origin: "https://alerts.example.com" }), TRUSTED)).toBe("same-origin");
    expect(requestProvenance(h({ origin: "https://evil.example.com" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({ origin: "http://alerts.example.com" }), TRUSTED)).toBe("cross-site");
  });

  it("an Origin decides over the other headers", () => {
    const headers = h({ origin: "https://evil.example", "sec-fetch-site": "same-origin", referer: TRUSTED[0] ?? "" });
    expect(requestProvenance(headers, TRUSTED)).toBe("cross-site");
  });

  it("falls back to Sec-Fetch-Site when Origin is missing or null", () => {
    expect(requestProvenance(h({ origin: "null", "sec-fetch-site": "same-origin" }), TRUSTED)).toBe("same-origin");
    expect(requestProvenance(h({ "sec-fetch-site": "same-site" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({ "sec-fetch-site": "cross-site" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({ "sec-fetch-site": "none" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({ origin: "null" }), TRUSTED)).toBe("cross-site");
  });

  it("falls back to the Referer's origin last", () => {
    expect(requestProvenance(h({ referer: "https://alerts.example.com/flows/1" }), TRUSTED)).toBe("same-origin");
    expect(requestProvenance(h({ referer: "https://evil.example/alerts.example.com" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({ referer: "not a url" }), TRUSTED)).toBe("cross-site");
    expect(requestProvenance(h({}), TRUSTED)).toBe("unknown");
  });
});

describe("isForgeable", () => {
  const cookie = "alertflow.session_token=abc";
  it("refuses a cookie-carrying change from elsewhere or from nowhere", () => {
    expect(isForgeable("POST", h({ cookie, origin: "https://evil.example" }), TRUSTED)).toBe(true);
    expect(isForgeable("DELETE", h({ cookie }), TRUSTED)).toBe(true);
  });
  it("lets through reads, bearer tokens, cookie-less calls and the app's own pages", () => {
    expect(isForgeable("GET", h({ cookie, origin: "https://evil.example" }), TRUSTED)).toBe(false);
    expect(
      isForgeable("POST", h({ cookie, authorization: "Bearer afu_x", origin: "https://evil.example" }), TRUSTED),
    ).toBe(false);
    expect(isForgeable("POST", h({ origin: "https://evil.example" }), TRUSTED)).toBe(false);
    expect(isForgeable("POST", h({ cookie, origin: "https://alerts.example.com" }), TRUSTED)).toBe(false);
  });
});
