import { describe, expect, it } from "vitest";
import { createSchedulingOrder } from "./local-activity-order";

/**
 * Two local activities in flight: each caller issues a "command" when its activity resolves. A
 * first run resolves them as they finish (here the second first, a tick apart); a replay resolves
 * both at once in scheduling order. The commands must come out alike, in scheduling order.
 */
async function commandsIssued(replay: boolean, ordered: boolean): Promise<string[]> {
  const inSchedulingOrder = createSchedulingOrder();
  const wrap = <T>(p: Promise<T>): Promise<T> => (ordered ? inSchedulingOrder(p) : p);
  const resolvers: (() => void)[] = [];
  const activity = () => new Promise<void>((resolve) => resolvers.push(resolve));
  const commands: string[] = [];
  const caller = async (name: string) => {
    await wrap(activity());
    commands.push(`${name}'s command`);
    await Promise.resolve(); // more awaits before a second command must not let the other in
    commands.push(`${name}'s second command`);
  };
  const done = Promise.all([caller("send"), caller("drain")]);
  if (replay) {
    resolvers[0]?.();
    resolvers[1]?.();
  } else {
    resolvers[1]?.();
    await new Promise((tick) => setTimeout(tick, 5));
    resolvers[0]?.();
  }
  await done;
  return commands;
}

describe("local activities in scheduling order", () => {
  const scheduled = ["send's command", "send's second command", "drain's command", "drain's second command"];

  it("issues the callers' commands in scheduling order on the first run and on replay", async () => {
    expect(await commandsIssued(false, true)).toEqual(scheduled);
    expect(await commandsIssued(true, true)).toEqual(scheduled);
  });

  it("would differ between first run and replay without it (what stranded incidents)", async () => {
    expect(await commandsIssued(false, false)).not.toEqual(await commandsIssued(true, false));
  });
});
