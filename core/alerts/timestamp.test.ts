import { describe, expect, it } from "vitest";
import { isGoZeroTime, toIsoTimestamp } from "./timestamp";

describe("toIsoTimestamp", () => {
  it.each([
    ["2024-05-14T09:31:47Z", "2024-05-14T09:31:47.000Z"],
    ["2024-05-14T09:31:47.123456789Z", "2024-05-14T09:31:47.123Z"],
    ["2021-10-12T09:51:03.157076+02:00", "2021-10-12T07:51:03.157Z"],
    ["2024-01-01T00:30:00-0130", "2024-01-01T02:00:00.000Z"],
    ["2018-11-08T16:26:58", "2018-11-08T16:26:58.000Z"], // Uptrends: no offset, UTC
    ["2024-05-14 09:31", "2024-05-14T09:31:00.000Z"],
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
  ])("reads %s", (raw, iso) => {
    expect(toIsoTimestamp(raw)).toBe(iso);
  });

  it.each([
    "",
    "yesterday",
    "2024-05-14",
    "2024-02-30T00:00:00Z",
    "2024-05-14T24:00:00Z",
    "1715679107",
    "2024-05-14T09:31:47+25:00",
  ])("rejects %j", (raw) => {
    expect(toIsoTimestamp(raw)).toBeUndefined();
  });

  it("recognises Go's zero time", () => {
    expect(isGoZeroTime("0001-01-01T00:00:00.000Z")).toBe(true);
    expect(isGoZeroTime("2024-05-14T09:31:47.000Z")).toBe(false);
  });
});
