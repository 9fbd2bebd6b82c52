import { expect, test, type BrowserContext } from "@playwright/test";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { startReceiver } from "~/test-support/http-receiver";
import { apiClient } from "./api-client";
import { TEST_OWNER } from "./test-owner";

test("an owner invites a viewer, who reads flows without editing them, acknowledges a run and signs out", async ({
  page,
  browser,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const api = apiClient(base);
  const receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
  let viewerContext: BrowserContext | undefined;
  let runId: string | undefined;
  try {
    // A published flow with an open incident: level 2 is an hour away, so it stays open.
    const stamp = Date.now();
    const integration = await api.integrations.create.mutate({
      type: "webhook",
      name: `Roles hook ${stamp}`,
      variables: { ApiUrl: `${receiver.url}/hook` },
    });
    const graph = graphOf(
      [
        triggerNode("trigger", {}, { x: 0, y: 0 }),
        levelNode("level-1", { level: 1, afterSeconds: 0 }, { x: 280, y: 0 }),
        levelNode("level-2", { level: 2, afterSeconds: 3600 }, { x: 280, y: 160 }),
        integrationNode("hook", { label: "Roles hook", integrationId: integration.id }, { x: 560, y: 0 }),
        integrationNode("hook-2", { label: "Roles hook (L2)", integrationId: integration.id }, { x: 560, y: 160 }),
      ],
      [
        edge("trigger", "out", "level-1"),
        edge("level-1", "next", "level-2"),
        edge("level-1", "out", "hook"),
        edge("level-2", "out", "hook-2"),
      ],
    );
    const flowName = `Payments ${stamp}`;
    const { id: flowId } = await api.flows.create.mutate({ name: flowName, description: "", graph });
    await api.flows.publish.mutate({ flowId, note: "" });
    const { token } = await api.flows.createEndpoint.mutate({ flowId });
    const key = `payments-${stamp}`;
    const posted = await fetch(`${base}/api/alerts/${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key, status: "error", summary: "Payments API answers 503" }),
    });
    expect(posted.status).toBe(202);
    await receiver.waitFor(1, 30_000);
    const [run] = (await api.runs.list.query({ flowId })).items;
    if (!run) throw new Error("no run");
    runId = run.id;

    // The owner invites by email and role, and gets a link to copy.
    const email = `vera-${stamp}@alertflow.test`;
    await page.goto("/settings/members");
    await expect(page.getByTestId("member-row").filter({ hasText: TEST_OWNER.email })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Send invitation" }).click();
    // The e2e server has no SMTP server: the page says nothing was mailed, and shows the link.
    await expect(page.getByTestId("invitation-mail")).toContainText("no mail server configured");
    const link = await page.getByRole("textbox", { name: "Invitation link" }).inputValue();
    expect(link).toMatch(new RegExp(`^${base}/invite/afi_`));
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Viewer");

    // The viewer opens it in a browser of their own, signs up and joins.
    viewerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const viewer = await viewerContext.newPage();
    const viewerName = `Vera Viewer ${stamp}`;
    await viewer.goto(link);
    await expect(viewer.getByRole("heading", { name: `Join ${TEST_OWNER.workspaceName}` })).toBeVisible();
    await viewer.getByRole("link", { name: "Create an account" }).click();
    await viewer.getByLabel("Name").fill(viewerName);
    await viewer.getByLabel("Email").fill(email);
    await viewer.getByLabel("Password").fill("viewer password 1234");
    await viewer.getByRole("button", { name: "Create account" }).click();
    await viewer.getByRole("button", { name: `Join ${TEST_OWNER.workspaceName}` }).click();
    await expect(viewer).toHaveURL(/\/flows$/);
    // The link worked once: it is no longer pending.
    await page.reload();
    await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText(viewerName);
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);

    // The viewer sees the flows, but nothing to create or edit them with.
    const row = viewer.getByTestId("flow-row").filter({ hasText: flowName });
    await expect(row).toBeVisible();
    await expect(viewer.getByRole("button", { name: "New flow" })).toHaveCount(0);
    await row.getByRole("link", { name: flowName }).click();
    await expect(viewer.getByTestId("read-only-notice")).toBeVisible();
    await expect(viewer.locator('.react-flow__node[data-id="level-1"]')).toBeVisible();
    for (const control of ["Publish", "Versions", "Endpoints"]) {
      await expect(viewer.getByRole("button", { name: control })).toHaveCount(0);
    }
    await expect(viewer.getByRole("textbox", { name: "Flow name" })).toHaveCount(0);
    // A mutation sent straight to the API with the viewer's session is refused, and changes nothing.
    const refused = await viewer.request.post("/api/trpc/flows.setEnabled", {
      data: { json: { flowId, enabled: false } },
      headers: { origin: new URL(base).origin },
    });
    expect(refused.status()).toBe(403);
    expect((await api.flows.get.query({ flowId })).enabled).toBe(true);
    // Members page: read-only for a viewer.
    await viewer.goto("/settings/members");
    await expect(viewer.getByTestId("member-row").filter({ hasText: viewerName })).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

    // Viewers acknowledge runs.
    await viewer.goto(`/runs/${run.id}`);
    await expect(viewer.getByTestId("run-status")).toHaveText("Escalating");
    await viewer.getByRole("button", { name: "Acknowledge" }).click();
    await expect(viewer.getByTestId("run-status")).toHaveText("Acknowledged");

    // Signing out ends the session: the app sends them to sign in again.
    await viewer.getByRole("button", { name: "Sign out" }).click();
    await expect(viewer).toHaveURL(/\/sign-in/);
    await viewer.goto("/flows");
    await expect(viewer).toHaveURL(/\/sign-in/);

    // The owner's audit log names who did what.
    await page.goto("/settings/audit");
    const entries = page.getByTestId("audit-row");
    await expect(entries.filter({ hasText: "Member invited" }).filter({ hasText: email }).first()).toContainText(
      TEST_OWNER.name,
    );
    await page.getByLabel("Action").selectOption({ label: "Invitation accepted" });
    await expect(entries.first()).toContainText(viewerName);
    await expect(entries.first()).toContainText("Joined as viewer");
    await page.getByLabel("Action").selectOption({ label: "Run acknowledged" });
    const ack = entries.filter({ hasText: key });
    await expect(ack).toHaveCount(1);
    await expect(ack).toContainText(viewerName);
    await expect(ack).toContainText("the run page");
  } finally {
    // End the incident so its workflow does not outlive the test.
    if (runId) await api.runs.cancel.mutate({ runId }).catch(() => undefined);
    await viewerContext?.close();
    await receiver.close();
  }
});
