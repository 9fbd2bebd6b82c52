import { describe, expect, it } from "vitest";
import { rateLimitBucket } from "./rate-limit";
import { integration } from "~/test-support/send-harness";

describe("rateLimitBucket", () => {
  it("counts PagerDuty per routing key without exposing the key", () => {
    const a = rateLimitBucket(integration("pagerduty", {}, { RoutingKey: "key-a" }));
    const b = rateLimitBucket({ ...integration("pagerduty", {}, { RoutingKey: "key-a" }), id: "other" });
    expect(a).toEqual(b);
    expect(a.eventsPerMinute).toBe(120);
    expect(a.key).not.toContain("key-a");
  });

  it("counts Slack per integration", () => {
    expect(rateLimitBucket(integration("slack", {}))).toEqual({
      key: "integration:11111111-1111-4111-8111-111111111111",
      eventsPerMinute: 60,
    });
  });
});
