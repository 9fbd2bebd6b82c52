import { describe, expect, it } from "vitest";
import { MAX_ALERT_KEY_LENGTH, resolveAlertKey, validateAlertKeyExpression } from "./alert-key";
import { sampleAlert } from "./fixtures/sample-alert";

const alert = sampleAlert();

describe("resolveAlertKey", () => {
  it("uses the sender's key when the expression is empty", () => {
    expect(resolveAlertKey(alert, "")).toBe("3f1c2a9be0d4c871");
    expect(resolveAlertKey(alert, "   ")).toBe("3f1c2a9be0d4c871");
  });

  it("substitutes paths into the template", () => {
    expect(resolveAlertKey(alert, "{{labels.service}}-{{labels.env}}")).toBe("checkout-api-prod");
    expect(resolveAlertKey(alert, "svc:{{ labels.service }}/{{monitor.name}}")).toBe(
      "svc:checkout-api/KubePodCrashLooping",
    );
  });

  it("renders missing paths empty and trims the result", () => {
    expect(resolveAlertKey(alert, " {{labels.team}} {{labels.service}} ")).toBe("checkout-api");
  });

  it("falls back to the sender's key when nothing renders", () => {
    expect(resolveAlertKey(alert, "{{labels.team}}")).toBe("3f1c2a9be0d4c871");
  });

  it("leaves unbalanced braces as text", () => {
    expect(resolveAlertKey(alert, "{{labels.env")).toBe("{{labels.env");
    expect(resolveAlertKey(alert, "a}}{{labels.env}}")).toBe("a}}prod");
  });

  it("caps long keys at 500 characters without merging keys that share a prefix", () => {
    const long = (tail: string) => sampleAlert({ labels: { id: "x".repeat(600) + tail } });
    const first = resolveAlertKey(long("1"), "{{labels.id}}");
    const second = resolveAlertKey(long("2"), "{{labels.id}}");
    expect(first).toHaveLength(MAX_ALERT_KEY_LENGTH);
    expect(first).not.toBe(second);
    expect(first.startsWith("x".repeat(400))).toBe(true);
  });
});

describe("validateAlertKeyExpression", () => {
  it("accepts empty and well-formed expressions", () => {
    expect(validateAlertKeyExpression("")).toEqual([]);
    expect(validateAlertKeyExpression("{{labels.service}}-{{labels.env}}")).toEqual([]);
    expect(validateAlertKeyExpression("plain-{single}-braces")).toEqual([]);
  });

  it("reports unbalanced braces with their offset", () => {
    expect(validateAlertKeyExpression("{{labels.service")).toEqual([
      { code: "unbalanced_braces", message: '"{{" is not closed by "}}"', offset: 0 },
    ]);
    expect(validateAlertKeyExpression("a}}b")).toEqual([
      { code: "unbalanced_braces", message: '"}}" has no matching "{{"', offset: 1 },
    ]);
    expect(validateAlertKeyExpression("{{labels.a{{labels.b}}").map((issue) => [issue.code, issue.offset])).toEqual([
      ["unbalanced_braces", 0],
    ]);
  });

  it("reports empty placeholders, unknown fields and fields that change on recovery", () => {
    const issues = validateAlertKeyExpression("{{}}-{{labls.env}}-{{status}}");
    expect(issues.map((issue) => [issue.code, issue.offset])).toEqual([
      ["empty_placeholder", 0],
      ["unknown_field", 5],
      ["changes_on_recovery", 19],
    ]);
  });
});
