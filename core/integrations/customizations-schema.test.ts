import { describe, expect, it } from "vitest";
import { customizationsSchema } from "./customizations-schema";

const step = { method: "POST", url: "{{ApiUrl}}" };

describe("customizationsSchema", () => {
  it("fills step defaults", () => {
    const parsed = customizationsSchema.parse({ stepDefinitions: [{ messageTypes: ["error"], steps: [step] }] });
    expect(parsed.stepDefinitions?.[0]?.steps[0]).toEqual({
      name: "",
      method: "POST",
      url: "{{ApiUrl}}",
      headers: {},
      body: { type: "none" },
      auth: { type: "none" },
      captures: [],
    });
    expect(customizationsSchema.parse({})).toEqual({});
  });

  it("allows each message type in one step definition only", () => {
    const result = customizationsSchema.safeParse({
      stepDefinitions: [
        { messageTypes: ["error", "ok"], steps: [step] },
        { messageTypes: ["ok"], steps: [step] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["stepDefinitions", 1, "messageTypes"] });
  });

  it("requires the Error message to be sent", () => {
    expect(customizationsSchema.safeParse({ stepDefinitions: [{ messageTypes: ["ok"], steps: [step] }] }).success).toBe(
      false,
    );
  });

  it("validates auth, captures and header names", () => {
    const bad = (s: object) =>
      customizationsSchema.safeParse({ stepDefinitions: [{ messageTypes: ["error"], steps: [{ ...step, ...s }] }] })
        .success;
    expect(bad({ auth: { type: "ntlm" } })).toBe(false);
    expect(bad({ captures: [{ name: "1bad", from: "jsonPath", path: "$.x" }] })).toBe(false);
    expect(bad({ headers: { "Bad Header": "x" } })).toBe(false);
    expect(bad({ auth: { type: "digest", username: "u", password: "{{Password}}" } })).toBe(true);
  });

  it("names the refused header and keeps every valid one, __proto__ included", () => {
    const refused = customizationsSchema.safeParse({
      stepDefinitions: [{ messageTypes: ["error"], steps: [{ ...step, headers: { "X-Ok": "1", "Bad Header": "x" } }] }],
    });
    expect(refused.error?.issues[0]?.path).toEqual(["stepDefinitions", 0, "steps", 0, "headers", "Bad Header"]);

    // JSON.parse makes `__proto__` an own key, as a request body does; z.record would drop it unsaid.
    const headers: unknown = JSON.parse('{"__proto__":"a","constructor":"b","X-Ok":"c"}');
    const parsed = customizationsSchema.parse({
      stepDefinitions: [{ messageTypes: ["error"], steps: [{ ...step, headers }] }],
    });
    const kept = parsed.stepDefinitions?.[0]?.steps[0]?.headers ?? {};
    expect(Object.entries(kept)).toEqual([
      ["__proto__", "a"],
      ["constructor", "b"],
      ["X-Ok", "c"],
    ]);
  });
});
