import { describe, expect, it } from "vitest";
import { z } from "zod";
import { flattenIssues, inputIssues, issuesMessage } from "./input-issues";

const schema = z.object({ name: z.string().max(3), graph: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });

describe("input issues", () => {
  it("names each field a ZodError is about", () => {
    const parsed = schema.safeParse({ name: "toolong", graph: { nodes: [{ id: 7 }] } });
    const issues = inputIssues(parsed.error);
    expect(issues?.map((issue) => issue.path)).toEqual(["name", "graph.nodes.0.id"]);
    expect(issuesMessage(issues ?? [])).toMatch(/^name: .+; graph\.nodes\.0\.id: .+/);
    expect(flattenIssues(issues ?? []).fieldErrors).toEqual({
      name: [expect.any(String)],
      graph: [expect.any(String)],
    });
  });

  it("files issues under fields named like Object.prototype's members as ordinary fields", () => {
    // `{"constructor":{"\u0000":false}}` sent to flows.create once answered 500 here.
    const issues = ["constructor", "__proto__", "toString"].flatMap((field) => [
      { path: `${field}.\u0000`, message: "refused" },
      { path: field, message: "again" },
    ]);
    const { fieldErrors } = flattenIssues(issues);
    expect(Object.keys(fieldErrors)).toEqual(["constructor", "__proto__", "toString"]);
    expect(Object.getPrototypeOf(fieldErrors)).toBe(Object.prototype);
    expect(Object.values(fieldErrors)).toEqual([
      ["refused", "again"],
      ["refused", "again"],
      ["refused", "again"],
    ]);
  });

  it("reads a standard-schema error's issues, with path segments as objects", () => {
    const cause = Object.assign(new Error("x"), { issues: [{ message: "Required", path: [{ key: "flowId" }] }] });
    expect(inputIssues(cause)).toEqual([{ path: "flowId", message: "Required" }]);
  });

  it("gives each issue its code and the rule broken, never the value sent", () => {
    const secretive = z.object({ token: z.string().max(3), role: z.enum(["owner", "viewer"]), when: z.string() });
    const parsed = secretive.safeParse({ token: "hunter2-secret", role: "admin" }, { reportInput: true });
    const issues = inputIssues(parsed.error);
    expect(issues?.map(({ path, code, values }) => ({ path, code, values }))).toEqual([
      { path: "token", code: "too_big", values: { origin: "string", maximum: 3, inclusive: true } },
      { path: "role", code: "invalid_value", values: { values: "owner, viewer" } },
      { path: "when", code: "required", values: undefined },
    ]);
    expect(JSON.stringify(issues)).not.toContain("hunter2");
  });

  it("is null for anything else", () => {
    for (const cause of [undefined, new Error("x"), { issues: "no" }, { issues: [] }, { issues: [42] }]) {
      expect(inputIssues(cause)).toBeNull();
    }
  });
});
