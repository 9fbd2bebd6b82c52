import { expect, it } from "vitest";
import { formatSeconds } from "./format-seconds";

it("writes durations the way the inspector asks for them", () => {
  expect([45, 90, 900, 3600, 5400].map(formatSeconds)).toEqual(["45 s", "90 s", "15 min", "1 h", "1 h 30 min"]);
});
