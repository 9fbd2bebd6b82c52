import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { apiClient } from "./api-client";

const SHOTS = "test-results/languages";

/** A body over the preview's 8,192 characters: the preview cuts it and says so in the page's language. */
const LONG_BODY = `{"text": "${"x".repeat(9000)}"}`;

const CASES = [
  { browserLocale: "fr-BE", note: /Un champ dépasse 8\s?192 caractères .*820 caractères de plus non affichés/ },
  { browserLocale: "nl-BE", note: /Eén veld is langer dan 8\.192 tekens .*nog 820 tekens niet getoond/ },
];

for (const { browserLocale, note } of CASES) {
  test.describe(browserLocale, () => {
    test.use({ locale: browserLocale });

    test("a cut preview field is announced in the page's language, with no English in the text", async ({
      page,
      baseURL,
    }) => {
      const { id } = await apiClient(baseURL ?? "").integrations.create.mutate({
        type: "webhook",
        name: `Long body ${browserLocale} ${Date.now()}`,
        variables: { ApiUrl: "http://127.0.0.1:9/hook" },
        customizations: {
          stepDefinitions: [
            {
              messageTypes: ["error", "reminder", "ok"],
              steps: [{ name: "Post", method: "POST", url: "{{ApiUrl}}", body: { type: "raw", content: LONG_BODY } }],
            },
          ],
        },
      });
      await page.goto(`/integrations/${id}`);
      const preview = page.getByTestId("message-preview").first();
      await expect(preview.getByTestId("preview-cut")).toHaveText(note);
      await expect(preview).not.toContainText("more characters not shown");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${browserLocale}-preview-cut.png`, fullPage: true });
    });
  });
}
