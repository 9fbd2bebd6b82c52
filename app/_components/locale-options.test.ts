import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/core/i18n/locales";
import { LocaleOptions } from "./locale-options";

describe("LocaleOptions", () => {
  it("offers every interface language once, named in that language", () => {
    const html = renderToStaticMarkup(createElement("select", null, createElement(LocaleOptions)));
    expect(html).toBe(
      "<select>" +
        '<option value="en" lang="en">English</option>' +
        '<option value="fr" lang="fr">Français</option>' +
        '<option value="nl" lang="nl">Nederlands</option>' +
        "</select>",
    );
    expect(LOCALES).toEqual(["en", "fr", "nl"]);
  });
});
