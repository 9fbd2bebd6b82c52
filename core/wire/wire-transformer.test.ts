import { describe, expect, it } from "vitest";
import { deserialize, deserializeInput, MAX_WIRE_DEPTH, serialize, WireError } from "./wire-transformer";

/** What a client and a server do in turn: serialize, send as JSON text, parse, deserialize. */
const roundTrip = (value: unknown) => deserializeInput(JSON.parse(JSON.stringify(serialize(value))));

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
};

describe("wire transformer", () => {
  it("keeps keys named like Object's own properties as ordinary data", () => {
    const value = JSON.parse(
      '{"variables":{"constructor":"c","prototype":"p","__proto__":"x","toString":"t"},"graph":{"__proto__":{"polluted":true}}}',
    );
    const back = roundTrip(value);
    expect(back).toEqual(value);
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    expect(Object.keys(Object(back).graph)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(Object(back).graph)).toBe(Object.prototype);
    expect(Object(back).graph.polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("brings Dates back as Dates, wherever they sit", () => {
    const at = new Date("2026-11-29T10:00:00.000Z");
    const back = roundTrip({ at, list: [{ when: at }, "2026-11-29T10:00:00.000Z"], "a.b": at });
    expect(back).toEqual({ at, list: [{ when: at }, "2026-11-29T10:00:00.000Z"], "a.b": at });
  });

  it("drops undefined fields as JSON does and sends calls without input", () => {
    expect(roundTrip({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(roundTrip(undefined)).toBeUndefined();
    expect(roundTrip([1, undefined])).toEqual([1, null]);
  });

  it("serializes values nested thousands deep without overflowing", () => {
    let value: unknown = serialize(nested(5000)).json;
    let depth = 0;
    while (typeof value === "object" && value !== null) {
      value = Object.values(value)[0];
      depth++;
    }
    expect([depth, value]).toEqual([10_000, "leaf"]);
  });

  it("refuses input nested deeper than the limit, and only that", () => {
    expect(() => deserializeInput({ json: nested(MAX_WIRE_DEPTH / 2) })).not.toThrow();
    expect(() => deserializeInput({ json: nested(MAX_WIRE_DEPTH) })).toThrow(WireError);
    expect(() => deserializeInput({ json: nested(100_000) })).toThrow(/nested deeper than 100 levels/);
    expect(() => deserialize({ json: nested(MAX_WIRE_DEPTH) })).not.toThrow(); // output: as sent
  });

  it("refuses NUL and unpaired surrogates in input, naming the field", () => {
    expect(() => deserializeInput({ json: { name: "a\u0000b" } })).toThrow(/^name contains U\+0000/);
    expect(() => deserializeInput({ json: { graph: { nodes: [{ label: "x\ud800" }] } } })).toThrow(
      /^graph\.nodes\.0\.label contains an unpaired UTF-16 surrogate/,
    );
    expect(() => deserializeInput({ json: { labels: { "k\udc00": "v" } } })).toThrow(/^labels\.k\udc00 has a key that/);
    expect(deserializeInput({ json: { name: "fire 🔥 ok" } })).toEqual({ name: "fire 🔥 ok" });
  });

  it("names the field and the check as an input issue, for the page to word", () => {
    const refusal = (json: unknown) => {
      try {
        deserializeInput({ json });
      } catch (error) {
        return error instanceof WireError ? error.issues : undefined;
      }
      return undefined;
    };
    expect(refusal({ name: "a\u0000b" })).toEqual([
      {
        path: ["name"],
        message: "contains U+0000 (NUL), which cannot be stored",
        code: "custom",
        params: { check: "unstorable", character: "nul", inKey: false },
      },
    ]);
    expect(refusal({ labels: { "k\udc00": "v" } })?.[0]?.params).toEqual({
      check: "unstorable",
      character: "surrogate",
      inKey: true,
    });
    expect(refusal("\u0000")?.[0]?.message).toBe("The input contains U+0000 (NUL), which cannot be stored");
  });

  it("ignores date paths that lead nowhere or through inherited properties", () => {
    expect(deserialize({ json: { a: "x" }, dates: [["__proto__", "a"], ["b"], "nonsense", [{}]] })).toEqual({ a: "x" });
    expect(() => deserialize("text")).toThrow(WireError);
  });
});
