import { describe, expect, it } from "vitest";
import mixed from "./fixtures/alertmanager-mixed.json";
import grafana from "./fixtures/grafana-firing.json";
import { alertsOf, issuesOf } from "./fixtures/results";
import uptrends from "./fixtures/uptrends-alert.json";
import { parseInbound } from "./parse-inbound";

const now = new Date("2024-05-14T10:00:00.000Z");

describe("parseInbound", () => {
  it("dispatches on the trigger's format", () => {
    expect(alertsOf(parseInbound("alertmanager", mixed, now))).toHaveLength(3);
    expect(alertsOf(parseInbound("grafana", grafana, now))).toHaveLength(2);
    expect(alertsOf(parseInbound("uptrends", uptrends, now))).toHaveLength(1);
    expect(alertsOf(parseInbound("generic", { key: "k", status: "ok", summary: "s" }, now))).toHaveLength(1);
  });

  it("tells a sender pointed at the wrong trigger what it expected", () => {
    expect(issuesOf(parseInbound("uptrends", mixed, now)).map((issue) => issue.path)).toEqual(["alert", "incident"]);
    expect(issuesOf(parseInbound("alertmanager", grafana, now))).toEqual([
      { path: "version", message: 'Expected version "4" (Alertmanager webhook); got "1"' },
    ]);
  });

  it("caps the issue list so a huge bad body gets a readable answer", () => {
    const alerts = Array.from({ length: 200 }, () => ({ status: "bogus", labels: {} }));
    expect(issuesOf(parseInbound("alertmanager", { version: "4", alerts }, now))).toHaveLength(50);
  });

  it("refuses more than 1000 alerts in one notification", () => {
    const alerts = Array.from({ length: 1001 }, () => ({ status: "firing", labels: { alertname: "x" } }));
    expect(issuesOf(parseInbound("alertmanager", { version: "4", alerts }, now))[0]?.path).toBe("alerts");
  });

  it("fills a missing event time from now", () => {
    const body = { version: "4", alerts: [{ status: "resolved", labels: { alertname: "x" } }] };
    expect(alertsOf(parseInbound("alertmanager", body, now))[0]?.occurredAt).toBe(now.toISOString());
  });
});
