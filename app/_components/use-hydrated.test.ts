import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "./use-hydrated";

function Probe() {
  return createElement("select", { disabled: !useHydrated() });
}

describe("useHydrated", () => {
  it("is false in the server's HTML, so a control it gates is sent disabled", () => {
    expect(renderToStaticMarkup(createElement(Probe))).toBe('<select disabled=""></select>');
  });
});
