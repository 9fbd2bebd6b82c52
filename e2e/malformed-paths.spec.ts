import { expect, test } from "@playwright/test";

// Each dynamic route once, plus the API: a %-escape that is not UTF-8 is the caller's mistake.
const PATHS = [
  "/runs/%ff",
  "/flows/%ff",
  "/integrations/a%ffb",
  "/templates/%ff",
  "/templates/shared/%ff",
  "/share/templates/%ff",
  "/invite/%ff",
  "/ack/%ff",
  "/ack/%ff/phone",
  "/api/alerts/%ff",
];

test("an address with a broken %-escape gets a 400 that says so, not a 500", async ({ request }) => {
  for (const path of PATHS) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.json(), path).toMatchObject({ error: "bad_path" });
  }
  const post = await request.post("/api/alerts/%ff", { data: { key: "k", status: "error" } });
  expect(post.status()).toBe(400);
});
