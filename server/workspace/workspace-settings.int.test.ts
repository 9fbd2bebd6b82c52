import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "~/test-support/harness";
import { callerFor, otherWorkspace } from "~/test-support/second-workspace";

let h: Harness;
let workspaceId: string;
let owner: ReturnType<typeof callerFor>;

const valid = {
  name: "Operations",
  retentionDays: 30,
  timeZone: "Europe/Brussels",
  outboundAllowList: ["127.0.0.1", "10.0.0.0/8", "receiver.internal:8080"],
};

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  h = await createHarness();
  ({ workspaceId, api: owner } = await otherWorkspace(h, "Settings"));
}, 60_000);

afterAll(async () => {
  await h.close();
});

describe("workspace settings", () => {
  it("starts with the defaults and lets an owner change all four fields", async () => {
    expect(await owner.workspace.settings()).toEqual({
      name: "Settings",
      retentionDays: 90,
      timeZone: "UTC",
      outboundAllowList: [],
      canEdit: true,
    });
    await owner.workspace.updateSettings({ ...valid, outboundAllowList: [...valid.outboundAllowList, "127.0.0.1"] });
    expect(await owner.workspace.settings()).toEqual({ ...valid, canEdit: true });
  });

  it("lets viewers and editors read but not change them", async () => {
    for (const role of ["viewer", "editor"] as const) {
      const caller = callerFor(h, workspaceId, role);
      expect(await caller.workspace.settings()).toMatchObject({ name: "Operations", canEdit: false });
      expect((await refusal(caller.workspace.updateSettings({ ...valid, name: "Mine" }))).code).toBe("FORBIDDEN");
    }
    expect((await owner.workspace.settings()).name).toBe("Operations");
  });

  it.each([
    ["name", { name: "  " }],
    ["retentionDays", { retentionDays: 0 }],
    ["retentionDays", { retentionDays: 3651 }],
    ["retentionDays", { retentionDays: 1.5 }],
    ["timeZone", { timeZone: "Mars/Olympus" }],
    ["outboundAllowList", { outboundAllowList: ["http://127.0.0.1/"] }],
    ["outboundAllowList", { outboundAllowList: ["10.0.0.0/40"] }],
    ["outboundAllowList", { outboundAllowList: Array.from({ length: 51 }, (_, i) => `host-${i}`) }],
  ])("refuses a bad %s with a 400 naming the field, changing nothing", async (field, change) => {
    const err = await refusal(owner.workspace.updateSettings({ ...valid, ...change }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain(`"${field}"`);
    expect(await owner.workspace.settings()).toEqual({ ...valid, canEdit: true });
  });

  it("never touches another workspace", async () => {
    const other = await otherWorkspace(h, "Neighbour");
    await other.api.workspace.updateSettings({ ...valid, name: "Neighbour 2", outboundAllowList: [] });
    expect(await owner.workspace.settings()).toEqual({ ...valid, canEdit: true });
  });
});
