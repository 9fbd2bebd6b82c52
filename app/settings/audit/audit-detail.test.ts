import { describe, expect, it } from "vitest";
import { summarize } from "./audit-detail";

describe("summarize", () => {
  it("reads the fields an action stores, with a link to the row", () => {
    expect(
      summarize({
        action: "integration.updated",
        targetId: "i1",
        detail: { name: "Pager", changed: ["name"], secretsChanged: ["RoutingKey", "Token"] },
      }),
    ).toEqual({
      key: "integration.updated",
      values: { name: "Pager", changed: "name", secrets: "RoutingKey, Token" },
      note: null,
      href: "/integrations/i1",
    });
    expect(
      summarize({
        action: "run.acknowledged",
        targetId: "r1",
        detail: { alertKey: "db", source: "api", note: "on it" },
      }),
    ).toMatchObject({ values: { alertKey: "db", source: "api" }, note: "on it", href: "/runs/r1" });
  });

  it("copes with missing or malformed fields and unknown actions", () => {
    expect(summarize({ action: "member.removed", targetId: null, detail: { tokensRevoked: "x" } })).toMatchObject({
      values: { name: "", role: "", tokens: 0 },
    });
    expect(summarize({ action: "integration.updated", targetId: "i", detail: {} }).values).toMatchObject({
      changed: "none",
      secrets: "none",
    });
    expect(summarize({ action: "something.else", targetId: null, detail: {} })).toMatchObject({ key: "unknown" });
  });
});
