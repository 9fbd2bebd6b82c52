import { describe, expect, it } from "vitest";
import { onePer } from "./one-per";

describe("onePer", () => {
  it("makes one value per key object and hands the same one back", () => {
    let made = 0;
    const forKey = onePer((key: { name: string }) => ({ of: key.name, n: ++made }));
    const a = { name: "a" };
    const b = { name: "a" };
    expect(forKey(a)).toBe(forKey(a));
    expect(forKey(b)).not.toBe(forKey(a));
    expect(made).toBe(2);
  });
});
