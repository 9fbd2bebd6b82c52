import { describe, expect, it } from "vitest";
import { parsedTemplate, renderTemplate } from "./render-template";
import { sampleTemplateContext } from "./sample-context";
import type { TemplateContext } from "./template-context";

const ctx: TemplateContext = {
  ...sampleTemplateContext("error", { ApiUrl: "https://hooks.example.com/x", Quote: 'say "hi"\n' }),
  now: "2024-02-29T13:05:09.123Z",
  customFields: { ComponentId: "cmp-1", "with space": "yes" },
};

const render = (src: string) => renderTemplate(src, ctx);

describe("renderTemplate", () => {
  it("inserts variables raw", () => {
    expect(render("{{ApiUrl}}?t={{@alert.type}}")).toBe("https://hooks.example.com/x?t=Alert");
    expect(render("{{Quote}}")).toBe('say "hi"\n');
  });

  it("renders every function", () => {
    expect(render("{{@JsonEncode({{Quote}})}}")).toBe('say \\"hi\\"\\n');
    expect(render('{{@JsonDecode(a\\"b\\n)}}')).toBe('a"b\n');
    expect(render("{{@XmlEncode(<a href=\"x\">'&'</a>)}}")).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
    expect(render("{{@XmlDecode(&lt;b&gt; &amp; &#65;&#x42; &nbsp;)}}")).toBe("<b> & AB &nbsp;");
    expect(render("{{@Base64Encode(héllo, world)}}")).toBe(Buffer.from("héllo, world").toString("base64"));
    expect(render("{{@Base64Decode(aMOpbGxv)}}")).toBe("héllo");
    expect(render("{{@HexToBase64(48656c6c6f)}}")).toBe("SGVsbG8=");
    expect(render("{{@UrlEncode(a b/c&d)}}")).toBe("a%20b%2Fc%26d");
    expect(render("{{@Truncate(5, abcdefgh)}}")).toBe("abcd…");
    expect(render("{{@Truncate(8, abcdefgh)}}")).toBe("abcdefgh");
    expect(render("{{@CustomField(ComponentId)}}")).toBe("cmp-1");
    expect(render("{{@CustomField( with space )}}")).toBe("yes");
    expect(render("{{@CustomField(missing)}}")).toBe("");
  });

  it("renders DateTime in Iso, Unix, .NET formats and with offsets", () => {
    expect(render("{{@DateTime(Iso)}}")).toBe("2024-02-29T13:05:09");
    expect(render("{{@DateTime()}}")).toBe("2024-02-29T13:05:09");
    expect(render("{{@DateTime}}")).toBe("2024-02-29T13:05:09");
    expect(render("{{@DateTime(Unix)}}")).toBe(String(Date.UTC(2024, 1, 29, 13, 5, 9) / 1000));
    expect(render("{{@DateTime(Unix, -60)}}")).toBe(String(Date.UTC(2024, 1, 29, 13, 4, 9) / 1000));
    expect(render("{{@DateTime(yyyy-MM-dd HH:mm:ss.fff)}}")).toBe("2024-02-29 13:05:09.123");
    expect(render("{{@DateTime(dddd, MMMM d yyyy h:mm tt)}}")).toBe("Thursday, February 29 2024 1:05 PM");
    expect(render("{{@DateTime(dd/MM/yy 'at' HH\\h, +3600)}}")).toBe("29/02/24 at 14h");
    expect(render("{{@DateTime(yyyy-MM-dd, 86400)}}")).toBe("2024-03-01");
    // Beyond the dates a Date holds: a coded problem, not "NaN" in a message.
    expect(() => render("{{@DateTime(yyyy, 99999999999999999)}}")).toThrow(/beyond the dates/);
    expect(render("{{@DateTime(yyyy-MM-dd, LastDayOfMonth)}}")).toBe("2024-02-29");
    expect(render("{{@DateTime(yyyy-MM-dd, FirstDayOfMonth)}}")).toBe("2024-02-01");
    expect(render("{{@DateTime(yyyy-MM-dd, LastDayOfPreviousMonth)}}")).toBe("2024-01-31");
    expect(render("{{@DateTime(yyyy-MM-dd, FirstDayOfNextMonth)}}")).toBe("2024-03-01");
    expect(render("{{@DateTime(u)}}")).toBe("2024-02-29 13:05:09Z");
    expect(render("{{@DateTime(o)}}")).toBe("2024-02-29T13:05:09.1230000Z");
  });

  it("renders random and unique values", () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const [a, b] = render("{{@RandomGuid}} {{@RandomGuid()}}").split(" ");
    expect(a).toMatch(guid);
    expect(a).not.toBe(b);
    const [u1, u2] = render("{{@UniqueGuid}} {{@UniqueGuid}}").split(" ");
    expect(u1).toMatch(guid);
    expect(u1).toBe(u2);
    expect(renderTemplate("{{@UniqueGuid}}", sampleTemplateContext("error"))).toBe(u1);
    expect(renderTemplate("{{@UniqueGuid}}", sampleTemplateContext("ok"))).not.toBe(u1);
    const ints = Array.from({ length: 200 }, () => Number(render("{{@RandomInt(-2, 2)}}")));
    expect(new Set(ints)).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect(render("{{@RandomChar(24)}}")).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(render("{{@RandomChar(0)}}")).toBe("");
  });

  it("evaluates nested calls inside out, with inserted commas kept in one argument", () => {
    const local = { ...ctx, variables: { ...ctx.variables, Text: 'a, "b"' } };
    expect(renderTemplate("{{@JsonEncode({{@Truncate(5, {{Text}})}})}}", local)).toBe('a, \\"…');
    expect(renderTemplate("{{@Base64Decode({{@Base64Encode({{Text}})}})}}", local)).toBe('a, "b"');
    expect(renderTemplate('{"m":"{{@JsonEncode(Note: {{@monitor.notes}})}}"}', local)).toBe(
      JSON.stringify({ m: `Note: ${ctx.system["monitor.notes"]}` }),
    );
  });

  it("fails on unknown variables with their position", () => {
    expect(() => render("ab {{Missing}}")).toThrow(expect.objectContaining({ code: "UNKNOWN_VARIABLE", position: 3 }));
    expect(() => render("{{@alert.nope}}")).toThrow(expect.objectContaining({ code: "UNKNOWN_VARIABLE" }));
  });

  it("fails on invalid arguments with the call's position", () => {
    expect(() => render("x{{@RandomInt(5, 1)}}")).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", position: 1 }),
    );
    expect(() => render("{{@HexToBase64(xyz)}}")).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => render("{{@DateTime(Iso, Tomorrow)}}")).not.toThrow();
    expect(() => render("{{@Truncate(ten, abc)}}")).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("throws the parse error for broken templates", () => {
    expect(() => render("{{@alert.type")).toThrow(
      expect.objectContaining({ code: "UNCLOSED_EXPRESSION", position: 0 }),
    );
  });

  it("parses a template once and renders its one tree for every context", () => {
    const src = "{{ApiUrl}}|{{@Truncate(3, {{Quote}})}}|{{@alert.type}}";
    const tree = parsedTemplate(src);
    expect(parsedTemplate(src)).toBe(tree);
    expect(Object.isFrozen(tree.nodes[2])).toBe(true);
    const other = { ...ctx, variables: { ...ctx.variables, ApiUrl: "https://other.example", Quote: "abcdef" } };
    expect(renderTemplate(src, ctx)).toBe("https://hooks.example.com/x|sa…|Alert");
    expect(renderTemplate(src, other)).toBe("https://other.example|ab…|Alert");
    expect(renderTemplate(src, ctx)).toBe("https://hooks.example.com/x|sa…|Alert");
    expect(parsedTemplate(src)).toBe(tree);
  });

  it("does not keep a broken template: each render throws its parse error", () => {
    expect(() => parsedTemplate("{{x")).toThrow(expect.objectContaining({ code: "UNCLOSED_EXPRESSION" }));
    expect(() => render("{{x")).toThrow(expect.objectContaining({ code: "UNCLOSED_EXPRESSION" }));
  });
});
