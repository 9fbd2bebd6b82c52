import { describe, expect, it } from "vitest";
import { alertsOf, issuesOf } from "./fixtures/results";
import errorBody from "./fixtures/uptrends-alert.json";
import okBody from "./fixtures/uptrends-ok.json";
import { parseInbound } from "./parse-inbound";

const now = new Date("2024-05-14T10:00:00.000Z");

describe("Uptrends integration body", () => {
  it("maps an Alert to an error keyed by the incident key", () => {
    const [alert] = alertsOf(parseInbound("uptrends", errorBody, now));
    expect(alert).toMatchObject({
      key: "8c5e4b3a-1f2d-4c6b-9e8a-7d6c5b4a3f21-0-3141592",
      status: "error",
      summary: "Shop checkout (transaction): Step 2: The server returned HTTP status 503 (Service Unavailable)",
      description: "Step 2: The server returned HTTP status 503 (Service Unavailable)",
      source: "https://shop.example.com/checkout",
      // timestampUtc has no offset and is UTC by definition.
      occurredAt: "2024-05-14T09:32:58.000Z",
    });
    expect(alert?.monitor).toMatchObject({
      guid: "b7a6c5d4-e3f2-4a1b-8c9d-0e1f2a3b4c5d",
      name: "Shop checkout (transaction)",
      type: "Transaction",
      editUrl: "https://app.uptrends.com/Probe/Edit/b7a6c5d4-e3f2-4a1b-8c9d-0e1f2a3b4c5d",
    });
  });

  it("keeps the other variables in details, dropping empty ones", () => {
    const [alert] = alertsOf(parseInbound("uptrends", errorBody, now));
    expect(alert?.details).toMatchObject({
      type: "Alert",
      errorTypeId: "5407",
      checkpointName: "Amsterdam",
      firstErrorUtc: "2024-05-14T09:31:02",
      "alertDefinition.name": "Default alert definition",
      "escalationLevel.id": "1",
      "account.accountId": "123456",
    });
    expect(alert?.details).not.toHaveProperty("failureMessage");
  });

  it("maps Ok to ok and Reminder to error, whatever the case", () => {
    const [ok] = alertsOf(parseInbound("uptrends", okBody, now));
    expect(ok).toMatchObject({ key: errorBody.incident.key, status: "ok", occurredAt: "2024-05-14T09:56:40.000Z" });
    expect(ok?.details.downtimeDuration).toBe("0:25:38");
    const reminder = { ...errorBody, alert: { ...errorBody.alert, type: "reminder" } };
    expect(alertsOf(parseInbound("uptrends", reminder, now))[0]?.status).toBe("error");
  });

  it("accepts a minimal body and unquoted numbers", () => {
    const [alert] = alertsOf(parseInbound("uptrends", { alert: { type: "Alert" }, incident: { key: 42 } }, now));
    expect(alert).toMatchObject({ key: "42", summary: "Uptrends alert", occurredAt: now.toISOString() });
  });

  it("reports a missing incident key and unknown alert types by path", () => {
    const body = {
      ...errorBody,
      alert: { ...errorBody.alert, type: "Warning", timestampUtc: "14-05-2024" },
      incident: {},
    };
    expect(issuesOf(parseInbound("uptrends", body, now))).toEqual([
      { path: "alert.type", message: "Expected Alert, Ok or Reminder" },
      { path: "alert.timestampUtc", message: expect.stringContaining("ISO 8601") },
      { path: "incident.key", message: "Required: Uptrends sends {{@incident.key}} here" },
    ]);
  });
});
