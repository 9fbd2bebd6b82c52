import fc from "fast-check";
import type { TimingScenario, PreviewMessage } from "~/core/escalation/timing-preview";
import type { FlowPlan, PlanLevel, PlanTarget } from "~/core/flow/plan";

/**
 * Random plans and incidents in whole seconds, small enough to run on a real server at one
 * second (or a few) per unit, for tests that hold the engine and the preview to the same rules.
 */
const target = (nodeId: string, n: number): PlanTarget => ({
  nodeId,
  integrationId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  variables: {},
  fallback: null,
});

const levelArbitrary = (level: number) =>
  fc
    .record({
      mode: fc.constantFrom("duration" as const, "count" as const),
      afterSeconds: fc.integer({ min: 0, max: 4 }),
      errorCount: fc.integer({ min: 1, max: 3 }),
      reminderCount: fc.integer({ min: 0, max: 2 }),
      reminderEverySeconds: fc.integer({ min: 1, max: 3 }),
      links: fc.integer({ min: 1, max: 2 }),
      sendOk: fc.boolean(),
      sendReminders: fc.boolean(),
    })
    .map((l): PlanLevel => {
      const targets = Array.from({ length: l.links }, (_, i) => target(`l${level}-i${i + 1}`, level * 10 + i));
      return {
        nodeId: `l${level}`,
        level,
        mode: l.mode,
        afterSeconds: l.afterSeconds,
        errorCount: l.errorCount,
        reminderCount: l.reminderCount,
        reminderEverySeconds: l.reminderEverySeconds,
        message: "",
        error: targets,
        reminder: l.sendReminders ? targets : [],
        ok: l.sendOk ? targets : [],
      };
    });

export const planArbitrary: fc.Arbitrary<FlowPlan> = fc
  .integer({ min: 1, max: 3 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => levelArbitrary(i + 1))))
  .map((levels) => ({
    planVersion: 1 as const,
    trigger: { nodeId: "t", format: "generic" as const, filters: [], alertKey: "" },
    levels,
  }));

/** Event times fall on half seconds, due times on whole ones: no race decides the outcome. */
export const scenarioArbitrary: fc.Arbitrary<Required<Pick<TimingScenario, "incidentSeconds">> & TimingScenario> =
  fc.record(
    {
      incidentSeconds: fc.integer({ min: 3, max: 6 }).map((s) => s + 0.5),
      checkIntervalSeconds: fc.integer({ min: 1, max: 2 }),
      acknowledgedAtSeconds: fc.integer({ min: 2, max: 6 }).map((s) => s + 0.5),
    },
    { requiredKeys: ["incidentSeconds"] },
  );

const TYPE_ORDER = { error: 0, reminder: 1, ok: 2 } as const;

/**
 * The timing rules of alerting-domain.md §2.2 in closed form, as the engine implements them:
 * every level measures from the first error; a count level fires on its Nth error event; a
 * duration level at its threshold; reminders follow their level; an Ok or an acknowledgement at
 * the same instant wins; the Ok goes out on fired levels only.
 */
export function expectedTiming(plan: FlowPlan, scenario: TimingScenario): PreviewMessage[] {
  const { incidentSeconds, checkIntervalSeconds: every, acknowledgedAtSeconds = Infinity } = scenario;
  const stop = Math.min(incidentSeconds, acknowledgedAtSeconds);
  const messages: (PreviewMessage & { order: number })[] = [];
  plan.levels.forEach((level, order) => {
    const out = (type: PreviewMessage["type"], atSeconds: number, reminderNumber: number) =>
      level[type].map((t) => ({
        atSeconds,
        level: level.level,
        type,
        reminderNumber,
        integrationId: t.integrationId,
        nodeId: t.nodeId,
        order,
      }));
    const firedAt =
      level.mode === "duration"
        ? level.afterSeconds
        : every === undefined
          ? level.errorCount === 1
            ? 0
            : null
          : (level.errorCount - 1) * every;
    if (firedAt === null || firedAt >= stop) return;
    messages.push(...out("error", firedAt, 0));
    for (let n = 1; n <= level.reminderCount && firedAt + n * level.reminderEverySeconds < stop; n++) {
      messages.push(...out("reminder", firedAt + n * level.reminderEverySeconds, n));
    }
    if (Number.isFinite(incidentSeconds)) messages.push(...out("ok", incidentSeconds, 0));
  });
  return messages
    .sort((a, b) => a.atSeconds - b.atSeconds || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.order - b.order)
    .map(({ order: _order, ...m }) => m);
}
