import { request } from "@playwright/test";
import { TEST_OWNER } from "./test-owner";

/**
 * Signs the test owner in: first-run setup on a fresh server, sign-in on one already set up.
 * Returns the session (Playwright storage state) and a new personal API token of the owner.
 */
export async function signInTestOwner(baseURL: string) {
  // Cookie-authenticated calls must come from the app's own origin (CSRF check), as a browser's do.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  try {
    const setup = await api.post("/api/trpc/account.setup", { data: { json: TEST_OWNER } });
    if (!setup.ok()) {
      const signIn = await api.post("/api/auth/sign-in/email", {
        data: { email: TEST_OWNER.email, password: TEST_OWNER.password },
      });
      if (!signIn.ok()) {
        throw new Error(`test owner: setup ${setup.status()}, sign-in ${signIn.status()} ${await signIn.text()}`);
      }
    }
    const created = await api.post("/api/trpc/tokens.create", {
      data: { json: { name: `test owner ${new Date().toISOString()}`, role: "owner" } },
    });
    if (!created.ok()) throw new Error(`API token: ${created.status()} ${await created.text()}`);
    const body: { result: { data: { json: { token: string } } } } = await created.json();
    return { token: body.result.data.json.token, storageState: await api.storageState() };
  } finally {
    await api.dispose();
  }
}
