import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ackLinkKey, signAckToken, verifyAckToken, type AckClaims } from "./ack-token";
import { ackLinksFor, tokenFromLink } from "./ack-links";

const key = ackLinkKey("a-test-secret-key-of-some-length");
const NOW = Date.UTC(2026, 0, 1);
const claims: AckClaims = {
  runId: randomUUID(),
  workspaceId: randomUUID(),
  action: "acknowledge",
  expiresAtMs: NOW + 60_000,
  integrationId: randomUUID(),
};

const swapChar = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);

describe("ack tokens", () => {
  it("round-trips the claims it signed", () => {
    expect(verifyAckToken(key, signAckToken(key, claims), NOW)).toEqual({ ok: true, claims });
  });

  it("refuses a token signed with another key, or with any byte changed", () => {
    const token = signAckToken(key, claims);
    expect(verifyAckToken(ackLinkKey("another-secret-key-of-some-length"), token, NOW)).toEqual({
      ok: false,
      reason: "forged",
    });
    // Changing the claims (say, the action) without the key breaks the signature.
    const [v, body, sig] = token.split(".");
    const resolveBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), a: "resolve" }),
    ).toString("base64url");
    expect(verifyAckToken(key, `${v}.${resolveBody}.${sig}`, NOW)).toMatchObject({ ok: false, reason: "forged" });
    expect(verifyAckToken(key, swapChar(token, token.length - 5), NOW)).toMatchObject({ ok: false, reason: "forged" });
  });

  it("refuses an expired token, and garbage", () => {
    const token = signAckToken(key, claims);
    expect(verifyAckToken(key, token, claims.expiresAtMs)).toMatchObject({ ok: false, reason: "expired" });
    for (const junk of ["", "v1", "v1.e30.", "v2.e30.abc", `${token}x`, "x".repeat(5000)]) {
      expect(verifyAckToken(key, junk, NOW)).toMatchObject({ ok: false });
    }
  });

  it("derives the link key from the server key, never using the server key itself", () => {
    expect(ackLinkKey("k".repeat(20))).not.toEqual(Buffer.from("k".repeat(20)));
    expect(ackLinkKey("k".repeat(20))).toEqual(ackLinkKey("k".repeat(20)));
  });

  it("puts the token in links under PUBLIC_URL that the endpoints read back", () => {
    const links = ackLinksFor({ publicUrl: "https://af.example.com/", key, ...claims, nowMs: NOW });
    expect(links.acknowledgeUrl).toMatch(/^https:\/\/af\.example\.com\/ack\/v1\.[\w-]+\.[\w-]+$/);
    const token = tokenFromLink(links.resolveUrl) ?? "";
    expect(verifyAckToken(key, token, NOW)).toMatchObject({
      ok: true,
      claims: { action: "resolve", runId: claims.runId },
    });
  });
});
