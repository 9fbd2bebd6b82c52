import { describe, expect, it } from "vitest";
import legacy from "./fixtures/alertmanager-legacy.json";
import mixed from "./fixtures/alertmanager-mixed.json";
import { alertsOf, issuesOf } from "./fixtures/results";
import { parseInbound } from "./parse-inbound";

const now = new Date("2024-05-14T10:00:00.000Z");

describe("Alertmanager webhook v4", () => {
  it("turns a group notification into one alert per alert, firing and resolved mixed", () => {
    const alerts = alertsOf(parseInbound("alertmanager", mixed, now));
    expect(alerts.map((a) => [a.key, a.status, a.severity])).toEqual([
      ["3f1c2a9be0d4c871", "error", "critical"],
      ["a8b06ef2c1d94417", "error", "warning"],
      ["c02f5ae6f7e3b9d1", "ok", "info"], // severity "none" is the Watchdog-style informational level
    ]);
  });

  it("takes summary from annotations.summary, else labels.alertname", () => {
    const [crash, , down] = alertsOf(parseInbound("alertmanager", mixed, now));
    expect(crash?.summary).toBe("Pod is crash looping.");
    expect(crash?.description).toContain("CrashLoopBackOff");
    expect(down?.summary).toBe("TargetDown");
  });

  it("dates a firing alert by startsAt and a resolved one by endsAt, in UTC", () => {
    const [crash, latency, down] = alertsOf(parseInbound("alertmanager", mixed, now));
    expect(crash?.occurredAt).toBe("2024-05-14T09:31:47.123Z"); // nanoseconds cut to millis
    expect(latency?.occurredAt).toBe("2024-05-14T09:02:17.520Z"); // +02:00 folded into UTC
    expect(down?.occurredAt).toBe("2024-05-14T09:35:02.781Z");
    expect(crash?.details.endsAt).toBeUndefined(); // Go's zero time means "still firing"
  });

  it("keeps labels and annotations and maps the rule onto the monitor", () => {
    const [, latency] = alertsOf(parseInbound("alertmanager", mixed, now));
    expect(latency?.labels.service).toBe("checkout-api");
    expect(latency?.source).toBe("checkout-api.checkout.svc:8080");
    expect(latency?.monitor).toMatchObject({
      name: "HighRequestLatency",
      type: "alertmanager",
      dashboardUrl: "http://alertmanager-main-0:9093",
    });
    expect(latency?.monitor.url).toMatch(/^http:\/\/prometheus-k8s-0:9090\/graph/);
    expect(latency?.details).toMatchObject({ receiver: "alertflow", truncatedAlerts: "0", status: "firing" });
  });

  it("recomputes the fingerprint the way Alertmanager does when an old sender omits it", () => {
    const [alert] = alertsOf(parseInbound("alertmanager", legacy, now));
    // prometheus/common model TestMetricToFingerprint: this label set has fingerprint 5799056148416392346.
    expect(alert?.key).toBe(5799056148416392346n.toString(16).padStart(16, "0"));
    expect(alert?.occurredAt).toBe("2018-08-03T07:52:26.739Z");
  });

  it("accepts a group with no alerts as zero alerts", () => {
    expect(alertsOf(parseInbound("alertmanager", { ...mixed, alerts: [] }, now))).toEqual([]);
  });

  it("reports bad alerts with their index in the group", () => {
    const [first, second, third] = mixed.alerts;
    const body = {
      ...mixed,
      alerts: [
        { ...first, fingerprint: "f".repeat(501) },
        { ...second, status: "pending" },
        { ...third, labels: undefined, startsAt: "yesterday" },
      ],
    };
    expect(issuesOf(parseInbound("alertmanager", body, now))).toEqual([
      { path: "alerts.0.fingerprint", message: "Must be at most 500 characters" },
      { path: "alerts.1.status", message: expect.stringContaining('"firing"') },
      { path: "alerts.2.labels", message: expect.stringContaining("expected record") },
      { path: "alerts.2.startsAt", message: expect.stringContaining("ISO 8601") },
    ]);
  });

  it("rejects a body of another version or shape", () => {
    expect(issuesOf(parseInbound("alertmanager", { ...mixed, version: "1" }, now))).toEqual([
      { path: "version", message: 'Expected version "4" (Alertmanager webhook); got "1"' },
    ]);
    expect(issuesOf(parseInbound("alertmanager", { version: "4" }, now))).toEqual([
      { path: "alerts", message: "Invalid input: expected array, received undefined" },
    ]);
    expect(issuesOf(parseInbound("alertmanager", null, now))[0]?.path).toBe("");
  });
});
