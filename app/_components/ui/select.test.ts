import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Select } from "./select";

const option = createElement("option", { value: "viewer" }, "Viewer");

describe("Select", () => {
  it("is sent disabled in the server's HTML, so nothing can be picked before it is hydrated", () => {
    const html = renderToStaticMarkup(createElement(Select, { value: "viewer", onChange: () => undefined }, option));
    expect(html).toMatch(/^<select[^>]* disabled=""/);
  });

  it("stays disabled when its caller disables it", () => {
    const html = renderToStaticMarkup(createElement(Select, { disabled: true }, option));
    expect(html).toMatch(/^<select[^>]* disabled=""/);
  });
});
