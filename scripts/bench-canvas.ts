/**
 * Canvas benchmark: a generated 500-node flow, opened in headless Chromium.
 *   npx tsx scripts/bench-canvas.ts [--url http://127.0.0.1:3200] [--rounds 2]
 * With --url (or BENCH_URL) it uses that running server; otherwise it starts one through
 * scripts/e2e-server.ts (its own port; NEXT_DIST_DIR and E2E_DATABASE_URL are passed through).
 * Prints the load time (navigation start → all 500 nodes measured and visible) and the frames
 * per second while a node is dragged (requestAnimationFrame counter during a scripted drag), with
 * the renderer's CPU time per pointer move, which a loaded machine sways far less than frame rates.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { generateLargeGraph } from "~/test-support/sample-graphs";
import { apiClient } from "~/e2e/api-client";
import { signInTestOwner } from "~/e2e/sign-in-owner";
import { freePort } from "./free-port";
import { stopChild } from "./temporal-server";

const NODE_COUNT = 500;
/** Rounds, each in a fresh browser context; more rounds steady the figures on a loaded machine. */
const ROUNDS = Number(argValue("--rounds") ?? 2);
const WARM_LOADS = 3;
const DRAG_MS = 3000;
const DRAGS = 3;
const MOVE_INTERVAL_MS = 16;
const root = path.resolve(import.meta.dirname, "..");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/e2e-server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/alertflow_bench",
    },
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

/** The node nearest the middle of the canvas: dragging it never reaches the edge (which pans). */
async function middleNode(page: Page): Promise<string> {
  const id: unknown = await page.evaluate(`(() => {
    const pane = document.querySelector(".react-flow").getBoundingClientRect();
    const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
    let best = null, bestDistance = Infinity;
    for (const el of document.querySelectorAll(".react-flow__node")) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestDistance) { bestDistance = d; best = el.getAttribute("data-id"); }
    }
    return best;
  })()`);
  if (typeof id !== "string") throw new Error("no node on the canvas");
  return id;
}

/**
 * CPU milliseconds the page's renderer has used so far: its main thread (ThreadTime) and the whole
 * process, raster threads included (ProcessTime). CPU time, unlike frames per second, is
 * hardly swayed by other processes competing for the cores of a loaded machine.
 */
async function rendererCpu(cdp: CDPSession): Promise<{ thread: number; process: number }> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { thread: value("ThreadTime"), process: value("ProcessTime") };
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
  // Real input events, paced like a mouse whose moves the browser delivers once per frame, and
  // sent without waiting for each to be handled (Playwright's mouse.move waits for a round trip,
  // which on a busy 2-core machine measures the driver rather than the page).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpuBefore = await rendererCpu(cdp);
  const began = Date.now();
  let moves = 0;
  const pending: Promise<unknown>[] = [];
  while (Date.now() - began < DRAG_MS) {
    const angle = (Date.now() - began) / 300;
    const x = start.x + 120 * Math.sin(angle);
    const y = start.y + 80 * (1 - Math.cos(angle));
    pending.push(cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y, button: "left", buttons: 1 }));
    moves++;
    await new Promise((r) => setTimeout(r, MOVE_INTERVAL_MS));
  }
  await Promise.all(pending);
  await page.mouse.up();
  const cpuAfter = await rendererCpu(cdp);
  const frames: unknown = await page.evaluate("window.__bench.running = false, window.__bench.frames");
  if (!Array.isArray(frames) || !frames.every((f) => typeof f === "number"))
    throw new Error("no frame timings from the page");
  const after = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).getAttribute("style");
  const first = frames[0] ?? 0;
  const last = frames.at(-1) ?? 0;
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  return {
    fps: ((frames.length - 1) * 1000) / (last - first),
    frames: frames.length,
    ms: last - first,
    longest: Math.max(...gaps),
    moves,
    threadCpuPerMove: (cpuAfter.thread - cpuBefore.thread) / moves,
    processCpuPerMove: (cpuAfter.process - cpuBefore.process) / moves,
    moved: before !== after,
  };
}

type Drag = Awaited<ReturnType<typeof dragFps>>;
type Owner = Awaited<ReturnType<typeof signInTestOwner>>;
interface Measured {
  cold: number;
  warm: number[];
  drags: Drag[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const list = (values: number[], digits = 0) => values.map((v) => v.toFixed(digits)).join(", ");

/** Load times and drag frame rates in a fresh browser context. */
async function measure(browser: Browser, flowUrl: string, owner: Owner): Promise<Measured> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    storageState: owner.storageState,
  });
  let page = await context.newPage();
  const cold = await loadTime(page, flowUrl);
  const warm: number[] = [];
  for (let i = 0; i < WARM_LOADS; i++) {
    await page.close();
    page = await context.newPage();
    warm.push(await loadTime(page, flowUrl));
  }
  await page.locator(".react-flow__minimap svg").waitFor({ state: "visible" });
  await page.waitForTimeout(500);
  const dragged = await middleNode(page);
  const drags: Drag[] = [];
  for (let i = 0; i < DRAGS; i++) drags.push(await dragFps(page, dragged));
  await context.close();
  return { cold, warm, drags };
}

async function main() {
  const given = argValue("--url") ?? process.env.BENCH_URL;
  const server = given ? null : await startServer();
  const url = given ?? server?.url ?? "";
  try {
    const owner = await signInTestOwner(url);
    const api = apiClient(url, `Bearer ${owner.token}`);
    const integration = await api.integrations.create.mutate({
      type: "webhook",
      name: `Bench ${Date.now()}`,
      variables: { ApiUrl: "http://127.0.0.1:9/hook" },
    });
    const graph = generateLargeGraph(NODE_COUNT, integration.id);
    const { id } = await api.flows.create.mutate({
      name: `Bench ${NODE_COUNT} nodes`,
      description: "scripts/bench-canvas.ts",
      graph,
    });
    const flowUrl = `${url}/flows/${id}`;

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const runs: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await measure(browser, flowUrl, owner));
    await browser.close();

    console.log(`\nCanvas benchmark: ${graph.nodes.length} nodes, ${graph.edges.length} edges (${flowUrl})`);
    const drags = runs.flatMap((r) => r.drags);
    const warm = runs.flatMap((r) => r.warm);
    console.log(`    load, cold cache:            ${list(runs.map((r) => r.cold))} ms`);
    console.log(`    load, warm (median of ${warm.length}):     ${median(warm).toFixed(0)} ms  [${list(warm)}]`);
    console.log(
      `    drag (median of ${drags.length}):          ${median(drags.map((d) => d.fps)).toFixed(1)} fps  [${list(
        drags.map((d) => d.fps),
        1,
      )}]`,
    );
    for (const [label, cpu] of [
      ["main thread CPU", (d: Drag) => d.threadCpuPerMove],
      ["renderer CPU   ", (d: Drag) => d.processCpuPerMove],
    ] as const) {
      console.log(
        `    ${label} per pointer move: median ${median(drags.map(cpu)).toFixed(2)} ms  [${list(drags.map(cpu), 2)}]`,
      );
    }
    console.log(
      `    frame time during drag: median ${median(drags.map((d) => d.ms / (d.frames - 1))).toFixed(1)} ms, longest ${Math.max(...drags.map((d) => d.longest)).toFixed(0)} ms; ${drags[0]?.moves ?? 0} pointer moves per ${DRAG_MS / 1000} s drag`,
    );
    if (drags.some((d) => !d.moved)) console.log("    WARNING: the node did not move");
  } finally {
    if (server) await stopChild(server.child);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
