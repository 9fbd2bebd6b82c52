import { expect, test, type Locator, type Page } from "@playwright/test";
import { threeLevelSampleGraph } from "~/test-support/sample-graphs";
import { apiClient } from "./api-client";

/** A wide window so four columns of nodes fit the canvas at zoom 1. */
test.use({ viewport: { width: 1920, height: 1080 } });

const nodes = (page: Page) => page.locator(".react-flow__node");
const edges = (page: Page) => page.locator(".react-flow__edge");
const inspector = (page: Page) => page.getByTestId("inspector");
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette item onto the canvas at (x, y) inside it; returns the new node's id. */
async function drop(page: Page, kind: string, x: number, y: number): Promise<string> {
  const before = await nodes(page).count();
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId("flow-canvas"), { targetPosition: { x, y } });
  await expect(nodes(page)).toHaveCount(before + 1);
  // A dropped node is selected, so the inspector opens on it.
  const id = await page.locator(".react-flow__node.selected").getAttribute("data-id");
  if (!id) throw new Error("the dropped node is not selected");
  return id;
}

/** A real mouse drag from one node's output handle to another node's input handle. */
async function dragConnection(page: Page, source: string, handle: string, target: string) {
  const from = await center(node(page, source).locator(`.react-flow__handle[data-handleid="${handle}"]`));
  const to = await center(node(page, target).locator('.react-flow__handle[data-handleid="in"]'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

async function connect(page: Page, source: string, handle: string, target: string) {
  const before = await edges(page).count();
  await dragConnection(page, source, handle, target);
  await page.mouse.up();
  await expect(edges(page)).toHaveCount(before + 1);
}

async function select(page: Page, id: string) {
  await node(page, id).locator(".flow-node > div").first().click();
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node-id", id);
}

/** What a person sees of the graph: every node's text, by id, and the links. */
async function snapshot(page: Page) {
  const cards = await nodes(page).evaluateAll((els) =>
    els.map((el) => `${el.getAttribute("data-id")}: ${el.textContent ?? ""}`).sort(),
  );
  const links = await edges(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? "").sort());
  return { cards, links };
}

async function webhook(baseURL: string, name: string) {
  return apiClient(baseURL).integrations.create.mutate({
    type: "webhook",
    name,
    variables: { ApiUrl: "http://127.0.0.1:9/hook" },
  });
}

test("builds a three-level flow from an empty canvas, publishes it, and reloads it unchanged", async ({
  page,
  baseURL,
}) => {
  const api = apiClient(baseURL ?? "");
  const stamp = Date.now();
  const [team, pager, phone] = await Promise.all([
    webhook(baseURL ?? "", `Team chat ${stamp}`),
    webhook(baseURL ?? "", `Pager ${stamp}`),
    webhook(baseURL ?? "", `Phone ${stamp}`),
  ]);
  const { id: flowId } = await api.flows.create.mutate({ name: `Editor e2e ${stamp}`, description: "" });
  await page.goto(`/flows/${flowId}`);
  await expect(page.getByTestId("flow-canvas")).toBeVisible();
  await expect(nodes(page)).toHaveCount(0);

  const trigger = await drop(page, "trigger", 150, 300);
  const l1 = await drop(page, "level", 460, 100);
  const l2 = await drop(page, "level", 460, 330);
  const l3 = await drop(page, "level", 460, 560);
  const branch = await drop(page, "branch", 770, 330);
  const teamNode = await drop(page, "integration", 1060, 100);
  const pagerNode = await drop(page, "integration", 1060, 330);
  const phoneNode = await drop(page, "integration", 1060, 560);

  await connect(page, trigger, "out", l1);
  await connect(page, l1, "next", l2);
  await connect(page, l2, "next", l3);
  await connect(page, l1, "out", teamNode);
  await connect(page, l2, "out", branch);
  await connect(page, branch, "error", pagerNode);
  await connect(page, branch, "ok", pagerNode);
  await connect(page, l3, "out", phoneNode);

  // Levels number themselves and wait 15 minutes longer each; set reminders and the last threshold.
  await expect(node(page, l2)).toContainText("Level 2");
  await expect(node(page, l2)).toContainText("after 15 min");
  await select(page, l1);
  await inspector(page).getByLabel("At most").fill("2");
  await inspector(page).getByLabel("Every (minutes)").fill("10");
  await expect(node(page, l1)).toContainText("2 reminders / 10 min");
  await select(page, l3);
  await inspector(page).getByLabel("After (minutes)").fill("60");
  await inspector(page).getByLabel("Name", { exact: true }).fill("Escalate by phone");
  await expect(node(page, l3)).toContainText("after 1 h");

  await select(page, teamNode);
  await inspector(page)
    .getByLabel("Send through")
    .selectOption({ label: `${team.name} · webhook` });
  await inspector(page).getByLabel("URL").fill("http://127.0.0.1:9/team");
  await select(page, pagerNode);
  await inspector(page)
    .getByLabel("Send through")
    .selectOption({ label: `${pager.name} · webhook` });
  await select(page, phoneNode);
  await inspector(page)
    .getByLabel("Send through")
    .selectOption({ label: `${phone.name} · webhook` });
  await inspector(page).getByLabel("Ok when the problem clears").uncheck();
  await inspector(page).getByLabel("Reminders").uncheck();
  await expect(node(page, phoneNode)).toContainText(phone.name);
  await expect(node(page, phoneNode)).toContainText("sends Error");

  await expect(page.getByTestId("problems-toggle")).toHaveText("Valid");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByLabel("Note").fill("First version, drawn by hand");
  await page.getByTestId("publish-confirm").click();
  await expect(page.getByText("Published v1")).toBeVisible();

  const before = await snapshot(page);
  expect(before.cards).toHaveLength(8);
  expect(before.links).toHaveLength(8);
  await page.reload();
  await expect(nodes(page)).toHaveCount(8);
  await expect(node(page, phoneNode)).toContainText(phone.name);
  expect(await snapshot(page)).toEqual(before);
  await expect(page.getByText("Published v1")).toBeVisible();
  await select(page, l1);
  await expect(inspector(page).getByLabel("Every (minutes)")).toHaveValue("10");

  // The published version is exactly the draft that was drawn.
  const flow = await api.flows.get.query({ flowId });
  const [version] = await api.flows.versions.query({ flowId });
  expect(version?.note).toBe("First version, drawn by hand");
  const published = await api.flows.version.query({ flowId, versionId: version?.id ?? "" });
  expect(published.graph).toEqual(flow.graph);
  const levels = flow.graph.nodes.flatMap((n) =>
    n.type === "level" ? [[n.data.level, n.data.afterSeconds, n.data.reminderCount, n.data.reminderEverySeconds]] : [],
  );
  expect(levels.sort()).toEqual([
    [1, 0, 2, 600],
    [2, 900, 0, 600],
    [3, 3600, 0, 600],
  ]);
});

test("undo and redo walk the graph back and forth", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const [a, b, c] = await Promise.all(["A", "B", "C"].map((n) => webhook(baseURL ?? "", `Undo ${n} ${Date.now()}`)));
  const graph = threeLevelSampleGraph({ l1: a?.id ?? "", l2: b?.id ?? "", l3: c?.id ?? "" });
  const { id } = await api.flows.create.mutate({ name: `Undo ${Date.now()}`, description: "", graph });
  await page.goto(`/flows/${id}`);
  await expect(nodes(page)).toHaveCount(8);
  await expect(node(page, "notify-team")).toContainText(a?.name ?? "");
  const original = await snapshot(page);

  await select(page, "level-2");
  await inspector(page).getByLabel("At most").fill("5");
  await expect(node(page, "level-2")).toContainText("5 reminders");
  await node(page, "level-3").click();
  await page.keyboard.press("Delete");
  await expect(nodes(page)).toHaveCount(7);
  const edited = await snapshot(page);

  await page.keyboard.press("Control+z");
  await expect(nodes(page)).toHaveCount(8);
  await page.keyboard.press("Control+z");
  await expect(node(page, "level-2")).toContainText("1 reminder /");
  expect(await snapshot(page)).toEqual(original);

  await page.keyboard.press("Control+Shift+z");
  await page.keyboard.press("Control+Shift+z");
  await expect(nodes(page)).toHaveCount(7);
  expect(await snapshot(page)).toEqual(edited);
});

test("an invalid connection is refused while dragging, with the reason", async ({ page, baseURL }) => {
  const api = apiClient(baseURL ?? "");
  const { id } = await api.flows.create.mutate({
    name: `Refused ${Date.now()}`,
    description: "",
    graph: {
      schemaVersion: 1,
      nodes: [
        { id: "t", type: "trigger", position: { x: 0, y: 0 }, data: {} },
        { id: "l1", type: "level", position: { x: 320, y: 0 }, data: { level: 1 } },
        { id: "i", type: "integration", position: { x: 320, y: 240 }, data: { label: "Ops" } },
      ],
      edges: [],
    },
  });
  await page.goto(`/flows/${id}`);
  await expect(nodes(page)).toHaveCount(3);

  await dragConnection(page, "t", "out", "i");
  await expect(page.getByTestId("connection-refused")).toContainText(
    "A trigger connects to the first escalation level, not to an integration.",
  );
  await page.mouse.up();
  await expect(page.getByText("Not connected: A trigger connects to the first escalation level")).toBeVisible();
  await expect(edges(page)).toHaveCount(0);

  await connect(page, "t", "out", "l1");
  await expect(edges(page)).toHaveCount(1);
});
