import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "~/test-support/harness";
import { callerFor, otherWorkspace } from "~/test-support/second-workspace";

let h: Harness;
let workspaceId: string;
let owner: ReturnType<typeof callerFor>;

beforeAll(async () => {
  h = await createHarness();
  ({ workspaceId, api: owner } = await otherWorkspace(h, "URL check"));
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe("checking a typed URL against the outbound guard", () => {
  it("says a private URL is refused, who may allow it, and lets it through once an owner adds it", async () => {
    const url = "http://10.1.2.3:8080/hook";
    expect(await owner.integrations.checkOutboundUrl({ url })).toEqual({
      status: "blocked",
      host: "10.1.2.3",
      addresses: ["10.1.2.3"],
      canAllow: true,
    });
    const viewer = callerFor(h, workspaceId, "viewer");
    expect(await viewer.integrations.checkOutboundUrl({ url })).toMatchObject({ status: "blocked", canAllow: false });

    const settings = await owner.workspace.settings();
    await owner.workspace.updateSettings({ ...settings, outboundAllowList: ["10.0.0.0/8"] });
    expect(await viewer.integrations.checkOutboundUrl({ url })).toEqual({ status: "allowed" });
    // Another workspace's list is its own.
    const other = await otherWorkspace(h, "URL check 2");
    expect(await other.api.integrations.checkOutboundUrl({ url })).toMatchObject({ status: "blocked" });
  });

  it("passes public addresses and the environment's list, and leaves templates and typos alone", async () => {
    expect(await owner.integrations.checkOutboundUrl({ url: "https://93.184.215.14/x" })).toEqual({
      status: "allowed",
    });
    // OUTBOUND_ALLOW_LIST of the test context names 127.0.0.1.
    expect(await owner.integrations.checkOutboundUrl({ url: "http://127.0.0.1:9/x" })).toEqual({ status: "allowed" });
    for (const url of ["", "{{ApiUrl}}/hook", "http://{{Host}}/x", "ftp://10.0.0.1/", "http://", "hooks.example.com"]) {
      expect(await owner.integrations.checkOutboundUrl({ url })).toEqual({ status: "unchecked" });
    }
  });
});
