import { useTranslations } from "next-intl";
import { z } from "zod";

const ruleValue = z.union([z.string(), z.number(), z.boolean()]);

/** `data.inputIssues` of a tRPC error (server/http/input-issues.ts): each field, code and rule broken. */
export const inputIssuesData = z.array(
  z.object({
    path: z.string(),
    message: z.string(),
    code: z.string().optional(),
    values: z.record(z.string(), ruleValue).optional(),
  }),
);
export type InputIssueData = z.infer<typeof inputIssuesData>[number];

const NUMBERS = new Set(["number", "int", "bigint"]);
const LISTS = new Set(["array", "set"]);

/** Rejected inputs in the page's language (see inputIssueTextWith). */
export function useInputIssueText() {
  const t = useTranslations("ServerErrors");
  return inputIssueTextWith(t);
}

/**
 * A rejected input in the page's language, from each issue's code and rule ("name: too long: at
 * most 200 characters"), field path kept. A rule this page cannot word (a schema's own custom
 * check) keeps the server's message.
 */
export function inputIssueTextWith(t: ReturnType<typeof useTranslations<"ServerErrors">>) {
  const problem = ({ code, values = {}, message }: InputIssueData): string => {
    const origin = String(values.origin ?? "");
    const maximum = Number(values.maximum ?? 0);
    const minimum = Number(values.minimum ?? 0);
    const exclusive = values.inclusive === false;
    switch (code) {
      case "required":
        return t("input.required");
      case "too_big":
        if (origin === "string") return t("input.tooLong", { maximum });
        if (LISTS.has(origin)) return t("input.tooManyItems", { maximum });
        if (NUMBERS.has(origin)) return t(exclusive ? "input.tooBigExclusive" : "input.tooBig", { maximum });
        return message;
      case "too_small":
        if (origin === "string") return minimum <= 1 ? t("input.required") : t("input.tooShort", { minimum });
        if (LISTS.has(origin)) return t("input.tooFewItems", { minimum });
        if (NUMBERS.has(origin)) return t(exclusive ? "input.tooSmallExclusive" : "input.tooSmall", { minimum });
        return message;
      case "invalid_type":
        return t("input.invalidType", { expected: String(values.expected ?? "") });
      case "invalid_format":
        return t("input.invalidFormat", { format: String(values.format ?? "") });
      case "invalid_value":
        return t("input.invalidValue", { values: String(values.values ?? "") });
      case "unrecognized_keys": {
        const keys = String(values.keys ?? "");
        return t("input.unrecognizedKeys", { keys, count: keys.split(", ").length });
      }
      case "custom":
        // A schema's own check, when it names itself (core/wire/storable-text.ts unstorableCheck).
        if (values.check === "unstorable") {
          return t("input.unstorable", { character: String(values.character), inKey: String(values.inKey === true) });
        }
        return message;
      default:
        return message;
    }
  };
  return (issues: InputIssueData[]): string =>
    issues
      .map((issue) => (issue.path ? t("input.field", { path: issue.path, problem: problem(issue) }) : problem(issue)))
      .join("; ");
}
