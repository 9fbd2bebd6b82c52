import { describe, expect, it } from "vitest";
import { INTERNAL_ERROR_MESSAGE, publicError } from "./public-error";

const leaky = {
  code: "INTERNAL_SERVER_ERROR" as const,
  message: 'Failed query: insert into "integrations" ("name") values ($1)\nparams: hunter2',
};

describe("publicError", () => {
  it("hides an unexpected error's message and stack in production", () => {
    expect(publicError(leaky, "Error: at db.ts:1", true)).toEqual({ message: INTERNAL_ERROR_MESSAGE });
  });

  it("keeps messages meant for the client, such as validation errors", () => {
    const bad = { code: "BAD_REQUEST" as const, message: "name contains U+0000 (NUL), which cannot be stored" };
    expect(publicError(bad, "Error: at x", true)).toEqual({ message: bad.message });
  });

  it("shows everything in development", () => {
    expect(publicError(leaky, "stack", false)).toEqual({ message: leaky.message, stack: "stack" });
  });
});
