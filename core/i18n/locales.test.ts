import { describe, expect, it } from "vitest";
import { negotiateLocale, validTimeZone } from "./locales";

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

describe("validTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(validTimeZone("Europe/Brussels")).toBe("Europe/Brussels");
    expect(validTimeZone("Mars/Olympus")).toBeUndefined();
    expect(validTimeZone(undefined)).toBeUndefined();
  });
});
