import { describe, expect, it } from "vitest";
import { isQuietTime, nextAllowedTime } from "../../src/domain/quiet-hours.js";

// Almaty is UTC+5: 22:00 Almaty = 17:00Z, 09:00 Almaty = 04:00Z.
describe("quiet hours 22:00–09:00 Almaty", () => {
  it.each([
    ["2026-11-23T03:59:00Z", "08:59 Almaty", true],
    ["2026-11-23T04:00:00Z", "09:00 Almaty", false],
    ["2026-11-23T12:00:00Z", "17:00 Almaty", false],
    ["2026-11-23T16:59:59Z", "21:59:59 Almaty", false],
    ["2026-11-23T17:00:00Z", "22:00 Almaty", true],
    ["2026-11-23T19:00:00Z", "midnight Almaty", true],
  ])("%s (%s) quiet: %s", (instant, _label, quiet) => {
    expect(isQuietTime(new Date(instant))).toBe(quiet);
  });

  it.each([
    ["2026-11-23T10:15:00Z", "daytime: now", "2026-11-23T10:15:00.000Z"],
    ["2026-11-23T17:30:00Z", "22:30: next morning", "2026-11-24T04:00:00.000Z"],
    ["2026-11-23T18:59:00Z", "23:59: next morning", "2026-11-24T04:00:00.000Z"],
    ["2026-11-23T19:00:00Z", "00:00: the same date's morning", "2026-11-24T04:00:00.000Z"],
    ["2026-11-23T02:00:00Z", "07:00: this morning", "2026-11-23T04:00:00.000Z"],
    ["2026-12-31T18:30:00Z", "23:30 on New Year's Eve: into the new year", "2027-01-01T04:00:00.000Z"],
  ])("nextAllowedTime(%s) — %s", (instant, _label, expected) => {
    const next = nextAllowedTime(new Date(instant));
    expect(next.toISOString()).toBe(expected);
    expect(isQuietTime(next)).toBe(false);
  });
});
