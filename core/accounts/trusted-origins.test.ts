import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./trusted-origins";

describe("trustedOrigins", () => {
  it("is the public URL's origin", () => {
    expect(trustedOrigins("https://alerts.example.com/app")).toEqual(["https://alerts.example.com"]);
  });
  it("adds the loopback twin for a local URL", () => {
    expect(trustedOrigins("http://localhost:3000")).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(trustedOrigins("http://127.0.0.1:3202")).toEqual(["http://127.0.0.1:3202", "http://localhost:3202"]);
  });
});
