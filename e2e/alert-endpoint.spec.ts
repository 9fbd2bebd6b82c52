import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";
import { escalatingFlow } from "./incident-fixture";

/**
 * The alert endpoint of `npm start`, answered by the front server before Next.js
 * (scripts/launcher/front-server.ts), keeps the route's contract; pages and other methods on the
 * same port are still Next's.
 */
test("the production server answers alerts with the endpoint's contract and pages through Next.js", async ({
  request,
  baseURL,
}) => {
  const stamp = Date.now();
  const { token } = await escalatingFlow(apiClient(baseURL ?? ""), {
    name: `Front ${stamp}`,
    hookName: `Front hook ${stamp}`,
    hookUrl: "http://127.0.0.1:9/unused",
    levelsAfterSeconds: [3600],
  });
  const alert = { key: `front-${stamp}`, status: "error", summary: "Checkout is down" };
  const headers = { "idempotency-key": `front-${stamp}` };

  const accepted = await request.post(`/api/alerts/${token}`, { data: alert, headers });
  expect(accepted.status()).toBe(202);
  const replayed = await request.post(`/api/alerts/${token}`, { data: alert, headers });
  expect([replayed.status(), replayed.headers()["idempotent-replayed"]]).toEqual([202, "true"]);
  expect(await replayed.text()).toBe(await accepted.text());
  const answers = { accepted, unknown: await request.post("/api/alerts/not-a-token", { data: alert }) };
  expect(answers.unknown.status()).toBe(401);
  for (const [name, answer] of Object.entries(answers)) {
    const h = answer.headers();
    expect(h["x-powered-by"], name).toBeUndefined();
    expect(h["content-security-policy"], name).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], name).toBe("DENY");
    expect(h["x-content-type-options"], name).toBe("nosniff");
  }

  const tooLarge = await request.post(`/api/alerts/${token}`, {
    data: { ...alert, summary: "x".repeat(1024 * 1024) },
  });
  expect([tooLarge.status(), await tooLarge.json()]).toEqual([
    413,
    { error: "body_too_large", message: "The body is larger than 1048576 bytes" },
  ]);
  const malformed = await request.post("/api/alerts/%ff", { data: alert });
  expect([malformed.status(), (await malformed.json()).error]).toEqual([400, "bad_path"]);

  // Next.js: the route's other methods, and a page with its per-request nonce.
  expect((await request.get(`/api/alerts/${token}`)).status()).toBe(405);
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  expect(page.headers()["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
});
