import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alertFormatSchema } from "../flow/document";
import { alertsOf } from "./fixtures/results";
import { parseInbound } from "./parse-inbound";

/** The curl examples in docs/alert-formats.md must stay valid bodies for their section's format. */
const doc = readFileSync(new URL("../../docs/alert-formats.md", import.meta.url), "utf8");

function examples(): { format: string; body: string }[] {
  const found: { format: string; body: string }[] = [];
  let format = "";
  for (const section of doc.split(/^## /m)) {
    const heading = /^[^\n]*\(`(\w+)`\)/.exec(section);
    format = heading?.[1] ?? format;
    // Shell single-quoted bodies; '\'' is how a quote is written inside one.
    for (const match of section.matchAll(/-d '((?:[^']|'\\'')*)'/g)) {
      found.push({ format, body: (match[1] ?? "").replaceAll("'\\''", "'") });
    }
  }
  return found;
}

describe("docs/alert-formats.md", () => {
  const all = examples();

  it("has an example for every format", () => {
    expect(new Set(all.map((e) => e.format))).toEqual(new Set(alertFormatSchema.options));
  });

  const numbered = all.map((example, index) => ({ index, ...example }));
  it.each(numbered)("example $index ($format) parses", ({ format, body }) => {
    const alerts = alertsOf(parseInbound(alertFormatSchema.parse(format), JSON.parse(body), new Date()));
    expect(alerts.length).toBeGreaterThan(0);
  });
});
