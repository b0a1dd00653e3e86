import { describe, expect, it } from "vitest";
import {
  TIME_ZONE,
  addDays,
  formatDay,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  localWeekday,
  minutesOf,
  timeOfMinutes,
  toInstant,
} from "../../src/domain/time.js";

describe("TIME_ZONE", () => {
  it("is Almaty", () => {
    expect(TIME_ZONE).toBe("Asia/Almaty");
  });
});

describe("localDateOf / localTimeOf", () => {
  it.each([
    // Since 2024-03-01 Almaty is UTC+5.
    { utc: "2026-11-23T18:30:00Z", date: "2026-11-23", time: "23:30" },
    { utc: "2026-11-23T19:00:00Z", date: "2026-11-24", time: "00:00" },
    { utc: "2026-11-23T19:30:00Z", date: "2026-11-24", time: "00:30" },
    { utc: "2026-01-15T04:00:00Z", date: "2026-01-15", time: "09:00" },
    { utc: "2026-07-15T04:00:00Z", date: "2026-07-15", time: "09:00" },
    { utc: "2026-12-31T19:00:00Z", date: "2027-01-01", time: "00:00" },
    // Seconds are truncated, not rounded.
    { utc: "2026-11-23T04:59:59Z", date: "2026-11-23", time: "09:59" },
    // Before the switch Almaty was UTC+6.
    { utc: "2023-07-01T03:00:00Z", date: "2023-07-01", time: "09:00" },
    { utc: "2024-02-29T17:59:00Z", date: "2024-02-29", time: "23:59" },
    // At 18:00Z (midnight at +6) clocks went back to 23:00 at +5.
    { utc: "2024-02-29T18:00:00Z", date: "2024-02-29", time: "23:00" },
    { utc: "2024-02-29T18:59:00Z", date: "2024-02-29", time: "23:59" },
    { utc: "2024-02-29T19:00:00Z", date: "2024-03-01", time: "00:00" },
  ])("$utc is $date $time in Almaty", ({ utc, date, time }) => {
    expect(localDateOf(new Date(utc))).toBe(date);
    expect(localTimeOf(new Date(utc))).toBe(time);
  });

  it("rejects an invalid Date", () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("toInstant", () => {
  it.each([
    // UTC+5 all year: January and July give the same UTC hour.
    { date: "2026-01-15", time: "09:00", utc: "2026-01-15T04:00:00.000Z" },
    { date: "2026-07-15", time: "09:00", utc: "2026-07-15T04:00:00.000Z" },
    { date: "2026-11-24", time: "00:30", utc: "2026-11-23T19:30:00.000Z" },
    { date: "2026-11-23", time: "23:59", utc: "2026-11-23T18:59:00.000Z" },
    // The 2024-03-01 transition: +6 before, +5 after.
    { date: "2023-07-01", time: "09:00", utc: "2023-07-01T03:00:00.000Z" },
    { date: "2024-02-28", time: "09:00", utc: "2024-02-28T03:00:00.000Z" },
    { date: "2024-02-29", time: "12:00", utc: "2024-02-29T06:00:00.000Z" },
    { date: "2024-03-01", time: "09:00", utc: "2024-03-01T04:00:00.000Z" },
    { date: "2024-03-01", time: "00:00", utc: "2024-02-29T19:00:00.000Z" },
    // 23:00–23:59 on 29 Feb happened twice (at +6, then at +5): the earlier one.
    { date: "2024-02-29", time: "23:30", utc: "2024-02-29T17:30:00.000Z" },
    { date: "2024-02-29", time: "22:59", utc: "2024-02-29T16:59:00.000Z" },
  ])("$date $time Almaty is $utc", ({ date, time, utc }) => {
    expect(toInstant(date, time).toISOString()).toBe(utc);
  });

  it.each([
    ["2026-02-30", "09:00"],
    ["2026-11-23", "24:00"],
    ["2026-11-23", "7:5"],
  ])("rejects %s %s", (date, time) => {
    expect(() => toInstant(date, time)).toThrow(RangeError);
  });
});

describe("localWeekday", () => {
  it.each([
    { date: "2026-11-23", weekday: 1 },
    { date: "2026-11-24", weekday: 2 },
    { date: "2026-11-28", weekday: 6 },
    { date: "2026-11-29", weekday: 7 },
    { date: "2026-11-30", weekday: 1 },
    { date: "2024-02-29", weekday: 4 },
    { date: "2026-01-01", weekday: 4 },
  ])("$date is weekday $weekday", ({ date, weekday }) => {
    expect(localWeekday(date)).toBe(weekday);
  });
});

describe("addDays", () => {
  it.each([
    { date: "2026-11-23", n: 0, result: "2026-11-23" },
    { date: "2026-11-23", n: 1, result: "2026-11-24" },
    { date: "2026-11-30", n: 1, result: "2026-12-01" },
    { date: "2026-12-31", n: 1, result: "2027-01-01" },
    { date: "2024-02-28", n: 1, result: "2024-02-29" },
    { date: "2024-02-29", n: 1, result: "2024-03-01" },
    { date: "2026-02-28", n: 1, result: "2026-03-01" },
    { date: "2026-03-01", n: -1, result: "2026-02-28" },
    { date: "2026-11-23", n: 14, result: "2026-12-07" },
  ])("$date + $n = $result", ({ date, n, result }) => {
    expect(addDays(date, n)).toBe(result);
  });

  it("rejects a fractional day count", () => {
    expect(() => addDays("2026-11-23", 0.5)).toThrow(RangeError);
  });
});

describe("minutesOf / timeOfMinutes", () => {
  it.each([
    { time: "00:00", minutes: 0 },
    { time: "09:30", minutes: 570 },
    { time: "13:05", minutes: 785 },
    { time: "23:59", minutes: 1439 },
  ])("$time is $minutes minutes", ({ time, minutes }) => {
    expect(minutesOf(time)).toBe(minutes);
    expect(timeOfMinutes(minutes)).toBe(time);
  });

  it.each([-1, 1440, 12.5])("timeOfMinutes(%s) throws", (m) => {
    expect(() => timeOfMinutes(m)).toThrow(RangeError);
  });

  it.each(["24:00", "7:5", "9:30", ""])("minutesOf(%j) throws", (t) => {
    expect(() => minutesOf(t)).toThrow(RangeError);
  });
});

describe("validators", () => {
  it.each([
    ["2026-11-23", true],
    ["2024-02-29", true],
    ["2026-12-31", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-11-00", false],
    ["2026-1-5", false],
    ["26-11-23", false],
    ["2026-11-23T00:00", false],
    ["", false],
    [20261123, false],
    [null, false],
  ])("isLocalDate(%j) = %s", (s, ok) => {
    expect(isLocalDate(s)).toBe(ok);
  });

  it.each([
    ["00:00", true],
    ["09:05", true],
    ["23:59", true],
    ["24:00", false],
    ["7:5", false],
    ["07:5", false],
    ["7:05", false],
    ["12:60", false],
    ["12:00:00", false],
    [" 12:00", false],
    [930, false],
    [undefined, false],
  ])("isLocalTime(%j) = %s", (s, ok) => {
    expect(isLocalTime(s)).toBe(ok);
  });
});

describe("formatDay", () => {
  it.each([
    { date: "2026-11-23", locale: "ru", text: "23 ноября, понедельник" },
    { date: "2026-11-23", locale: "kk", text: "23 қараша, дүйсенбі" },
    { date: "2026-11-29", locale: "ru", text: "29 ноября, воскресенье" },
    { date: "2026-11-29", locale: "kk", text: "29 қараша, жексенбі" },
    { date: "2026-03-01", locale: "ru", text: "1 марта, воскресенье" },
    { date: "2026-03-01", locale: "kk", text: "1 наурыз, жексенбі" },
    { date: "2026-09-02", locale: "kk", text: "2 қыркүйек, сәрсенбі" },
    { date: "2026-04-17", locale: "kk", text: "17 сәуір, жұма" },
  ] as const)("$date in $locale is $text", ({ date, locale, text }) => {
    expect(formatDay(date, locale)).toBe(text);
  });
});
