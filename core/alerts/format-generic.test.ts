import { describe, expect, it } from "vitest";
import { alertsOf, issuesOf } from "./fixtures/results";
import { parseInbound } from "./parse-inbound";

const now = new Date("2024-05-14T10:00:00.000Z");

describe("generic JSON", () => {
  it("normalizes a full alert", () => {
    const body = {
      key: "checkout-api/prod/latency",
      status: "error",
      summary: "Checkout API p99 above 500 ms",
      description: "p99 has been 730 ms for 10 minutes",
      severity: "warning",
      source: "checkout-api.prod",
      labels: { service: "checkout-api", env: "prod", replicas: 3 },
      annotations: { runbook: "https://wiki.example.com/runbooks/checkout-latency" },
      monitor: { name: "Checkout latency", url: "https://grafana.example.com/d/checkout" },
      occurredAt: "2024-05-14T11:58:00+02:00",
      details: { p99Ms: 730, region: "eu-west-1", window: { minutes: 10 } },
    };
    expect(alertsOf(parseInbound("generic", body, now))).toEqual([
      {
        key: "checkout-api/prod/latency",
        status: "error",
        summary: "Checkout API p99 above 500 ms",
        description: "p99 has been 730 ms for 10 minutes",
        severity: "warning",
        source: "checkout-api.prod",
        labels: { service: "checkout-api", env: "prod", replicas: "3" },
        annotations: { runbook: "https://wiki.example.com/runbooks/checkout-latency" },
        monitor: {
          guid: "",
          name: "Checkout latency",
          type: "",
          url: "https://grafana.example.com/d/checkout",
          notes: "",
          dashboardUrl: "",
          editUrl: "",
        },
        details: { p99Ms: "730", region: "eu-west-1", window: '{"minutes":10}' },
        occurredAt: "2024-05-14T09:58:00.000Z",
      },
    ]);
  });

  it("accepts the aliases and status words people reach for", () => {
    const minimal = { alertKey: "db-1", status: "RESOLVED", title: "Database back", monitor: "db-1 ping" };
    const [alert] = alertsOf(parseInbound("generic", minimal, now));
    expect(alert).toMatchObject({
      key: "db-1",
      status: "ok",
      summary: "Database back",
      severity: "error",
      occurredAt: "2024-05-14T10:00:00.000Z",
    });
    expect(alert?.monitor.name).toBe("db-1 ping");
    for (const [word, status] of [
      ["firing", "error"],
      ["Problem", "error"],
      ["alert", "error"],
      ["ok", "ok"],
    ]) {
      expect(alertsOf(parseInbound("generic", { ...minimal, status: word }, now))[0]?.status).toBe(status);
    }
    expect(alertsOf(parseInbound("generic", { ...minimal, severity: "P1" }, now))[0]?.severity).toBe("critical");
  });

  it("takes a batch as an array", () => {
    const batch = [
      { key: "a", status: "error", summary: "A down" },
      { key: "b", status: "ok", summary: "B up" },
    ];
    expect(alertsOf(parseInbound("generic", batch, now)).map((a) => a.key)).toEqual(["a", "b"]);
  });

  it("truncates an overlong summary instead of rejecting the alert", () => {
    const [alert] = alertsOf(parseInbound("generic", { key: "k", status: "error", summary: "x".repeat(5000) }, now));
    expect(alert?.summary).toHaveLength(1024);
  });

  it("reports every problem with its path", () => {
    const body = {
      status: "warning",
      severity: "urgent-ish",
      labels: { env: ["prod"] },
      monitor: { name: {} },
      occurredAt: "last tuesday",
    };
    expect(issuesOf(parseInbound("generic", body, now))).toEqual([
      { path: "key", message: "Required: give `key` (or `alertKey`), the incident identity" },
      { path: "status", message: "Expected one of error, alert, problem, firing, ok, resolved" },
      { path: "summary", message: "Required: give `summary` (or `title`), a one-line headline" },
      { path: "severity", message: expect.stringContaining("Expected critical, error, warning or info") },
      { path: "labels.env", message: "Invalid input: expected string, received array" },
      { path: "monitor.name", message: "Invalid input: expected string, received object" },
      { path: "occurredAt", message: expect.stringContaining("ISO 8601") },
    ]);
  });

  it("prefixes batch issues with the alert's index and refuses empty batches", () => {
    const batch = [
      { key: "a", status: "error", summary: "A" },
      { key: " ", status: "error", summary: "B" },
    ];
    expect(issuesOf(parseInbound("generic", batch, now))).toEqual([{ path: "1.key", message: "Must not be empty" }]);
    expect(issuesOf(parseInbound("generic", [], now))).toEqual([{ path: "", message: "Send at least one alert" }]);
    expect(issuesOf(parseInbound("generic", "down!", now))).toEqual([
      { path: "", message: "Invalid input: expected object, received string" },
    ]);
  });

  it("rejects keys longer than 500 characters", () => {
    const body = { key: "k".repeat(501), status: "error", summary: "s" };
    expect(issuesOf(parseInbound("generic", body, now))).toEqual([
      { path: "key", message: "Must be at most 500 characters" },
    ]);
  });
});
