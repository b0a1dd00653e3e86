import { describe, expect, it } from "vitest";
import { freeSlots, type WeeklyHours } from "../../src/domain/slots.js";
import {
  agendaWindow,
  BLOCK_STEP_MINUTES,
  blockEndAfter,
  blockEndOptions,
  blockStartOptions,
  correctableMarksSince,
  inviteOfStartPayload,
  inviteStartPayload,
  markFinalAt,
  isValidBlock,
  parseClockTime,
} from "../../src/domain/staff.js";

describe("invite payloads", () => {
  it("round-trip a token of either kind and reject anything Telegram would not carry", () => {
    expect(inviteOfStartPayload(inviteStartPayload("specialist", "Ab_9-x"))).toEqual({ kind: "specialist", token: "Ab_9-x" });
    expect(inviteOfStartPayload(inviteStartPayload("host", "Ab_9-x"))).toEqual({ kind: "host", token: "Ab_9-x" });
    expect(inviteOfStartPayload(inviteStartPayload("partner", "Ab_9-x"))).toEqual({ kind: "partner", token: "Ab_9-x" });
    expect(inviteStartPayload("host", "Ab_9-x")).toBe("host_Ab_9-x");
    expect(inviteStartPayload("partner", "Ab_9-x")).toBe("partner_Ab_9-x");
    for (const prefix of ["staff_", "host_", "partner_"]) {
      expect(inviteOfStartPayload(prefix)?.token).toBeNull();
      expect(inviteOfStartPayload(`${prefix}a b`)?.token).toBeNull();
      expect(inviteOfStartPayload(`${prefix}<b>`)?.token).toBeNull();
      const longest = "a".repeat(64 - prefix.length);
      expect(inviteOfStartPayload(prefix + longest)?.token).toBe(longest);
      expect(inviteOfStartPayload(`${prefix}a${longest}`)?.token).toBeNull();
    }
    expect(inviteOfStartPayload("promo_abc")).toBeNull();
    expect(inviteOfStartPayload("")).toBeNull();
  });
});

describe("parseClockTime", () => {
  it.each([
    ["9:00", "09:00"],
    ["09:30", "09:30"],
    [" 14.45 ", "14:45"],
    ["18 00", "18:00"],
    ["23:59", "23:59"],
  ])("reads %j as %s", (text, time) => expect(parseClockTime(text)).toBe(time));

  it.each(["24:00", "9:60", "9", "утром", "", "12:3", "1:00:00"])("rejects %j", (text) => expect(parseClockTime(text)).toBeNull());
});

describe("agendaWindow", () => {
  it("covers whole Almaty days from the day of now", () => {
    // 23:30 on Sunday 29 November in Almaty.
    const w = agendaWindow(new Date("2026-11-29T18:30:00Z"), 7);
    expect(w.dates).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual(["2026-11-28T19:00:00.000Z", "2026-12-05T19:00:00.000Z"]);
  });
});

describe("block time options", () => {
  // Monday: 09:00–12:00 and 13:00–14:30 with a lunch break.
  const weekly: WeeklyHours[] = [{ weekday: 1, ranges: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "14:30" }] }];
  const grid = (now: string) =>
    freeSlots({ weekly, overrides: [], slotMinutes: BLOCK_STEP_MINUTES, now: new Date(now), days: 14, minNoticeMinutes: 0, busy: [] });

  it("offers 30-minute steps inside working hours, and ends across the break", () => {
    const g = grid("2026-11-22T12:00:00Z");
    expect(blockStartOptions(g, "2026-11-23")).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00"]);
    expect(blockEndOptions(g, "2026-11-23", "11:00")).toEqual(["11:30", "12:00", "13:30", "14:00", "14:30"]);
    expect(blockStartOptions(g, "2026-11-24")).toEqual([]);
  });

  it("does not offer steps that have already begun today", () => {
    // 10:10 on Monday in Almaty.
    expect(blockStartOptions(grid("2026-11-23T05:10:00Z"), "2026-11-23")[0]).toBe("10:30");
  });

  it("a block must end after it starts and after now", () => {
    const now = new Date("2026-11-23T05:10:00Z"); // 10:10 Almaty
    expect(isValidBlock("2026-11-23", "09:00", "10:30", now)).toBe(true);
    expect(isValidBlock("2026-11-23", "09:00", "10:00", now)).toBe(false);
    expect(isValidBlock("2026-11-24", "11:00", "11:00", now)).toBe(false);
    expect(isValidBlock("2026-11-24", "11:00", "10:00", now)).toBe(false);
    expect(blockEndAfter("2026-11-23", "09:00", now)).toBe("10:10");
    expect(blockEndAfter("2026-11-23", "11:00", now)).toBe("11:00");
    expect(blockEndAfter("2026-11-24", "09:00", now)).toBe("09:00");
  });
});

describe("correcting attendance marks", () => {
  it.each([
    // Morning, late evening, and one minute before midnight in Almaty: the day's end always comes sooner.
    ["2026-11-23T04:00:00Z", "2026-11-24T04:00:00.000Z"],
    ["2026-11-23T17:30:00Z", "2026-11-24T17:30:00.000Z"],
    ["2026-11-23T18:59:00Z", "2026-11-24T18:59:00.000Z"],
  ])("a mark made at %s is final at %s, later than the end of its Almaty day", (marked, final) => {
    const at = new Date(marked);
    expect(markFinalAt(at).toISOString()).toBe(final);
    expect(markFinalAt(at) > agendaWindow(at, 1).to).toBe(true);
    expect(correctableMarksSince(markFinalAt(at)).getTime()).toBe(at.getTime());
  });
});
