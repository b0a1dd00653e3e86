import { describe, expect, it } from "vitest";
import {
  bookingModes,
  keepMode,
  limitBreach,
  nearestOffers,
  noShowWindowStart,
  offers,
  offersOn,
  openDays,
  openSlots,
  pickSpecialist,
  spreadOffers,
  type Offer,
  type SpecialistAgenda,
} from "../../src/domain/booking-rules.js";

// Fixed clock: Monday 2026-11-23, 09:00 in Almaty (UTC+5) = 04:00Z. The booking window is
// 14 days (Mon 23 Nov … Sun 6 Dec) and a slot needs 2 hours' notice (from 11:00 today).
const NOW = new Date("2026-11-23T04:00:00Z");

function agenda(a: Partial<SpecialistAgenda> & { specialistId: number }): SpecialistAgenda {
  return { centerId: "center-a", slotMinutes: 60, weekly: [], overrides: [], busy: [], bookedStarts: [], ...a };
}
const mondays = (start: string, end: string) => [{ weekday: 1 as const, ranges: [{ start, end }] }];
const show = (list: Offer[]) => list.map((o) => `${o.slot.date} ${o.slot.time} #${o.specialistId}`);
const showAt = (list: Offer[]) => list.map((o) => `${o.slot.time} ${o.centerId}`);

describe("openSlots", () => {
  it("keeps two hours' notice today and stops after the 14-day window", () => {
    // 50-minute slots from 10:00 in a 10:00–13:00 range: 10:00, 10:50, 11:40 (12:30 would end 13:20).
    const slots = openSlots(agenda({ specialistId: 1, slotMinutes: 50, weekly: mondays("10:00", "13:00") }), NOW);
    // Today only 11:40 is at least 2 h away; next Monday has all three; 7 Dec is outside the window.
    expect(slots.map((s) => `${s.date} ${s.time}`)).toEqual([
      "2026-11-23 11:40",
      "2026-11-30 10:00",
      "2026-11-30 10:50",
      "2026-11-30 11:40",
    ]);
  });

  it("leaves out busy intervals (bookings and blocked time)", () => {
    const slots = openSlots(
      agenda({
        specialistId: 1,
        weekly: mondays("10:00", "13:00"),
        // Mon 30 Nov: 10:00–11:00 booked; 11:30–12:00 blocked, which spoils the 11:00 slot only.
        busy: [
          { start: new Date("2026-11-30T05:00:00Z"), end: new Date("2026-11-30T06:00:00Z") },
          { start: new Date("2026-11-30T06:30:00Z"), end: new Date("2026-11-30T07:00:00Z") },
        ],
      }),
      NOW,
    );
    expect(slots.map((s) => `${s.date} ${s.time}`)).toEqual(["2026-11-23 11:00", "2026-11-23 12:00", "2026-11-30 12:00"]);
  });
});

describe("pickSpecialist", () => {
  it.each([
    { name: "fewest bookings that day wins", candidates: [[3, 2], [5, 0], [4, 1]], preferred: undefined, expected: 5 },
    { name: "a tie goes to the lowest id", candidates: [[9, 1], [4, 1], [6, 2]], preferred: undefined, expected: 4 },
    { name: "the preferred specialist keeps the time", candidates: [[2, 0], [8, 5]], preferred: 8, expected: 8 },
    { name: "a preferred one who is not free does not count", candidates: [[2, 1], [3, 0]], preferred: 7, expected: 3 },
    { name: "nobody free", candidates: [], preferred: undefined, expected: undefined },
  ])("$name", ({ candidates, preferred, expected }) => {
    const list = candidates.map(([specialistId, bookingsThatDay]) => ({ specialistId: specialistId!, bookingsThatDay: bookingsThatDay! }));
    expect(pickSpecialist(list, preferred)).toBe(expected);
  });
});

describe("offers across specialists", () => {
  // #7 and #9 both work Mondays 14:00–16:00; #7 already has a 10:00 booking on 30 Nov
  // (outside these hours, so it blocks nothing but counts for that day's load).
  const seven = agenda({
    specialistId: 7,
    weekly: [{ weekday: 1, ranges: [{ start: "10:00", end: "11:00" }, { start: "14:00", end: "16:00" }] }],
    busy: [{ start: new Date("2026-11-30T05:00:00Z"), end: new Date("2026-11-30T06:00:00Z") }],
    bookedStarts: [new Date("2026-11-30T05:00:00Z")],
  });
  // #9 has 45-minute slots: 14:00, 14:45 (15:30 would end 16:15).
  const nine = agenda({ specialistId: 9, slotMinutes: 45, weekly: mondays("14:00", "16:00") });

  it("offers each start once, by the fewest-bookings-then-lowest-id rule", () => {
    expect(show(offers([nine, seven], NOW))).toEqual([
      // Today both are free at 14:00 with no bookings: the lower id takes it.
      "2026-11-23 14:00 #7",
      "2026-11-23 14:45 #9",
      "2026-11-23 15:00 #7",
      // 30 Nov: #7 has one booking that day, #9 none, so #9 takes the shared 14:00.
      "2026-11-30 14:00 #9",
      "2026-11-30 14:45 #9",
      "2026-11-30 15:00 #7",
    ]);
  });

  it("gives the chosen specialist's own slot length", () => {
    const at1400 = offersOn([seven, nine], "2026-11-30", NOW).find((o) => o.slot.time === "14:00")!;
    expect(at1400.specialistId).toBe(9);
    expect(at1400.slot.end.toISOString()).toBe("2026-11-30T09:45:00.000Z"); // 14:45 Almaty
  });

  it("keeps a preferred specialist wherever they are free", () => {
    expect(show(offersOn([seven, nine], "2026-11-30", NOW, 7))).toEqual([
      "2026-11-30 14:00 #7",
      "2026-11-30 14:45 #9",
      "2026-11-30 15:00 #7",
    ]);
  });

  it("lists the open days", () => {
    expect(openDays([seven, nine], NOW)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(openDays([], NOW)).toEqual([]);
  });

  it("finds the times nearest to a taken one, in time order", () => {
    // Target 30 Nov 14:45 (09:45Z): 14:45 itself (0), 15:00 (15 min), 14:00 (45 min); next is 23 Nov 15:00 (a week).
    const near = nearestOffers([seven, nine], new Date("2026-11-30T09:45:00Z"), NOW, 3);
    expect(show(near)).toEqual(["2026-11-30 14:00 #9", "2026-11-30 14:45 #9", "2026-11-30 15:00 #7"]);
  });
});

describe("offers across centers", () => {
  // Mondays 14:00–17:00 (14:00, 15:00, 16:00) at each center.
  const at = (specialistId: number, centerId: string, extra: Partial<SpecialistAgenda> = {}) =>
    agenda({ specialistId, centerId, weekly: mondays("14:00", "17:00"), ...extra });

  it("offers a shared time once per center, not once in all", () => {
    // #1 and #2 share center A; #3 works at B. A's shared times go to the less busy of its two.
    const busyOne = { bookedStarts: [new Date("2026-11-30T04:00:00Z")] };
    const list = offersOn([at(1, "a", busyOne), at(2, "a"), at(3, "b")], "2026-11-30", NOW);
    expect(list.map((o) => `${o.slot.time} ${o.centerId} #${o.specialistId}`)).toEqual([
      "14:00 a #2", "14:00 b #3", "15:00 a #2", "15:00 b #3", "16:00 a #2", "16:00 b #3",
    ]);
  });

  it("keeps everything when it fits on a screen", () => {
    const list = offersOn([at(1, "a"), at(2, "b")], "2026-11-30", NOW);
    expect(spreadOffers(list, 12)).toEqual(list);
  });

  it("gives every time a center before any gets a second, spreading over the centers", () => {
    // Five centers free at the same three times: fifteen offers for six places.
    const list = offersOn(["a", "b", "c", "d", "e"].map((c, i) => at(i + 1, c)), "2026-11-30", NOW);
    expect(showAt(spreadOffers(list, 6))).toEqual(["14:00 a", "14:00 d", "15:00 b", "15:00 e", "16:00 a", "16:00 c"]);
    // Every center is shown, none more than twice.
    const perCenter = (l: Offer[]) => ["a", "b", "c", "d", "e"].map((c) => l.filter((o) => o.centerId === c).length);
    expect(perCenter(spreadOffers(list, 6))).toEqual([2, 1, 1, 1, 1]);
  });

  it("prefers the center with fewer bookings that day when the shown counts are equal", () => {
    // Center a already has someone that Monday morning: b and c go first.
    const list = offersOn([at(1, "a", { bookedStarts: [new Date("2026-11-30T04:00:00Z")] }), at(2, "b"), at(3, "c")], "2026-11-30", NOW);
    expect(showAt(spreadOffers(list, 3))).toEqual(["14:00 b", "15:00 c", "16:00 a"]);
  });

  it("with more times than places, keeps times spread over the day", () => {
    // 30-minute slots 10:00–16:00 at two centers: twelve times each.
    const half = (specialistId: number, centerId: string) =>
      agenda({ specialistId, centerId, slotMinutes: 30, weekly: mondays("10:00", "16:00") });
    const list = offersOn([half(1, "a"), half(2, "b")], "2026-11-30", NOW);
    expect(showAt(spreadOffers(list, 4))).toEqual(["10:00 a", "11:30 b", "13:00 a", "14:30 b"]);
  });
});

describe("modes", () => {
  it("offers online only where both the service and the specialist do", () => {
    expect(bookingModes("psychologist", true)).toEqual(["in_person", "online"]);
    expect(bookingModes("psychologist", false)).toEqual(["in_person"]);
  });

  it("falls back to in person when the new specialist does not work online", () => {
    expect(keepMode("online", "career", false)).toBe("in_person");
    expect(keepMode("online", "career", true)).toBe("online");
    expect(keepMode("in_person", "career", true)).toBe("in_person");
  });
});

describe("limits", () => {
  const rules = { maxUpcomingPerService: 2, noShowLimit: 3, noShowWindowDays: 90 };

  it.each([
    { recentNoShows: 0, upcomingForService: 0, expected: null },
    { recentNoShows: 2, upcomingForService: 1, expected: null },
    { recentNoShows: 0, upcomingForService: 2, expected: "per-service" },
    { recentNoShows: 3, upcomingForService: 0, expected: "no-shows" },
    // Missed consultations are the stronger reason and are named first.
    { recentNoShows: 4, upcomingForService: 5, expected: "no-shows" },
  ])("no-shows $recentNoShows, upcoming $upcomingForService → $expected", ({ expected, ...history }) => {
    expect(limitBreach(history, rules)).toBe(expected);
  });

  it("counts no-shows from 90 days back", () => {
    expect(noShowWindowStart(NOW, rules).toISOString()).toBe("2026-08-25T04:00:00.000Z");
  });
});
