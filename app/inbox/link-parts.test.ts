import { describe, expect, it } from "vitest";
import { linkParts } from "./link-parts";

describe("linkParts", () => {
  it("turns http(s) addresses into links, keeping the text around them", () => {
    expect(linkParts("Acknowledge: https://af.example/ack/v1.abc.\nFlow: checkout")).toEqual([
      { kind: "text", text: "Acknowledge: " },
      { kind: "link", href: "https://af.example/ack/v1.abc", label: "https://af.example/ack/v1.abc" },
      { kind: "text", text: ".\nFlow: checkout" },
    ]);
  });

  it("shortens a long address's label, never its target", () => {
    const href = `http://127.0.0.1:3000/ack/v1.${"x".repeat(200)}`;
    const [part] = linkParts(href);
    expect(part).toEqual({ kind: "link", href, label: `${href.slice(0, 55)}…` });
  });

  it("leaves other schemes and markup as text", () => {
    const text = 'javascript:alert(1) <a href="data:text/html,x">x</a> ftp://host/file';
    expect(linkParts(text)).toEqual([{ kind: "text", text }]);
  });

  it("stops an address at quotes and angle brackets", () => {
    expect(linkParts('<https://a.example/x">')).toEqual([
      { kind: "text", text: "<" },
      { kind: "link", href: "https://a.example/x", label: "https://a.example/x" },
      { kind: "text", text: '">' },
    ]);
  });
});
