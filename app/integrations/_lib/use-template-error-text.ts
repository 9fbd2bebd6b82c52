"use client";

import { useTranslations } from "next-intl";
import type { TemplateErrorCode } from "~/core/message-template/template-error";
import type { ArgumentProblem } from "~/core/message-template/text-codecs";

/** A template problem as the server reports it: core's code and values, and its English message. */
export interface TemplateProblemLike {
  code: string;
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

/** Every code core can report, plus the draft's malformed-value code; a new one fails the type check. */
const CODES: Record<TemplateErrorCode | "INVALID_CUSTOMIZATION", true> = {
  UNCLOSED_EXPRESSION: true,
  UNCLOSED_ARGUMENTS: true,
  INVALID_EXPRESSION: true,
  UNKNOWN_FUNCTION: true,
  WRONG_ARGUMENT_COUNT: true,
  UNKNOWN_VARIABLE: true,
  INVALID_ARGUMENT: true,
  TOO_COMPLEX: true,
  INVALID_CUSTOMIZATION: true,
};
type Code = keyof typeof CODES;
/** Braces are values, not message text: ICU reads `{` as the start of an argument. */
const BRACES = { open: "{{", close: "}}" };
const isCode = (code: string): code is Code => Object.hasOwn(CODES, code);
/** Every argument problem core names; a new one fails the type check. */
const ARGUMENT_PROBLEMS: Record<ArgumentProblem, true> = {
  notInteger: true,
  negative: true,
  maxBelowMin: true,
  outOfRange: true,
  offsetOutOfRange: true,
  notJsonEscaped: true,
  notBase64: true,
  notHex: true,
};
const isArgumentProblem = (problem: string): problem is ArgumentProblem => Object.hasOwn(ARGUMENT_PROBLEMS, problem);

/**
 * Template problems (message-template syntax, unknown variables, bad arguments) in the page's
 * language, from their code and values; a code this page does not know shows its English message.
 */
export function useTemplateErrorText() {
  const t = useTranslations("TemplateErrors");
  return templateErrorTextWith(t);
}

/** The same, for any translator of the `TemplateErrors` namespace (tests pass one per language). */
export function templateErrorTextWith(t: ReturnType<typeof useTranslations<"TemplateErrors">>) {
  return (problem: TemplateProblemLike): string => {
    if (!isCode(problem.code)) return problem.message;
    const params = problem.params ?? {};
    const text = (key: string) => String(params[key] ?? "");
    const number = (key: string) => Number(params[key] ?? 0);
    switch (problem.code) {
      case "UNCLOSED_EXPRESSION":
        return t("unclosedExpression", BRACES);
      case "UNCLOSED_ARGUMENTS":
        return t("unclosedArguments", { name: text("name"), close: ")}}" });
      case "INVALID_EXPRESSION":
        return params.after === undefined
          ? t("expectedName", BRACES)
          : t("expectedClose", { ...BRACES, after: text("after") });
      case "UNKNOWN_FUNCTION":
        return t("unknownFunction", { name: text("name") });
      case "UNKNOWN_VARIABLE":
        return t("unknownVariable", { variable: `{{${text("name")}}}` });
      case "WRONG_ARGUMENT_COUNT": {
        const [min, max] = [number("min"), number("max")];
        const values = { signature: text("signature"), min, max, got: number("got") };
        if (min === max) return t("argumentCountExact", values);
        return max < 0 ? t("argumentCountAtLeast", values) : t("argumentCountRange", values);
      }
      case "INVALID_ARGUMENT": {
        // What is wrong with the argument, worded here when core names it; else core's English.
        const which = text("problem");
        const detail = isArgumentProblem(which)
          ? t(`argument.${which}`, {
              argument: text("argument"),
              value: text("value"),
              min: number("min"),
              max: number("max"),
            })
          : text("detail") || problem.message;
        return t("invalidArgument", { name: text("name"), detail });
      }
      case "TOO_COMPLEX":
        return params.limit === "nesting" ? t("tooDeep", { max: number("max") }) : t("tooLong", { max: number("max") });
      case "INVALID_CUSTOMIZATION":
        return t("invalidValue", { detail: text("detail") || problem.message });
    }
  };
}
