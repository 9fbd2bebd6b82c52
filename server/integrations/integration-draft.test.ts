import { describe, expect, it } from "vitest";
import { previewMessage } from "~/core/integrations/preview-message";
import { integration } from "~/test-support/send-harness";
import { missingVariables, withPlaceholders } from "./integration-draft";

describe("a preview with unset variables", () => {
  it("marks each unset variable by its name and a dash, in no language", () => {
    const record = integration("pagerduty", {}, {});
    const missing = missingVariables(record, {});
    expect(missing.map((m) => m.name)).toEqual(["RoutingKey"]);
    const preview = previewMessage(withPlaceholders(record, missing), "error");
    expect(preview.problems).toEqual([]);
    expect(JSON.parse(preview.requests[0]?.body ?? "{}")).toMatchObject({ routing_key: "<RoutingKey>" });
    expect(preview.requests[0]?.body).not.toMatch(/not set/);
  });
});
