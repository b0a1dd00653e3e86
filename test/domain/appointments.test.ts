import { describe, expect, it } from "vitest";
import { firstClash, overlaps, type Appointment } from "../../src/domain/appointments.js";

const at = (time: string) => new Date(`2026-11-24T${time}:00Z`);
const period = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("overlaps", () => {
  it.each([
    ["the same period", ["05:00", "05:50"], ["05:00", "05:50"], true],
    ["one starting inside the other", ["05:00", "05:50"], ["05:45", "06:30"], true],
    ["one inside the other", ["05:00", "06:30"], ["05:15", "05:30"], true],
    ["one ending as the other starts", ["05:00", "05:45"], ["05:45", "06:30"], false],
    ["one starting as the other ends", ["05:45", "06:30"], ["05:00", "05:45"], false],
    ["apart", ["05:00", "05:30"], ["07:00", "07:30"], false],
  ] as const)("%s: %j and %j → %s", (_, a, b, expected) => {
    expect(overlaps(period(a[0], a[1]), period(b[0], b[1]))).toBe(expected);
    expect(overlaps(period(b[0], b[1]), period(a[0], a[1]))).toBe(expected);
  });
});

describe("firstClash", () => {
  const consultation: Appointment = { kind: "consultation", id: 1, service: "lawyer", startsAt: "2026-11-24T06:00:00.000Z", endsAt: "2026-11-24T06:50:00.000Z" };
  const teatalk: Appointment = { kind: "teatalk", id: 7, startsAt: "2026-11-24T05:30:00.000Z", endsAt: "2026-11-24T07:00:00.000Z" };
  const later: Appointment = { kind: "teatalk", id: 8, startsAt: "2026-11-24T09:00:00.000Z", endsAt: "2026-11-24T10:30:00.000Z" };

  it("names the earliest appointment the period overlaps", () => {
    expect(firstClash(period("06:30", "07:15"), [consultation, later, teatalk])).toEqual(teatalk);
    expect(firstClash(period("06:45", "07:15"), [later, consultation])).toEqual(consultation);
  });

  it("finds nothing next to or between appointments", () => {
    expect(firstClash(period("07:00", "09:00"), [consultation, teatalk, later])).toBeUndefined();
    expect(firstClash(period("05:00", "06:00"), [])).toBeUndefined();
  });
});
