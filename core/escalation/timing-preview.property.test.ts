import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedTiming, planArbitrary, scenarioArbitrary } from "../../test-support/random-escalations";
import { previewTiming } from "./timing-preview";

/** Whole seconds, so events and due times collide and the tie rules are exercised too. */
const tiedScenario = fc.record(
  {
    incidentSeconds: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(Infinity)),
    checkIntervalSeconds: fc.integer({ min: 1, max: 3 }),
    acknowledgedAtSeconds: fc.integer({ min: 0, max: 12 }),
  },
  { requiredKeys: ["incidentSeconds"] },
);

describe("previewTiming, driven by the engine's reducer", () => {
  it("sends what the timing rules say, for random plans and incidents", () => {
    fc.assert(
      fc.property(planArbitrary, fc.oneof(tiedScenario, scenarioArbitrary), (plan, scenario) => {
        expect(previewTiming(plan, scenario)).toEqual(expectedTiming(plan, scenario));
      }),
      { numRuns: 500 },
    );
  });
});
