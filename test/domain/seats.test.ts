import { describe, expect, it } from "vitest";
import {
  attendanceOpen,
  cancellable,
  freeSeats,
  joinStatus,
  OFFER_HOLD_MINUTES,
  offerLapsed,
  offerWindow,
  openSeats,
  SIGNUP_CLOSES_MINUTES_BEFORE,
  signupOpen,
  seatOffer,
  seatReminder,
} from "../../src/domain/seats.js";

const MINUTE = 60_000;
/** A session on Tuesday 24 November 2026 at 18:30 in Almaty. */
const START = new Date("2026-11-24T13:30:00Z");
const before = (minutes: number) => new Date(START.getTime() - minutes * MINUTE);

describe("tea-talk sign-up window", () => {
  it("closes an hour before the start", () => {
    expect(SIGNUP_CLOSES_MINUTES_BEFORE).toBe(60);
    expect(signupOpen(START, before(24 * 60))).toBe(true);
    expect(signupOpen(START, before(61))).toBe(true);
    expect(signupOpen(START, before(60))).toBe(false);
    expect(signupOpen(START, before(10))).toBe(false);
    expect(signupOpen(START, before(-30))).toBe(false);
  });

  it("lets the host mark attendance from the start on", () => {
    expect(attendanceOpen(START, before(1))).toBe(false);
    expect(attendanceOpen(START, START)).toBe(true);
    expect(attendanceOpen(START, before(-45))).toBe(true);
  });
});

describe("offer window", () => {
  it("holds a seat for two hours when the session is far enough", () => {
    const now = before(24 * 60);
    expect(offerWindow(START, now)).toEqual({ sendAt: now, deadline: new Date(now.getTime() + OFFER_HOLD_MINUTES * MINUTE) });
  });

  it("never runs past the close of sign-up, an hour before the start", () => {
    expect(offerWindow(START, before(150))?.deadline).toEqual(before(60));
    expect(offerWindow(START, before(61))?.deadline).toEqual(before(60));
  });

  it("offers nothing once sign-up has closed", () => {
    expect(offerWindow(START, before(60))).toBeNull();
    expect(offerWindow(START, before(5))).toBeNull();
  });

  it("waits for the morning when a seat is freed at night", () => {
    // Freed on Monday at 23:00 in Almaty: offered at 09:00 on Tuesday and held until 11:00.
    expect(offerWindow(START, new Date("2026-11-23T18:00:00Z"))).toEqual({
      sendAt: new Date("2026-11-24T04:00:00Z"),
      deadline: new Date("2026-11-24T06:00:00Z"),
    });
  });

  it("offers at once at night when the session is too early to wait for the morning", () => {
    // A session on Tuesday at 09:30 closes sign-up at 08:30, before the quiet hours end.
    const early = new Date("2026-11-24T04:30:00Z");
    const night = new Date("2026-11-23T18:00:00Z");
    expect(offerWindow(early, night)).toEqual({ sendAt: night, deadline: new Date("2026-11-23T20:00:00Z") });
  });

  it("lapses at the deadline itself", () => {
    const deadline = before(60);
    expect(offerLapsed(deadline, before(61))).toBe(false);
    expect(offerLapsed(deadline, deadline)).toBe(true);
  });
});

describe("seats", () => {
  it.each([
    [{ capacity: 5, taken: 0, waiting: 0 }, 5, 5, "confirmed"],
    [{ capacity: 5, taken: 4, waiting: 0 }, 1, 1, "confirmed"],
    [{ capacity: 5, taken: 5, waiting: 0 }, 0, 0, "waitlisted"],
    [{ capacity: 5, taken: 5, waiting: 3 }, 0, 0, "waitlisted"],
    // A seat freed while no offer could be made is owed to those already waiting.
    [{ capacity: 5, taken: 4, waiting: 1 }, 1, 0, "waitlisted"],
    [{ capacity: 5, taken: 2, waiting: 1 }, 3, 2, "confirmed"],
  ] as const)("%j → %i free, %i open, %s", (seats, free, open, status) => {
    expect(freeSeats(seats)).toBe(free);
    expect(openSeats(seats)).toBe(open);
    expect(joinStatus(seats)).toBe(status);
  });
});

describe("cancelling", () => {
  const scheduled = { status: "scheduled" as const, startsAt: START };
  it.each([
    ["confirmed", scheduled, before(30), true],
    ["waitlisted", scheduled, before(30), true],
    ["offered", scheduled, before(90), true],
    ["cancelled", scheduled, before(30), false],
    ["attended", scheduled, before(-30), false],
    ["confirmed", scheduled, START, false],
    ["confirmed", { status: "cancelled" as const, startsAt: START }, before(30), false],
  ] as const)("a %s sign-up → %s", (status, session, now, expected) => {
    expect(cancellable({ status }, session, now)).toBe(expected);
  });
});

describe("tea-talk notices", () => {
  it("reminds a confirmed sign-up the given minutes before, expiring at the start", () => {
    const now = before(24 * 60);
    expect(seatReminder({ id: 7, startsAt: START, category: "teatalk" }, 180, now)).toEqual({
      kind: "teatalk_reminder",
      dueAt: before(180),
      expiresAt: START,
      payload: { signupId: 7 },
      dedupeKey: "teatalk_reminder:7",
      essential: true,
      urgent: false,
    });
  });

  it("plans no reminder whose time has already passed", () => {
    expect(seatReminder({ id: 7, startsAt: START, category: "teatalk" }, 180, before(180))).toBeNull();
    expect(seatReminder({ id: 7, startsAt: START, category: "teatalk" }, 180, before(90))).toBeNull();
    expect(seatReminder({ id: 7, startsAt: START, category: "teatalk" }, 60, before(90))?.dueAt).toEqual(before(60));
  });

  it("sends an offer when its window opens and lets it expire at its deadline", () => {
    const window = { sendAt: new Date("2026-11-24T04:00:00Z"), deadline: new Date("2026-11-24T06:00:00Z") };
    expect(seatOffer({ id: 3, category: "teatalk" }, window)).toEqual({
      kind: "teatalk_offer",
      dueAt: window.sendAt,
      expiresAt: window.deadline,
      payload: { signupId: 3 },
      dedupeKey: "teatalk_offer:3",
      essential: true,
      urgent: true,
    });
  });
});

describe("event notices", () => {
  it("have kinds and keys of their own, so that tea talk's messages stay tea talk's", () => {
    const window = { sendAt: new Date("2026-11-24T04:00:00Z"), deadline: new Date("2026-11-24T06:00:00Z") };
    expect(seatReminder({ id: 7, startsAt: START, category: "festival" }, 180, before(24 * 60))).toMatchObject({
      kind: "event_reminder",
      dedupeKey: "event_reminder:7",
      expiresAt: START,
      essential: true,
    });
    expect(seatOffer({ id: 3, category: "sport" }, window)).toMatchObject({ kind: "event_offer", dedupeKey: "event_offer:3" });
  });
});

describe("events without a capacity", () => {
  it("always have a seat for a newcomer", () => {
    expect(freeSeats({ capacity: null, taken: 500 })).toBe(Infinity);
    expect(joinStatus({ capacity: null, taken: 500, waiting: 0 })).toBe("confirmed");
  });
});
