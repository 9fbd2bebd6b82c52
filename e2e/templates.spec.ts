import { expect, test } from "@playwright/test";
import { BUILTIN_TEMPLATE_DEFINITIONS } from "~/core/flow-templates/builtin";
import { edge, graphOf, integrationNode, levelNode, triggerNode } from "~/test-support/graph-builder";
import { apiClient } from "./api-client";

test("a person picks a template from the gallery, maps its placeholders, publishes and sees the flow on the canvas", async ({
  page,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const stamp = Date.now();
  const slack = await api.integrations.create.mutate({
    type: "slack",
    name: `#payments ${stamp}`,
    secrets: { WebhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" },
  });

  await page.goto("/templates");
  const card = page.getByRole("article", { name: "Slack, with email when Slack fails" });
  await expect(card.getByTestId("template-graph").locator(".react-flow__node")).toHaveCount(4);
  await card.getByRole("button", { name: /^Use template/ }).click();

  const wizard = page.getByRole("dialog", { name: 'Use "Slack, with email when Slack fails"' });
  await expect(wizard.getByTestId("placeholder-row")).toHaveCount(2);
  // Next refuses until every placeholder has an integration.
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByText(/Choose a Slack integration for Team channel/)).toBeVisible();

  await wizard.getByLabel("Team channel — a Slack integration").selectOption({ label: slack.name });
  // The inbox does not exist yet: create it without leaving the wizard.
  // By label: other specs may already have made email integrations in this workspace.
  await wizard
    .getByLabel(/Team inbox \(fallback\) — an Email \(SMTP\) integration/)
    .selectOption({ label: "+ Create a new Email (SMTP) integration…" });
  const create = wizard.getByTestId("create-integration");
  await create.getByLabel("Name").fill(`Team inbox ${stamp}`);
  await create.getByLabel("SMTP host").fill("127.0.0.1");
  await create.getByLabel("From address").fill("alerts@example.com");
  await create.getByLabel("To addresses").fill("team@example.com");
  await create.getByRole("button", { name: /^Create Email/ }).click();
  await expect(wizard.getByLabel(/Team inbox \(fallback\)/)).toHaveValue(/[0-9a-f-]{36}/);

  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByLabel("Flow name").fill(`Payments ${stamp}`);
  await expect(wizard.getByLabel("Publish now")).toBeChecked();
  await wizard.getByRole("button", { name: "Create flow" }).click();

  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  const flowId = page.url().split("/").pop() ?? "";
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator('.react-flow__node[data-id="team-channel"]')).toContainText(slack.name);
  await expect(page.locator('.react-flow__node[data-id="team-inbox"]')).toContainText(`Team inbox ${stamp}`);
  const flow = await api.flows.get.query({ flowId });
  expect(flow.published?.version).toBe(1);
  expect(flow.templateOrigin).toMatchObject({ kind: "builtin", key: "slack-fallback-email", version: 1 });
});

test("a share link opens signed out, shows only the template, and stops working once revoked", async ({
  page,
  browser,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const builtin = BUILTIN_TEMPLATE_DEFINITIONS.find((t) => t.key === "status-page-outage");
  const imported = await api.templates.import.mutate({ fileText: JSON.stringify(builtin?.document) });

  await page.goto(`/templates/${imported.templateId}`);
  await page.getByRole("button", { name: "Create share link" }).click();
  const url = await page.getByRole("textbox", { name: "New share link" }).inputValue();
  expect(url).toMatch(/\/share\/templates\/tpl_[A-Za-z0-9_-]{32}$/);

  // A fresh context holds no session: the visitor is signed out.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  const response = await publicPage.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(publicPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(publicPage.getByRole("heading", { name: "Status page on outage" })).toBeVisible();
  await expect(publicPage.getByTestId("shared-needs")).toContainText("an Atlassian Statuspage integration");
  await expect(publicPage.locator(".react-flow__node")).toHaveCount(6);
  // Nothing of the app or the workspace: no navigation, no workspace name.
  await expect(publicPage.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(publicPage.getByText("Default workspace")).toHaveCount(0);
  await expect(publicPage.getByRole("link", { name: /Use this template/ })).toHaveAttribute(
    "href",
    /^\/templates\/shared\/tpl_/,
  );

  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  const gone = await publicPage.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(publicPage.getByText("This template link does not exist or was revoked")).toBeVisible();
  await visitor.close();
});

test("the public page of a template saved from a flow holding secrets shows none of them", async ({
  request,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const canary = `CANARY-e2e-${Date.now()}`;
  const pager = await api.integrations.create.mutate({
    type: "pagerduty",
    name: "Canary pager",
    secrets: { RoutingKey: `${canary}-routing-key` },
  });
  const graph = graphOf(
    [
      triggerNode("t"),
      levelNode("l1", { level: 1, message: `Escalate with key ${canary}-routing-key` }),
      integrationNode("page", { label: "Page", integrationId: pager.id, variables: { RoutingKey: canary } }),
    ],
    [edge("t", "out", "l1"), edge("l1", "out", "page")],
  );
  const { id: flowId } = await api.flows.create.mutate({ name: "Canary", description: "", graph });
  const { token } = await api.flows.createEndpoint.mutate({ flowId });
  await api.flows.saveDraft.mutate({
    flowId,
    graph: {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === "t" ? { ...n, data: { ...n.data, label: token } } : n)),
    },
  });
  const saved = await api.templates.saveFromFlow.mutate({ flowId, name: "Canary", description: "", tags: [] });
  const link = await api.templates.createShareLink.mutate({ templateId: saved.templateId });

  const html = await (await request.get(link.path)).text();
  expect(html).toContain("Canary");
  for (const secret of [canary, token, pager.id, saved.templateId]) expect(html).not.toContain(secret);
});
