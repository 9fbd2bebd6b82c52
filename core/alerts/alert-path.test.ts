import { describe, expect, it } from "vitest";
import { alertPathProblem, alertPathText, lookupAlertPath } from "./alert-path";
import { sampleAlert } from "./fixtures/sample-alert";

describe("alert paths", () => {
  const alert = sampleAlert();

  it("reads top-level, monitor and map fields", () => {
    expect(alertPathText(alert, "summary")).toBe("Pod is crash looping.");
    expect(alertPathText(alert, "monitor.name")).toBe("KubePodCrashLooping");
    expect(alertPathText(alert, "labels.env")).toBe("prod");
    expect(alertPathText(alert, "labels.missing")).toBeUndefined();
  });

  it("lets map keys contain dots, preferring the longest key", () => {
    expect(alertPathText(alert, "labels.app.kubernetes.io/name")).toBe("checkout");
    expect(alertPathText(alert, "details.values.B")).toBe("44.2");
  });

  it("returns no text for a whole map", () => {
    expect(lookupAlertPath(alert, "labels")).toEqual(alert.labels);
    expect(alertPathText(alert, "labels")).toBeUndefined();
  });

  it("does not reach into prototypes", () => {
    expect(lookupAlertPath(alert, "labels.constructor")).toBeUndefined();
    expect(lookupAlertPath(alert, "summary.length")).toBeUndefined();
  });

  it("explains paths that can never name a value", () => {
    expect(alertPathProblem("labels.severity")).toBeUndefined();
    expect(alertPathProblem("monitor.dashboardUrl")).toBeUndefined();
    expect(alertPathProblem("summry")).toMatch(/^Unknown field "summry"/);
    expect(alertPathProblem("monitor.owner")).toMatch(/^Unknown monitor field "owner"/);
    expect(alertPathProblem("labels")).toBe("Name an entry, e.g. labels.severity");
    expect(alertPathProblem("summary.text")).toMatch(/single value/);
    expect(alertPathProblem(" ")).toMatch(/^Choose a field/);
  });
});
