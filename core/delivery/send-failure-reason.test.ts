import { describe, expect, it } from "vitest";
import { TemplateError } from "~/core/message-template/template-error";
import { REDACTED } from "~/core/secrets/redact";
import { templateFailureReason } from "./send-failure-reason";

describe("the reason of a template that failed at send", () => {
  it("names the step by name, else by number, and keeps the problem's values, redacted", () => {
    const error = new TemplateError("INVALID_ARGUMENT", "Base64Decode: not base64", 0, "", {
      name: "@Base64Decode",
      problem: "notBase64",
      value: "s3cret-token",
    });
    expect(templateFailureReason(error, { name: "Post", number: 1 }, ["s3cret-token"])).toEqual({
      reason: "templateFailedAtSend",
      values: {
        part: "namedStep",
        step: "Post",
        code: "INVALID_ARGUMENT",
        param_name: "@Base64Decode",
        param_problem: "notBase64",
        param_value: REDACTED,
      },
    });
    expect(templateFailureReason(error, { name: "", number: 2 }, [])?.values).toMatchObject({ part: "step", step: 2 });
    expect(templateFailureReason(error, "email", [])?.values).toMatchObject({ part: "email", step: "" });
  });

  it("gives none for a problem without values, whose English text stays as stored", () => {
    const header = new TemplateError("INVALID_ARGUMENT", 'Header "X-A" contains a line break', 0);
    expect(templateFailureReason(header, { name: "Post", number: 1 }, [])).toBeUndefined();
  });
});
