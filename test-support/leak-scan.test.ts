import { describe, expect, it } from "vitest";
import { findLeaks } from "./leak-scan";

const SECRET = 'Cnry5e1f0a"/+&=\\%';

describe("findLeaks", () => {
  it("finds the secret raw and in every encoding, also inside larger encoded values", () => {
    const carriers = [
      `x ${SECRET} y`,
      `https://h/?k=${encodeURIComponent(SECRET)}`,
      new URLSearchParams({ password: SECRET }).toString(),
      JSON.stringify({ key: SECRET }),
      JSON.stringify(JSON.stringify({ key: SECRET })),
      Buffer.from(`pre${SECRET}post`).toString("hex"),
      Buffer.from(`pre${SECRET}post`).toString("hex").toUpperCase(),
      ...["", "u", "us", "use"].flatMap((user) => [
        `Basic ${Buffer.from(`${user}:${SECRET}`).toString("base64")}`,
        Buffer.from(`${user}:${SECRET}:tail`).toString("base64url"),
      ]),
    ];
    for (const text of carriers) expect(findLeaks("carrier", text, [SECRET]), text).not.toEqual([]);
  });

  it("stays quiet on text without it, masked or not", () => {
    expect(findLeaks("clean", `x [REDACTED] ${Buffer.from("Cnry5e1f0b").toString("base64")}`, [SECRET])).toEqual([]);
  });
});
