import { describe, expect, it } from "vitest";
import { withinHours } from "../../src/domain/slots.js";
import { parseOverrideDate, parseRanges } from "../../src/domain/working-hours.js";

describe("a day's ranges as typed", () => {
  it.each([
    ["10:00-13:00", [{ start: "10:00", end: "13:00" }]],
    ["9:00 – 13:00; 14:00—18:00", [{ start: "09:00", end: "13:00" }, { start: "14:00", end: "18:00" }]],
    ["14:00-18:00 10:00-13:00", [{ start: "10:00", end: "13:00" }, { start: "14:00", end: "18:00" }]],
    ["10.00-13.00", [{ start: "10:00", end: "13:00" }]],
  ])("reads %s", (typed, ranges) => {
    expect(parseRanges(typed)).toEqual(ranges);
  });

  it.each(["", "с 10 до 13", "13:00-10:00", "10:00-13:00, 12:00-14:00", "25:00-26:00", "10:00-10:00"])("refuses %j", (typed) => {
    expect(parseRanges(typed)).toBeNull();
  });
});

describe("a date as typed", () => {
  const today = "2026-12-02";
  it("takes today and the next year, the next such date when the year is left out", () => {
    expect(parseOverrideDate("2.12", today)).toBe("2026-12-02");
    expect(parseOverrideDate("31.12", today)).toBe("2026-12-31");
    expect(parseOverrideDate("01.01", today)).toBe("2027-01-01");
    expect(parseOverrideDate("1/12", today)).toBe("2027-12-01");
    expect(parseOverrideDate("22.03.2027", today)).toBe("2027-03-22");
  });

  it("refuses past dates, dates over a year ahead, and impossible ones", () => {
    for (const typed of ["01.12.2026", "30.02", "10.12.2027", "завтра", "31.13"]) expect(parseOverrideDate(typed, today)).toBeNull();
  });
});

describe("whether a booking is within hours", () => {
  const weekly = [{ weekday: 1 as const, ranges: [{ start: "10:00", end: "13:00" }] }];
  // Monday 7 December 2026, 11:00–11:45 in Almaty (UTC+5).
  const booking = { start: new Date("2026-12-07T06:00:00Z"), end: new Date("2026-12-07T06:45:00Z") };

  it("follows the weekly hours, and a date's own hours or day off before them", () => {
    expect(withinHours(booking, weekly, [])).toBe(true);
    expect(withinHours(booking, [{ weekday: 1, ranges: [{ start: "11:30", end: "13:00" }] }], [])).toBe(false);
    expect(withinHours(booking, weekly, [{ date: "2026-12-07", kind: "off" }])).toBe(false);
    expect(withinHours(booking, [], [{ date: "2026-12-07", kind: "hours", ranges: [{ start: "11:00", end: "11:45" }] }])).toBe(true);
    expect(withinHours(booking, weekly, [{ date: "2026-12-08", kind: "off" }])).toBe(true);
  });
});
