import { describe, expect, it } from "vitest";
import grafana9 from "./fixtures/grafana-9-valuestring.json";
import firing from "./fixtures/grafana-firing.json";
import { alertsOf, issuesOf } from "./fixtures/results";
import { parseInbound } from "./parse-inbound";

const now = new Date("2021-10-12T08:30:00.000Z");

describe("Grafana unified alerting webhook", () => {
  it("turns each alert into its own incident keyed by fingerprint", () => {
    const alerts = alertsOf(parseInbound("grafana", firing, now));
    expect(alerts.map((a) => [a.key, a.status, a.summary])).toEqual([
      ["c6eadffa33fcdf37", "error", "This alert was triggered for zone us-1"],
      ["bc97ff14869b13e3", "ok", "This alert was triggered for zone eu-1"],
    ]);
  });

  it("links the rule, dashboard and panel", () => {
    const [memory, cpu] = alertsOf(parseInbound("grafana", firing, now));
    expect(memory?.monitor).toEqual({
      guid: "",
      name: "High memory usage",
      type: "grafana",
      url: "https://play.grafana.org/alerting/grafana/1afz29v7z/view?orgId=1",
      notes: "https://myrunbook.com/runbook/1234",
      dashboardUrl: "https://play.grafana.org/d/000000012?orgId=1",
      editUrl: "https://play.grafana.org/alerting/grafana/1afz29v7z/view?orgId=1",
    });
    // Empty Grafana links fall back to the instance rather than to a blank.
    expect(cpu?.monitor.dashboardUrl).toBe("https://play.grafana.org/");
  });

  it("keeps query values one per ref, and tolerates values: null", () => {
    const [memory, cpu] = alertsOf(parseInbound("grafana", firing, now));
    expect(memory?.details).toMatchObject({
      "values.B": "44.23943737541908",
      "values.C": "1",
      orgId: "1",
      state: "alerting",
      silenceURL: expect.stringContaining("/alerting/silence/new"),
    });
    expect(Object.keys(cpu?.details ?? {}).some((name) => name.startsWith("values."))).toBe(false);
    expect(cpu?.occurredAt).toBe("2021-10-12T08:11:03.157Z");
    expect(cpu?.severity).toBe("warning");
  });

  it("reads Grafana 9 bodies with only valueString and no annotations", () => {
    const [noData] = alertsOf(parseInbound("grafana", grafana9, now));
    expect(noData).toMatchObject({
      key: "7e1fa0c32b1aa3e0",
      summary: "DatasourceNoData",
      description: "",
      severity: "error",
      source: "grafana",
      occurredAt: "2022-11-29T15:20:10.000Z",
    });
    expect(noData?.details.valueString).toBe("[ metric='' labels={} value=14151.331895396988 ]");
  });

  it("reports bad fields with their path", () => {
    const [memory] = firing.alerts;
    const body = { ...firing, alerts: [{ ...memory, values: { B: { nested: true } }, status: "alerting" }] };
    expect(issuesOf(parseInbound("grafana", body, now))).toEqual([
      { path: "alerts.0.status", message: expect.stringContaining('expected one of "firing"|"resolved"') },
      { path: "alerts.0.values.B", message: "Invalid input" },
    ]);
  });
});
