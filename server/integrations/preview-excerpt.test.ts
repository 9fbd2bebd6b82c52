import { describe, expect, it } from "vitest";
import type { MessagePreview } from "~/core/integrations/preview-message";
import { PREVIEW_FIELD_CHARACTERS, previewExcerpt } from "./preview-excerpt";

const preview = (body: string, subject = "Down"): MessagePreview => ({
  messageType: "error",
  skipped: false,
  requests: [
    {
      method: "POST",
      url: "https://example.test/hook",
      headers: { "x-long": "h".repeat(PREVIEW_FIELD_CHARACTERS + 5) },
      body,
      step: { kind: "http", number: 1, name: "Post", builtIn: true },
    },
  ],
  email: { from: "a@example.test", to: "b@example.test", subject, html: "", text: "" },
  problems: [],
});

describe("previewExcerpt", () => {
  it("cuts long fields and counts what it left out, in no language", () => {
    const cut = previewExcerpt(preview("b".repeat(PREVIEW_FIELD_CHARACTERS + 12_000)));
    expect(cut.requests[0]?.body).toBe(`${"b".repeat(PREVIEW_FIELD_CHARACTERS)}…`);
    expect(cut.requests[0]?.headers["x-long"]).toBe(`${"h".repeat(PREVIEW_FIELD_CHARACTERS)}…`);
    expect(cut.cut).toEqual({ fields: 2, characters: 12_005, limit: PREVIEW_FIELD_CHARACTERS });
    // The page words the count: no English sentence is written into the rendered text.
    expect(JSON.stringify(cut)).not.toMatch(/characters not shown|more characters/);
  });

  it("leaves short fields whole and says nothing was cut", () => {
    const whole = previewExcerpt({ ...preview("short"), requests: [] });
    expect(whole.email?.subject).toBe("Down");
    expect(whole.cut).toBeUndefined();
  });
});
