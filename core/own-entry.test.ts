import { describe, expect, it } from "vitest";
import { ownEntry, putOwn } from "./own-entry";

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

describe("own entries", () => {
  it.each(PROTOTYPE_NAMES)("reads nothing for %s on an empty record", (key) => {
    expect(ownEntry({}, key)).toBeUndefined();
  });

  it.each(PROTOTYPE_NAMES)("stores %s as an ordinary key", (key) => {
    const record: Record<string, number> = {};
    putOwn(record, key, 1);
    expect(ownEntry(record, key)).toBe(1);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse(`{"${key}":1}`));
  });
});
