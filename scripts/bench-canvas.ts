/**
 * Canvas benchmark: a generated 500-node flow, opened in headless Chromium.
 *   npx tsx scripts/bench-canvas.ts [--url http://127.0.0.1:3200]
 * With --url (or BENCH_URL) it uses that running server; otherwise it starts one through
 * scripts/e2e-server.ts (its own port; NEXT_DIST_DIR and E2E_DATABASE_URL are passed through).
 * Prints the load time (navigation start → all 500 nodes measured and visible) and the frames
 * per second while a node is dragged (requestAnimationFrame counter during a scripted drag).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { generateLargeGraph } from "~/server/flow/sample-graphs";
import { apiClient } from "../e2e/api-client";
import { freePort } from "./free-port";
import { stopChild } from "./temporal-server";

const NODE_COUNT = 500;
const WARM_LOADS = 3;
const DRAG_MS = 3000;
const root = path.resolve(import.meta.dirname, "..");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/e2e-server.ts"], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(port), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // A first run builds the app, which takes minutes.
  await waitForHealth(url, 15 * 60_000);
  return { url, child };
}

/** Milliseconds from navigation start until every node is on screen with its measured size. */
async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  // React Flow keeps a node hidden until it has measured it.
  const handle = await page.waitForFunction(
    `(() => {
      const nodes = document.querySelectorAll(".react-flow__node");
      if (nodes.length < ${NODE_COUNT}) return false;
      for (const node of nodes) if (node.style.visibility === "hidden") return false;
      return performance.now();
    })()`,
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

/** Drags one node in a circle for DRAG_MS and counts the frames the page painted meanwhile. */
async function dragFps(page: Page, nodeId: string) {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not visible`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const before = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).getAttribute("style");
  // A string, not a function: tsx's helpers (`__name`) do not exist inside the page.
  await page.evaluate(`(() => {
    window.__bench = { frames: [], running: true };
    const tick = (t) => {
      window.__bench.frames.push(t);
      if (window.__bench.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const began = Date.now();
  let moves = 0;
  for (; Date.now() - began < DRAG_MS; moves++) {
    const angle = moves / 20;
    await page.mouse.move(start.x + 150 * Math.sin(angle), start.y + 100 * (1 - Math.cos(angle)));
  }
  await page.mouse.up();
  const frames: unknown = await page.evaluate("window.__bench.running = false, window.__bench.frames");
  if (!Array.isArray(frames) || !frames.every((f) => typeof f === "number")) throw new Error("no frame timings from the page");
  const after = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).getAttribute("style");
  const first = frames[0] ?? 0;
  const last = frames.at(-1) ?? 0;
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return { fps: ((frames.length - 1) * 1000) / (last - first), frames: frames.length, ms: last - first, longest: Math.max(...gaps), moves, moved: before !== after };
}

async function main() {
  const given = argValue("--url") ?? process.env.BENCH_URL;
  const server = given ? null : await startServer();
  const url = given ?? server?.url ?? "";
  try {
    const api = apiClient(url);
    const integration = await api.integrations.create.mutate({ type: "webhook", name: `Bench ${Date.now()}`, variables: { ApiUrl: "http://127.0.0.1:9/hook" } });
    const graph = generateLargeGraph(NODE_COUNT, integration.id);
    const { id } = await api.flows.create.mutate({ name: `Bench ${NODE_COUNT} nodes`, description: "scripts/bench-canvas.ts", graph });
    const flowUrl = `${url}/flows/${id}`;

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const cold = await loadTime(await context.newPage(), flowUrl);
    const warm: number[] = [];
    let page = await context.newPage();
    for (let i = 0; i < WARM_LOADS; i++) {
      await page.close();
      page = await context.newPage();
      warm.push(await loadTime(page, flowUrl));
    }
    warm.sort((a, b) => a - b);
    await page.waitForTimeout(500);
    const drag = await dragFps(page, "level-1");
    await browser.close();

    console.log(`\nCanvas benchmark: ${graph.nodes.length} nodes, ${graph.edges.length} edges (${flowUrl})`);
    console.log(`  load, cold cache:          ${cold.toFixed(0)} ms`);
    console.log(`  load, warm (median of ${WARM_LOADS}):  ${(warm[Math.floor(WARM_LOADS / 2)] ?? NaN).toFixed(0)} ms   [${warm.map((w) => w.toFixed(0)).join(", ")}]`);
    console.log(`  drag:                      ${drag.fps.toFixed(1)} fps (${drag.frames} frames in ${drag.ms.toFixed(0)} ms, longest frame ${drag.longest.toFixed(0)} ms, ${drag.moves} pointer moves${drag.moved ? "" : ", NODE DID NOT MOVE"})`);
  } finally {
    if (server) await stopChild(server.child);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
