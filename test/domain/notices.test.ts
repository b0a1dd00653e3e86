import { describe, expect, it } from "vitest";
import { bookingNotices } from "../../src/domain/notices.js";

const START = new Date("2026-11-25T05:00:00Z"); // Wednesday 10:00 in Almaty
const END = new Date("2026-11-25T05:50:00Z");

describe("the messages a booking plans", () => {
  it("reminds at each offset, the day before waiting out quiet hours and the last one not, then asks for feedback", () => {
    const notices = bookingNotices({ id: 9, startsAt: START, endsAt: END }, [1440, 120], new Date("2026-11-23T04:00:00Z"));
    expect(notices.map((n) => [n.kind, n.dueAt.toISOString(), n.expiresAt?.toISOString(), n.urgent, n.essential])).toEqual([
      ["booking_reminder", "2026-11-24T05:00:00.000Z", "2026-11-25T05:00:00.000Z", false, true],
      ["booking_reminder", "2026-11-25T03:00:00.000Z", "2026-11-25T05:00:00.000Z", true, true],
      ["booking_feedback", "2026-11-25T06:20:00.000Z", "2026-11-28T06:20:00.000Z", false, false],
    ]);
    expect(notices.map((n) => n.dedupeKey)).toEqual(["booking_reminder:9:1440", "booking_reminder:9:120", "booking_feedback:9"]);
  });

  it("plans no reminder whose time has already passed", () => {
    const notices = bookingNotices({ id: 9, startsAt: START, endsAt: END }, [1440, 120], new Date("2026-11-24T06:00:00Z"));
    expect(notices.map((n) => n.kind)).toEqual(["booking_reminder", "booking_feedback"]);
    expect(notices[0]?.payload).toEqual({ bookingId: 9, offsetMinutes: 120 });
  });
});
