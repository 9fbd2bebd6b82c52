import { describe, expect, it } from "vitest";
import { negotiateLocale, pickLocale, validTimeZone } from "./locales";

describe("negotiateLocale", () => {
  it("takes the highest-ranked supported language", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,nl;q=0.8,en;q=0.7")).toBe("nl");
    expect(negotiateLocale("fr-BE")).toBe("fr");
    expect(negotiateLocale("en;q=0.2, fr;q=0.9")).toBe("fr");
  });

  it("falls back to English for unsupported, refused or missing languages", () => {
    expect(negotiateLocale("de, ja")).toBe("en");
    expect(negotiateLocale("fr;q=0")).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale(";;;,,q=")).toBe("en");
  });
});

describe("pickLocale", () => {
  const browser = "nl-BE,nl;q=0.9";
  it("puts the profile first, then the switcher's cookie, then the browser", () => {
    expect(pickLocale({ profile: "fr", cookie: "en", acceptLanguage: browser })).toBe("fr");
    expect(pickLocale({ profile: null, cookie: "en", acceptLanguage: browser })).toBe("en");
    expect(pickLocale({ profile: undefined, cookie: undefined, acceptLanguage: browser })).toBe("nl");
  });

  it("ignores a cookie that names no interface language", () => {
    expect(pickLocale({ profile: null, cookie: "de", acceptLanguage: browser })).toBe("nl");
  });
});

describe("validTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(validTimeZone("Europe/Brussels")).toBe("Europe/Brussels");
    expect(validTimeZone("Mars/Olympus")).toBeUndefined();
    expect(validTimeZone(undefined)).toBeUndefined();
  });
});
