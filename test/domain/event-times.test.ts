import { describe, expect, it } from "vitest";
import { readCapacity, readEnd, readStart } from "../../src/domain/event-times.js";

// 2 December 2026, 10:00 in Almaty (UTC+5).
const NOW = new Date("2026-12-02T05:00:00Z");

describe("readStart", () => {
  it.each([
    ["12.12 18:30", "2026-12-12T13:30:00.000Z"],
    ["12.12 18.30", "2026-12-12T13:30:00.000Z"],
    ["12/12 9:05", "2026-12-12T04:05:00.000Z"],
    ["18:30 12.12", "2026-12-12T13:30:00.000Z"],
    ["12.12.2026, 18:30", "2026-12-12T13:30:00.000Z"],
    ["12.12.26 18:30", "2026-12-12T13:30:00.000Z"],
    ["2026-12-12 18:30", "2026-12-12T13:30:00.000Z"],
    ["  3.1  10:00 ", "2027-01-03T05:00:00.000Z"],
    ["02.12 10:01", "2026-12-02T05:01:00.000Z"],
  ])("reads %s in Almaty time", (typed, iso) => {
    expect(readStart(typed, NOW)).toEqual({ kind: "ok", at: new Date(iso) });
  });

  it.each(["02.12 10:00", "20.11 18:00", "12.12.2025 18:00"])("refuses %s, which is not ahead", (typed) => {
    expect(readStart(typed, NOW)).toEqual({ kind: "past" });
  });

  it.each(["завтра", "12.12", "18:30", "31.02 10:00", "12.13 10:00", "12.12 24:00", "12.12 18:60", "12.12 18:30 extra", ""])(
    "cannot read %j",
    (typed) => {
      expect(readStart(typed, NOW)).toEqual({ kind: "unreadable" });
    },
  );
});

describe("readEnd", () => {
  const start = new Date("2026-12-12T13:30:00Z");

  it("takes a time alone as the same day's", () => {
    expect(readEnd("20:00", start, NOW)).toEqual({ kind: "ok", at: new Date("2026-12-12T15:00:00Z") });
  });

  it("takes another day with its date", () => {
    expect(readEnd("13.12 02:00", start, NOW)).toEqual({ kind: "ok", at: new Date("2026-12-12T21:00:00Z") });
  });

  it.each(["18:30", "17:00", "11.12 20:00"])("refuses %s, not after the start", (typed) => {
    expect(readEnd(typed, start, NOW)).toEqual({ kind: "before-start" });
  });

  it("cannot read words", () => {
    expect(readEnd("вечером", start, NOW)).toEqual({ kind: "unreadable" });
  });
});

describe("readCapacity", () => {
  it.each([
    ["25", 40, 25],
    [" 1 ", 40, 1],
    ["40", 40, 40],
    ["41", 40, null],
    ["0", 40, null],
    ["-3", 40, null],
    ["2.5", 40, null],
    ["много", 40, null],
  ])("reads %j (at most %i) as %s", (typed, max, seats) => {
    expect(readCapacity(typed, max)).toBe(seats);
  });
});
