import { describe, expect, it } from "vitest";
import {
  AGE_BANDS,
  FigureSheet,
  hiddenCells,
  lastWeeks,
  monthsOf,
  OPEN_SERVICES,
  paceTo,
  SENSITIVE_SERVICES,
  weeklyReportDue,
  yearPeriod,
} from "../../src/domain/figures.js";

describe("hiding small groups", () => {
  it("hides counts from 1 to 9 and shows zero and ten", () => {
    expect(hiddenCells([0, 1, 9, 10, 250], [])).toEqual([null, "small", "small", null, null]);
  });

  it("guards a small part that could be worked out from the whole by hiding another", () => {
    // 40 = 3 + 25 + 12: without more, 3 = 40 − 25 − 12. The smallest shown part (12) goes too.
    expect(hiddenCells([40, 3, 25, 12], [{ whole: 0, parts: [1, 2, 3] }])).toEqual([null, "small", null, "guard"]);
  });

  it("needs no guard where two parts are hidden, and guards a part of a hidden whole", () => {
    // 12 = 5 + 7: both parts hidden, so nothing is derived; the whole stays.
    expect(hiddenCells([12, 5, 7], [{ whole: 0, parts: [1, 2] }])).toEqual([null, "small", "small"]);
    // 8 = 5 + 3 + 0: the whole is hidden and so are two parts; the zero part tells nothing alone.
    expect(hiddenCells([8, 5, 3, 0], [{ whole: 0, parts: [1, 2, 3] }])).toEqual(["small", "small", "small", null]);
    // A hidden whole of shown parts would be their sum: a part is hidden with it.
    expect(hiddenCells([9, 20, 30], [{ whole: 0, parts: [1] }, { whole: 2, parts: [0, 1] }])).toEqual(["small", "guard", null]);
  });

  it("follows the hiding from one sum into another that shares a cell", () => {
    // Rows: a = 30 = 4 + 26, b = 50 = 20 + 30; columns: 24 = 4 + 20, 56 = 26 + 30.
    const values = [4, 26, 20, 30, 30, 50, 24, 56];
    const rules = [
      { whole: 4, parts: [0, 1] },
      { whole: 5, parts: [2, 3] },
      { whole: 6, parts: [0, 2] },
      { whole: 7, parts: [1, 3] },
    ];
    const hidden = hiddenCells(values, rules);
    expect(hidden[0]).toBe("small");
    for (const rule of rules) {
      const hiddenParts = rule.parts.filter((p) => hidden[p]).length;
      expect(hidden[rule.whole] ? hiddenParts !== 0 : hiddenParts !== 1).toBe(true);
    }
  });

  it("keeps other counts than people's, and hides a group's average with its count", () => {
    const sheet = new FigureSheet(["events", "answers", "average"]);
    const events = sheet.cell(3, { people: false });
    const answers = sheet.cell(4);
    const average = sheet.cell(4.5, { hiddenWith: answers });
    const many = sheet.cell(12);
    const theirAverage = sheet.cell(3.9, { hiddenWith: many });
    const all = sheet.cell(16);
    const allAverage = sheet.cell(4.1, { hiddenWith: all, guardedBy: [answers, many] });
    const shown = sheet.shown();
    expect([shown[events], shown[answers], shown[average], shown[many], shown[theirAverage]]).toEqual([3, "small", "small", 12, 3.9]);
    // The average of all would give the small group's away, with the other's: it is a guard.
    expect([shown[all], shown[allAverage]]).toEqual([16, "guard"]);
  });
});

describe("the periods of the figures", () => {
  it("counts the year and its months in Almaty time", () => {
    expect(yearPeriod(2026)).toEqual({ from: new Date("2025-12-31T19:00:00Z"), to: new Date("2026-12-31T19:00:00Z") });
    const months = monthsOf(2026);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ key: "2026-01", period: { from: new Date("2025-12-31T19:00:00Z"), to: new Date("2026-01-31T19:00:00Z") } });
    expect(months[11]!.period.to).toEqual(new Date("2026-12-31T19:00:00Z"));
  });

  it("counts weeks from Monday, the current one last", () => {
    // Wednesday 2 December 2026, 10:00 in Almaty.
    const weeks = lastWeeks(new Date("2026-12-02T05:00:00Z"), 2);
    expect(weeks.map((w) => w.key)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(weeks[1]!.period).toEqual({ from: new Date("2026-11-29T19:00:00Z"), to: new Date("2026-12-06T19:00:00Z") });
  });

  it("has the age bands a partner sees, and the sensitive services apart", () => {
    expect(AGE_BANDS).toEqual([
      { from: 14, to: 17 },
      { from: 18, to: 24 },
      { from: 25, to: 35 },
    ]);
    expect(SENSITIVE_SERVICES).toEqual(["psychologist", "lawyer"]);
    expect(OPEN_SERVICES).toEqual(["business", "career"]);
  });
});

describe("the pace toward a target", () => {
  it("spreads what remains over the days left until 31 December, today included", () => {
    // 2 December, 10:00 in Almaty: 30 days left (2–31 December).
    expect(paceTo(22_000, 1_000, new Date("2026-12-02T05:00:00Z"))).toEqual({
      target: 22_000,
      done: 1_000,
      share: 1_000 / 22_000,
      daysLeft: 30,
      perDay: 700,
      perWeek: 4_900,
    });
    // 31 December, 23:30 in Almaty: the last day, all that remains is needed today.
    expect(paceTo(8, 5, new Date("2026-12-31T18:30:00Z"))).toMatchObject({ daysLeft: 1, perDay: 3, perWeek: 3 });
  });

  it("needs nothing more once the target is met", () => {
    expect(paceTo(8, 9, new Date("2026-06-01T05:00:00Z"))).toMatchObject({ share: 1, perDay: 0, perWeek: 0 });
  });
});

describe("the weekly summary's time", () => {
  it("comes on Monday at 09:00 in Almaty and holds for that day", () => {
    expect(weeklyReportDue(new Date("2026-12-07T03:59:59Z"))).toBeNull();
    const due = { week: "2026-12-07", dueAt: new Date("2026-12-07T04:00:00Z"), expiresAt: new Date("2026-12-08T04:00:00Z") };
    expect(weeklyReportDue(new Date("2026-12-07T04:00:00Z"))).toEqual(due);
    expect(weeklyReportDue(new Date("2026-12-07T12:00:00Z"))).toEqual(due);
    expect(weeklyReportDue(new Date("2026-12-08T04:00:00Z"))).toBeNull();
    expect(weeklyReportDue(new Date("2026-12-10T05:00:00Z"))).toBeNull();
  });
});
