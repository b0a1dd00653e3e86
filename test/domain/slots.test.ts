import { describe, expect, it, vi } from "vitest";
import {
  freeSlots,
  nearestSlots,
  slotDays,
  validateWeeklyHours,
  type DateOverride,
  type Interval,
  type Slot,
  type SlotQuery,
  type WeeklyHours,
} from "../../src/domain/slots.js";

// Calendar used below (Almaty is UTC+5, so 09:00 local = 04:00Z):
// 2026-11-23 Mon, 24 Tue, 25 Wed, 26 Thu, 27 Fri, 28 Sat, 29 Sun, 30 Mon.

const utc = (iso: string) => new Date(iso);
const interval = (start: string, end: string): Interval => ({ start: utc(start), end: utc(end) });
const everyDay = (start: string, end: string): WeeklyHours[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, ranges: [{ start, end }] }));

function query(overrides: Partial<SlotQuery> & Pick<SlotQuery, "weekly" | "now">): SlotQuery {
  return { overrides: [], slotMinutes: 60, days: 1, minNoticeMinutes: 0, busy: [], ...overrides };
}

/** Compact view of slots: "date time=startZ/endZ". */
const show = (slots: Slot[]) =>
  slots.map((s) => `${s.date} ${s.time}=${s.start.toISOString().slice(11, 16)}Z/${s.end.toISOString().slice(11, 16)}Z`);
const starts = (slots: Slot[]) => slots.map((s) => s.start.toISOString());

describe("freeSlots: working hours and overrides", () => {
  it("skips the lunch break and a slot that would overrun the range", () => {
    const slots = freeSlots(
      query({
        weekly: [{ weekday: 1, ranges: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "15:30" }] }],
        now: utc("2026-11-22T12:00:00Z"), // Sun 17:00 Almaty
        days: 2, // Sun 22 (no hours), Mon 23
      }),
    );
    expect(show(slots)).toEqual([
      "2026-11-23 09:00=04:00Z/05:00Z",
      "2026-11-23 10:00=05:00Z/06:00Z",
      "2026-11-23 11:00=06:00Z/07:00Z",
      "2026-11-23 13:00=08:00Z/09:00Z",
      "2026-11-23 14:00=09:00Z/10:00Z",
      // 15:00–16:00 would end after 15:30: not offered.
    ]);
  });

  it("lays out 45-minute slots back to back from the range start", () => {
    const slots = freeSlots(
      query({
        weekly: [{ weekday: 1, ranges: [{ start: "10:00", end: "12:30" }] }],
        now: utc("2026-11-23T00:00:00Z"),
        slotMinutes: 45,
      }),
    );
    // 10:00, 10:45, 11:30 (ends 12:15); 12:15 would end 13:00 > 12:30.
    expect(slots.map((s) => s.time)).toEqual(["10:00", "10:45", "11:30"]);
    expect(starts(slots)).toEqual(["2026-11-23T05:00:00.000Z", "2026-11-23T05:45:00.000Z", "2026-11-23T06:30:00.000Z"]);
  });

  const monTue: WeeklyHours[] = [
    { weekday: 1, ranges: [{ start: "10:00", end: "12:00" }] },
    { weekday: 2, ranges: [{ start: "10:00", end: "12:00" }] },
  ];
  const sundayHours: DateOverride = { date: "2026-11-29", kind: "hours", ranges: [{ start: "11:00", end: "12:30" }] };
  const sundayOff: DateOverride = { date: "2026-11-29", kind: "off" };

  it.each([
    {
      name: "no overrides: Mon and Tue weekly hours",
      now: "2026-11-23T00:00:00Z", // Mon 05:00
      days: 2,
      overrides: [] as DateOverride[],
      slotMinutes: 60,
      expected: ["2026-11-23 10:00", "2026-11-23 11:00", "2026-11-24 10:00", "2026-11-24 11:00"],
    },
    {
      name: "an off override removes Tuesday",
      now: "2026-11-23T00:00:00Z",
      days: 2,
      overrides: [{ date: "2026-11-24", kind: "off" }] as DateOverride[],
      slotMinutes: 60,
      expected: ["2026-11-23 10:00", "2026-11-23 11:00"],
    },
    {
      name: "an hours override opens a Sunday",
      now: "2026-11-28T00:00:00Z", // Sat 05:00; window Sat 28 – Mon 30
      days: 3,
      overrides: [sundayHours],
      slotMinutes: 30,
      expected: [
        "2026-11-29 11:00", "2026-11-29 11:30", "2026-11-29 12:00",
        "2026-11-30 10:00", "2026-11-30 10:30", "2026-11-30 11:00", "2026-11-30 11:30",
      ],
    },
    {
      name: "an hours override shortens a weekday instead of adding to it",
      now: "2026-11-23T00:00:00Z",
      days: 1,
      overrides: [{ date: "2026-11-23", kind: "hours", ranges: [{ start: "15:00", end: "16:00" }] }] as DateOverride[],
      slotMinutes: 60,
      expected: ["2026-11-23 15:00"],
    },
    {
      name: "an hours override with no ranges is a day off",
      now: "2026-11-23T00:00:00Z",
      days: 1,
      overrides: [{ date: "2026-11-23", kind: "hours", ranges: [] }] as DateOverride[],
      slotMinutes: 60,
      expected: [],
    },
    {
      name: "the last override for a date wins (off, then hours)",
      now: "2026-11-29T00:00:00Z",
      days: 1,
      overrides: [sundayOff, sundayHours],
      slotMinutes: 30,
      expected: ["2026-11-29 11:00", "2026-11-29 11:30", "2026-11-29 12:00"],
    },
    {
      name: "the last override for a date wins (hours, then off)",
      now: "2026-11-29T00:00:00Z",
      days: 1,
      overrides: [sundayHours, sundayOff],
      slotMinutes: 30,
      expected: [],
    },
    {
      name: "an override outside the window changes nothing",
      now: "2026-11-23T00:00:00Z",
      days: 1,
      overrides: [{ date: "2026-11-24", kind: "off" }] as DateOverride[],
      slotMinutes: 60,
      expected: ["2026-11-23 10:00", "2026-11-23 11:00"],
    },
    {
      name: "days = 0 gives nothing",
      now: "2026-11-23T00:00:00Z",
      days: 0,
      overrides: [] as DateOverride[],
      slotMinutes: 60,
      expected: [],
    },
  ])("$name", ({ now, days, overrides, slotMinutes, expected }) => {
    const slots = freeSlots(query({ weekly: monTue, overrides, now: utc(now), days, slotMinutes }));
    expect(slots.map((s) => `${s.date} ${s.time}`)).toEqual(expected);
  });

  it("gives the Sunday override slots the right UTC instants", () => {
    const slots = freeSlots(query({ weekly: monTue, overrides: [sundayHours], now: utc("2026-11-29T00:00:00Z"), slotMinutes: 30 }));
    expect(starts(slots)).toEqual(["2026-11-29T06:00:00.000Z", "2026-11-29T06:30:00.000Z", "2026-11-29T07:00:00.000Z"]);
    expect(slots.map((s) => s.end.toISOString())).toEqual([
      "2026-11-29T06:30:00.000Z", "2026-11-29T07:00:00.000Z", "2026-11-29T07:30:00.000Z",
    ]);
  });

  it("merges several entries for the same weekday and never repeats a slot", () => {
    const slots = freeSlots(
      query({
        weekly: [
          { weekday: 1, ranges: [{ start: "09:00", end: "11:00" }] },
          { weekday: 1, ranges: [{ start: "10:00", end: "12:00" }] }, // overlaps: invalid, but must not duplicate
        ],
        now: utc("2026-11-23T00:00:00Z"),
      }),
    );
    expect(slots.map((s) => s.time)).toEqual(["09:00", "10:00", "11:00"]);
  });
});

describe("freeSlots: busy intervals", () => {
  // Mon 23 Nov 09:00–13:00, hourly: 04–05Z, 05–06Z, 06–07Z, 07–08Z.
  const weekly: WeeklyHours[] = [{ weekday: 1, ranges: [{ start: "09:00", end: "13:00" }] }];
  const now = utc("2026-11-23T00:00:00Z");

  it.each([
    { name: "nothing busy", busy: [] as Interval[], expected: ["09:00", "10:00", "11:00", "12:00"] },
    {
      name: "an exact booking removes just its slot",
      busy: [interval("2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z")],
      expected: ["09:00", "11:00", "12:00"],
    },
    {
      name: "a block crossing a slot boundary removes both slots it touches inside",
      busy: [interval("2026-11-23T05:30:00Z", "2026-11-23T06:15:00Z")],
      expected: ["09:00", "12:00"],
    },
    {
      name: "intervals that only touch a slot's start or end do not remove it",
      busy: [interval("2026-11-23T03:00:00Z", "2026-11-23T04:00:00Z"), interval("2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z")],
      expected: ["09:00", "10:00", "11:00", "12:00"],
    },
    {
      name: "a one-minute overlap is enough to remove a slot",
      busy: [interval("2026-11-23T07:59:00Z", "2026-11-23T08:01:00Z")],
      expected: ["09:00", "10:00", "11:00"],
    },
    {
      name: "unsorted, overlapping and nested intervals",
      busy: [
        interval("2026-11-23T08:00:00Z", "2026-11-23T09:00:00Z"), // touches the end of 12:00
        interval("2026-11-23T05:30:00Z", "2026-11-23T06:15:00Z"), // 10:00 and 11:00
        interval("2026-11-23T03:00:00Z", "2026-11-23T04:00:00Z"), // touches the start of 09:00
        interval("2026-11-23T05:40:00Z", "2026-11-23T05:50:00Z"), // nested in the second one
      ],
      expected: ["09:00", "12:00"],
    },
    {
      name: "a block covering the whole day",
      busy: [interval("2026-11-22T19:00:00Z", "2026-11-23T19:00:00Z")],
      expected: [],
    },
    {
      name: "busy times on another day do not matter",
      busy: [interval("2026-11-24T04:00:00Z", "2026-11-24T08:00:00Z")],
      expected: ["09:00", "10:00", "11:00", "12:00"],
    },
  ])("$name", ({ busy, expected }) => {
    expect(freeSlots(query({ weekly, now, busy })).map((s) => s.time)).toEqual(expected);
  });
});

describe("freeSlots: now and minimum notice", () => {
  // Mon 23 Nov 09:00–18:00 in 30-minute slots.
  const weekly: WeeklyHours[] = [{ weekday: 1, ranges: [{ start: "09:00", end: "18:00" }] }];

  it.each([
    // 05:00Z = 10:00 Almaty; +120 min = 12:00, so the 12:00 slot is exactly at the limit.
    { name: "a slot exactly now + 120 min is offered", now: "2026-11-23T05:00:00Z", notice: 120, first: "12:00", firstUtc: "2026-11-23T07:00:00.000Z" },
    // 05:01Z = 10:01; the 12:00 slot is only 119 minutes away.
    { name: "a slot at now + 119 min is not", now: "2026-11-23T05:01:00Z", notice: 120, first: "12:30", firstUtc: "2026-11-23T07:30:00.000Z" },
    { name: "a second short of the notice is too late", now: "2026-11-23T05:00:01Z", notice: 120, first: "12:30", firstUtc: "2026-11-23T07:30:00.000Z" },
    // 06:30Z = 11:30: earlier slots are in the past even without notice; a slot starting now is fine.
    { name: "no past slots with zero notice", now: "2026-11-23T06:30:00Z", notice: 0, first: "11:30", firstUtc: "2026-11-23T06:30:00.000Z" },
    { name: "a slot that already started is not offered", now: "2026-11-23T06:31:00Z", notice: 0, first: "12:00", firstUtc: "2026-11-23T07:00:00.000Z" },
    { name: "a negative notice still hides the past", now: "2026-11-23T06:31:00Z", notice: -60, first: "12:00", firstUtc: "2026-11-23T07:00:00.000Z" },
    { name: "before opening every slot is offered", now: "2026-11-23T00:00:00Z", notice: 120, first: "09:00", firstUtc: "2026-11-23T04:00:00.000Z" },
  ])("$name", ({ now, notice, first, firstUtc }) => {
    const slots = freeSlots(query({ weekly, now: utc(now), minNoticeMinutes: notice, slotMinutes: 30 }));
    expect(slots[0]?.time).toBe(first);
    expect(slots[0]?.start.toISOString()).toBe(firstUtc);
    expect(slots.at(-1)?.time).toBe("17:30");
  });

  it("notice longer than the rest of the day empties today and carries into tomorrow", () => {
    // 10:00 Almaty on Mon + 24 h = 10:00 Tue; Tue has the same hours via everyDay.
    const slots = freeSlots(
      query({ weekly: everyDay("09:00", "12:00"), now: utc("2026-11-23T05:00:00Z"), days: 2, minNoticeMinutes: 24 * 60 }),
    );
    expect(slots.map((s) => `${s.date} ${s.time}`)).toEqual(["2026-11-24 10:00", "2026-11-24 11:00"]);
  });
});

describe("freeSlots: Almaty day boundaries", () => {
  // One slot a day, 09:00–10:00 Almaty = 04:00–05:00Z.
  const weekly = everyDay("09:00", "10:00");

  it.each([
    // 18:30Z is 23:30 on the 23rd in Almaty: today is the 23rd, whose 09:00 is past.
    { now: "2026-11-23T18:30:00Z", days: 1, expected: [] as string[] },
    { now: "2026-11-23T18:30:00Z", days: 2, expected: ["2026-11-24T04:00:00.000Z"] },
    // 19:30Z is 00:30 on the 24th in Almaty although it is still the 23rd in UTC.
    { now: "2026-11-23T19:30:00Z", days: 1, expected: ["2026-11-24T04:00:00.000Z"] },
    { now: "2026-11-23T19:30:00Z", days: 2, expected: ["2026-11-24T04:00:00.000Z", "2026-11-25T04:00:00.000Z"] },
    // Exactly midnight in Almaty.
    { now: "2026-11-23T19:00:00Z", days: 1, expected: ["2026-11-24T04:00:00.000Z"] },
  ])("now $now, $days day(s)", ({ now, days, expected }) => {
    const slots = freeSlots(query({ weekly, now: utc(now), days }));
    expect(starts(slots)).toEqual(expected);
  });

  it("labels each slot with its Almaty date and time", () => {
    const slots = freeSlots(
      query({ weekly: everyDay("23:00", "23:59"), now: utc("2026-11-23T00:00:00Z"), days: 1, slotMinutes: 30 }),
    );
    // 23:00 Almaty on the 23rd is 18:00Z the same UTC day; 23:30–00:00 overruns 23:59.
    expect(show(slots)).toEqual(["2026-11-23 23:00=18:00Z/18:30Z"]);
  });

  it("uses UTC+5 in winter and summer alike", () => {
    // Thu 15 Jan 2026 and Wed 15 Jul 2026 both give 09:00 Almaty = 04:00Z.
    const jan = freeSlots(query({ weekly: everyDay("09:00", "10:00"), now: utc("2026-01-15T00:00:00Z") }));
    const jul = freeSlots(query({ weekly: everyDay("09:00", "10:00"), now: utc("2026-07-15T00:00:00Z") }));
    expect(starts(jan)).toEqual(["2026-01-15T04:00:00.000Z"]);
    expect(starts(jul)).toEqual(["2026-07-15T04:00:00.000Z"]);
  });

  it("uses UTC+6 for dates before 2024-03-01", () => {
    // Wed 28 Feb 2024 and Fri 1 Mar 2024: 09:00 Almaty is 03:00Z, then 04:00Z.
    const slots = freeSlots(query({ weekly: everyDay("09:00", "10:00"), now: utc("2024-02-27T20:00:00Z"), days: 3 }));
    expect(starts(slots)).toEqual(["2024-02-28T03:00:00.000Z", "2024-02-29T03:00:00.000Z", "2024-03-01T04:00:00.000Z"]);
  });
});

describe("freeSlots: one day of the window", () => {
  it("gives that day's slots exactly as the whole window has them, and nothing outside the window", () => {
    const window = query({ weekly: everyDay("09:00", "18:00"), now: utc("2026-11-23T03:00:00Z"), days: 14, slotMinutes: 45 });
    const whole = freeSlots(window);
    expect(freeSlots({ ...window, only: "2026-11-26" })).toEqual(whole.filter((s) => s.date === "2026-11-26"));
    expect(freeSlots({ ...window, only: "2026-12-07" })).toEqual([]);
  });
});

describe("freeSlots: cost of time-zone conversions", () => {
  it("asks the time-zone database per hour of the window, not per slot, and not again for the same window", () => {
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, "formatToParts");
    try {
      // A window no other test touches, so that nothing about it is known yet.
      const window = query({ weekly: everyDay("08:00", "20:00"), now: utc("2031-03-03T00:00:00Z"), days: 14, slotMinutes: 15 });
      const slots = freeSlots(window);
      const hoursCovered = 15 * 24;
      expect(slots.length).toBeGreaterThan(600);
      expect(formatToParts.mock.calls.length).toBeLessThanOrEqual(2 * hoursCovered);
      formatToParts.mockClear();
      expect(freeSlots(window)).toEqual(slots);
      expect(formatToParts).not.toHaveBeenCalled();
    } finally {
      formatToParts.mockRestore();
    }
  });
});

describe("freeSlots: bad input", () => {
  const weekly = everyDay("09:00", "10:00");
  const now = utc("2026-11-23T00:00:00Z");

  it.each([0, -30, 12.5])("rejects slotMinutes %s", (slotMinutes) => {
    expect(() => freeSlots(query({ weekly, now, slotMinutes }))).toThrow(RangeError);
  });

  it.each([-1, 1.5])("rejects days %s", (days) => {
    expect(() => freeSlots(query({ weekly, now, days }))).toThrow(RangeError);
  });
});

describe("slotDays", () => {
  it("lists distinct dates in order", () => {
    const slots = freeSlots(
      query({
        weekly: [
          { weekday: 1, ranges: [{ start: "09:00", end: "11:00" }] },
          { weekday: 3, ranges: [{ start: "09:00", end: "10:00" }] },
        ],
        now: utc("2026-11-23T00:00:00Z"),
        days: 7,
      }),
    );
    expect(slotDays(slots)).toEqual(["2026-11-23", "2026-11-25"]);
  });

  it("is empty for no slots", () => {
    expect(slotDays([])).toEqual([]);
  });
});

describe("nearestSlots", () => {
  // Mon 23 Nov: 09:00, 10:00, 11:00, 13:00, 14:00 Almaty (04, 05, 06, 08, 09Z); 12:00 is lunch.
  const slots = freeSlots(
    query({
      weekly: [{ weekday: 1, ranges: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "15:00" }] }],
      now: utc("2026-11-23T00:00:00Z"),
    }),
  );

  it.each([
    // Target 12:00 (07Z, just taken): 11:00 and 13:00 are 1 h away, 10:00 and 14:00 are 2 h.
    { target: "2026-11-23T07:00:00Z", count: 2, expected: ["11:00", "13:00"] },
    // On a tie the earlier slot wins: 3 → 11:00, 13:00, then 10:00 (before 14:00).
    { target: "2026-11-23T07:00:00Z", count: 3, expected: ["10:00", "11:00", "13:00"] },
    // Target 09:00 itself (04Z): distance 0, then 10:00, then 11:00.
    { target: "2026-11-23T04:00:00Z", count: 3, expected: ["09:00", "10:00", "11:00"] },
    // Target 13:40 (08:40Z): 14:00 is 20 min away, 13:00 is 40 min.
    { target: "2026-11-23T08:40:00Z", count: 1, expected: ["14:00"] },
    { target: "2026-11-23T08:40:00Z", count: 2, expected: ["13:00", "14:00"] },
    // Target long after everything: the last ones, in time order.
    { target: "2026-12-31T00:00:00Z", count: 2, expected: ["13:00", "14:00"] },
    { target: "2026-11-23T07:00:00Z", count: 10, expected: ["09:00", "10:00", "11:00", "13:00", "14:00"] },
    { target: "2026-11-23T07:00:00Z", count: 0, expected: [] as string[] },
  ])("target $target, count $count", ({ target, count, expected }) => {
    expect(nearestSlots(slots, utc(target), count).map((s) => s.time)).toEqual(expected);
  });

  it("does not reorder its input", () => {
    const before = slots.map((s) => s.time);
    nearestSlots(slots, utc("2026-11-23T07:00:00Z"), 2);
    expect(slots.map((s) => s.time)).toEqual(before);
    expect(before).toEqual(["09:00", "10:00", "11:00", "13:00", "14:00"]);
  });
});

describe("validateWeeklyHours", () => {
  it.each([
    { name: "empty", weekly: [] as WeeklyHours[], problems: 0 },
    {
      name: "a day with a lunch break",
      weekly: [{ weekday: 1, ranges: [{ start: "09:00", end: "13:00" }, { start: "14:00", end: "18:00" }] }] as WeeklyHours[],
      problems: 0,
    },
    {
      name: "touching ranges",
      weekly: [{ weekday: 2, ranges: [{ start: "09:00", end: "12:00" }, { start: "12:00", end: "15:00" }] }] as WeeklyHours[],
      problems: 0,
    },
    {
      name: "the same hours on different days",
      weekly: [
        { weekday: 1, ranges: [{ start: "09:00", end: "12:00" }] },
        { weekday: 2, ranges: [{ start: "09:00", end: "12:00" }] },
      ] as WeeklyHours[],
      problems: 0,
    },
    { name: "a day with no ranges", weekly: [{ weekday: 7, ranges: [] }] as WeeklyHours[], problems: 0 },
    {
      name: "end before start",
      weekly: [{ weekday: 1, ranges: [{ start: "13:00", end: "12:00" }] }] as WeeklyHours[],
      problems: 1,
    },
    {
      name: "end equal to start",
      weekly: [{ weekday: 1, ranges: [{ start: "12:00", end: "12:00" }] }] as WeeklyHours[],
      problems: 1,
    },
    {
      name: "overlapping ranges on one day",
      weekly: [{ weekday: 3, ranges: [{ start: "09:00", end: "12:00" }, { start: "11:30", end: "14:00" }] }] as WeeklyHours[],
      problems: 1,
    },
    {
      name: "a nested range, listed out of order",
      weekly: [{ weekday: 3, ranges: [{ start: "10:00", end: "11:00" }, { start: "09:00", end: "18:00" }] }] as WeeklyHours[],
      problems: 1,
    },
    {
      name: "two ranges both inside a long one",
      weekly: [{ weekday: 3, ranges: [{ start: "09:00", end: "18:00" }, { start: "10:00", end: "11:00" }, { start: "12:00", end: "13:00" }] }] as WeeklyHours[],
      problems: 2,
    },
    {
      name: "overlap across two entries for the same weekday",
      weekly: [
        { weekday: 4, ranges: [{ start: "09:00", end: "12:00" }] },
        { weekday: 4, ranges: [{ start: "10:00", end: "11:00" }] },
      ] as WeeklyHours[],
      problems: 1,
    },
    {
      name: "bad times",
      weekly: [{ weekday: 5, ranges: [{ start: "9:00", end: "12:00" }, { start: "13:00", end: "24:00" }, { start: "7:5", end: "25:99" }] }] as WeeklyHours[],
      problems: 3,
    },
    {
      name: "a bad weekday",
      weekly: [{ weekday: 8, ranges: [{ start: "09:00", end: "12:00" }] }] as unknown as WeeklyHours[],
      problems: 1,
    },
  ])("$name → $problems problem(s)", ({ weekly, problems }) => {
    const found = validateWeeklyHours(weekly);
    expect(found).toHaveLength(problems);
    for (const p of found) expect(typeof p).toBe("string");
  });

  it("names the offending ranges", () => {
    const [overlap] = validateWeeklyHours([
      { weekday: 3, ranges: [{ start: "09:00", end: "12:00" }, { start: "11:30", end: "14:00" }] },
    ]);
    expect(overlap).toContain("weekday 3");
    expect(overlap).toContain("09:00–12:00");
    expect(overlap).toContain("11:30–14:00");

    const [reversed] = validateWeeklyHours([{ weekday: 1, ranges: [{ start: "13:00", end: "12:00" }] }]);
    expect(reversed).toContain("13:00–12:00");

    const [badTime] = validateWeeklyHours([{ weekday: 5, ranges: [{ start: "13:00", end: "24:00" }] }]);
    expect(badTime).toContain('"24:00"');
  });
});
