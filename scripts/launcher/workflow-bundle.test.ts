import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { currentWorkflowBundle, workflowBundleFile } from "./workflow-bundle";

describe("the build's workflow bundle", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A checkout with one workflow and one core file written at `sourcesAt`, and a build dir. */
  function checkout(sourcesAt: Date) {
    const root = mkdtempSync(path.join(os.tmpdir(), "alertflow-bundle-"));
    dirs.push(root);
    for (const file of ["workflows/index.ts", "core/escalation/incident.ts"]) {
      const full = path.join(root, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, "export {};\n");
      utimesSync(full, sourcesAt, sourcesAt);
    }
    const buildDir = path.join(root, ".next");
    mkdirSync(buildDir);
    return { root, buildDir };
  }
  const writeBundle = (buildDir: string, at: Date) => {
    writeFileSync(workflowBundleFile(buildDir), "bundle");
    utimesSync(workflowBundleFile(buildDir), at, at);
  };

  it("is used when it was made after the workflow sources", () => {
    const { root, buildDir } = checkout(new Date("2026-11-30T10:00:00Z"));
    writeBundle(buildDir, new Date("2026-11-30T10:05:00Z"));
    expect(currentWorkflowBundle(buildDir, root)).toBe(workflowBundleFile(buildDir));
  });

  it("is not used once a workflow or a core file changed after it", () => {
    const { root, buildDir } = checkout(new Date("2026-11-30T10:00:00Z"));
    writeBundle(buildDir, new Date("2026-11-30T10:05:00Z"));
    const later = new Date("2026-11-30T10:06:00Z");
    utimesSync(path.join(root, "core/escalation/incident.ts"), later, later);
    expect(currentWorkflowBundle(buildDir, root)).toBeNull();
  });

  it("is not there before a build made one", () => {
    const { root, buildDir } = checkout(new Date("2026-11-30T10:00:00Z"));
    expect(currentWorkflowBundle(buildDir, root)).toBeNull();
  });
});
