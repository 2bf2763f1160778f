import { expect, it } from "vitest";
import { formatInterval } from "./interval-label";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

it.each([
  [0, "0m"],
  [MINUTE, "1m"],
  [10 * MINUTE, "10m"],
  [59 * MINUTE, "59m"],
  [60 * MINUTE, "1h"],
  [23 * 60 * MINUTE, "23h"],
  [24 * 60 * MINUTE, "1d"],
  [3 * DAY, "3d"],
  [29 * DAY, "29d"],
  [30 * DAY, "1mo"],
  [61 * DAY, "2mo"],
  [45 * DAY, "1.5mo"],
  [364 * DAY, "1y"],
  [365 * DAY, "1y"],
  [548 * DAY, "1.5y"],
  [3650 * DAY, "10y"],
])("formats %i ms as %s", (ms, label) => {
  expect(formatInterval(ms)).toBe(label);
});
