import { expect, test } from "@playwright/test";

test("pages and the API send security headers and no X-Powered-By", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-powered-by"], path).toBeUndefined();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-inline' 'unsafe");
    expect(headers["content-security-policy"], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
});

test("a page's scripts run with the request's nonce, a new one each time", async ({ request }) => {
  const nonceOf = async () => {
    const csp = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
    return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  };
  const first = await nonceOf();
  expect(first).toBeTruthy();
  expect(await nonceOf()).not.toBe(first);
});

test("pages hydrate under the nonce policy, the theme script runs, and an injected inline handler does not", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/flows");
  // Hydrated: the client fetched the flows over tRPC and rendered them.
  await expect(page.getByRole("heading", { name: "Flows" })).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
  // The theme script (inline, before paint) ran with the nonce.
  await page.evaluate(() => localStorage.setItem("alertflow-theme", "dark"));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(violations).toEqual([]);

  // An inline handler smuggled into the page is refused by the browser.
  const pwned = await page.evaluate(async () => {
    const blocked = new Promise<boolean>((resolve) => {
      document.addEventListener("securitypolicyviolation", () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 2000);
    });
    // Markup an attacker got into the page, as an injection puts it there (parsed HTML).
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="data:image/png;base64,AAAA" onerror="window.__pwned = true">',
    );
    return {
      blocked: await blocked,
      handler: Reflect.get(window, "__pwned") ?? null,
    };
  });
  expect(pwned).toEqual({ blocked: true, handler: null });
  await page.evaluate(() => localStorage.removeItem("alertflow-theme"));
});
