import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  bookSlot,
  calendarUid,
  cancelBooking,
  cancelBookingByStaff,
  isSlotTaken,
  listOwnBookings,
  loadAgendas,
  rescheduleBooking,
  type BookingPolicy,
} from "../../src/db/bookings.js";
import type { Db } from "../../src/db/database.js";
import type { Specialist } from "../../src/db/schema.js";
import { ensureUser } from "../../src/db/users.js";
import { insertBooking, insertCenter, insertSpecialist, insertWeekdayConsultants } from "../support/fixtures.js";
import { createTestDb, type TestDb } from "../support/harness.js";
import { queryPlan, StatementLog, itOnSqlite } from "../support/statements.js";
import { insertTeaTalkSession } from "../support/teatalk.js";

// Monday 23 November 2026, 09:00 in Almaty (UTC+5) = 04:00Z.
const NOW = new Date("2026-11-23T04:00:00Z");
const POLICY: BookingPolicy = {
  limits: { maxUpcomingPerService: 2, noShowLimit: 3, noShowWindowDays: 90 },
  reminderOffsetsMinutes: [1440, 120],
};
const STAFF_TELEGRAM_ID = 777_000;
// Tuesday 24 November, 10:00 Almaty; the psychologist's slots are 50 minutes long.
const TUE_10 = new Date("2026-11-24T05:00:00Z");
const TUE_10_50 = new Date("2026-11-24T05:50:00Z");
const TUE_11_40 = new Date("2026-11-24T06:40:00Z");

let store: TestDb;
let db: Db;
let psychologist: Specialist;
let unlinked: Specialist;

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await insertCenter(db, { id: "medeu-1", district: "medeu" });
  // Weekdays: the psychologist's slots at 10:00, 10:50 and 11:40; the career consultant, linked
  // to no account, at 10:00 and 10:45.
  ({ psychologist, career: unlinked } = await insertWeekdayConsultants(db, {
    psychologistCenterId: "medeu-1",
    psychologistTelegramId: STAFF_TELEGRAM_ID,
    careerCenterId: "medeu-1",
  }));
  for (const id of [1, 2, 3]) await ensureUser(db, id, "ru", NOW);
});
afterEach(async () => {
  await store.cleanup();
});

const request = (userId: number, startsAt = TUE_10, specialist = psychologist) => ({
  userId,
  specialistId: specialist.id,
  startsAt,
  mode: "in_person" as const,
  topic: null,
});
const liveBookings = () =>
  db.selectFrom("bookings").selectAll().where("status", "in", ["confirmed", "attended", "no_show"]).orderBy("id").execute();
const outboxOf = (bookingId: number) =>
  db.selectFrom("outbox").selectAll().where("booking_id", "=", bookingId).orderBy("id").execute();
const bookingRow = (id: number) => db.selectFrom("bookings").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("bookSlot", () => {
  it("gives one slot to exactly one of 50 people booking it at the same moment", async () => {
    const users = Array.from({ length: 50 }, (_, i) => 100 + i);
    for (const id of users) await ensureUser(db, id, "ru", NOW);

    const results = await Promise.all(users.map((id) => bookSlot(db, request(id), POLICY, NOW)));

    const winners = results.filter((r) => r.kind === "booked");
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.kind === "taken")).toHaveLength(49);
    const live = await liveBookings();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ id: (winners[0] as { bookingId: number }).bookingId, starts_at: TUE_10.toISOString() });
    // Only the winner's messages were planned.
    expect(await db.selectFrom("outbox").select("booking_id").distinct().execute()).toEqual([{ booking_id: live[0]!.id }]);
  });

  it("holds the limit of upcoming bookings when one person books three psychologists at the same moment", async () => {
    const others = [];
    for (const weekday of [2, 3] as const) {
      others.push(await insertSpecialist(db, { centerId: "medeu-1", service: "psychologist", slotMinutes: 50, hours: [{ start: "10:00", end: "13:00" }], weekdays: [weekday] }));
    }
    const WED_10 = new Date("2026-11-25T05:00:00Z");
    const results = await Promise.all([
      bookSlot(db, request(1, TUE_10), POLICY, NOW),
      bookSlot(db, request(1, TUE_11_40, others[0]), POLICY, NOW),
      bookSlot(db, request(1, WED_10, others[1]), POLICY, NOW),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["booked", "booked", "limit"]);
    expect(await liveBookings()).toHaveLength(2);
  });

  it("writes the booking with its reminders, feedback request and the specialist's notice", async () => {
    const result = await bookSlot(db, { ...request(1), mode: "online", topic: "тревога перед экзаменами" }, POLICY, NOW);
    expect(result.kind).toBe("booked");
    const id = (result as { bookingId: number }).bookingId;

    expect(await bookingRow(id)).toMatchObject({
      user_id: 1,
      specialist_id: psychologist.id,
      service: "psychologist",
      center_id: "medeu-1",
      starts_at: TUE_10.toISOString(),
      ends_at: TUE_10_50.toISOString(),
      mode: "online",
      topic: "тревога перед экзаменами",
      status: "confirmed",
      created_at: NOW.toISOString(),
    });
    const outbox = await outboxOf(id);
    expect(outbox.map((o) => [o.kind, o.recipient_id, o.due_at, o.expires_at, JSON.parse(o.payload)])).toEqual([
      // A day before (Mon 10:00 Almaty) and two hours before (Tue 08:00 Almaty); both expire at the start.
      ["booking_reminder", 1, "2026-11-23T05:00:00.000Z", TUE_10.toISOString(), { bookingId: id, offsetMinutes: 1440 }],
      ["booking_reminder", 1, "2026-11-24T03:00:00.000Z", TUE_10.toISOString(), { bookingId: id, offsetMinutes: 120 }],
      // Half an hour after the end (10:50 + 30 min), valid for three days.
      ["booking_feedback", 1, "2026-11-24T06:20:00.000Z", "2026-11-27T06:20:00.000Z", { bookingId: id }],
      ["staff_booking_new", STAFF_TELEGRAM_ID, NOW.toISOString(), null, { bookingId: id }],
    ]);
    expect(outbox.find((o) => o.kind === "staff_booking_new")).toMatchObject({ essential: 1, urgent: 0, dedupe_key: `staff_booking_new:${id}` });
  });

  it("tells no specialist when none is linked, and keeps online out where the specialist does not offer it", async () => {
    // Career consultant: 45-minute slots from 10:00; Tuesday 10:45 Almaty = 05:45Z.
    const result = await bookSlot(db, { ...request(1, new Date("2026-11-24T05:45:00Z"), unlinked), mode: "online" }, POLICY, NOW);
    const id = (result as { bookingId: number }).bookingId;
    expect((await bookingRow(id)).mode).toBe("in_person");
    expect((await outboxOf(id)).map((o) => o.kind)).toEqual(["booking_reminder", "booking_reminder", "booking_feedback"]);
  });

  it.each([
    ["outside working hours (Tue 13:00)", new Date("2026-11-24T08:00:00Z")],
    ["not on the slot grid (Tue 10:20)", new Date("2026-11-24T05:20:00Z")],
    ["with less than two hours' notice (Mon 10:50)", new Date("2026-11-23T05:50:00Z")],
    ["in the past (Mon 08:00)", new Date("2026-11-23T03:00:00Z")],
    ["beyond the 14-day window (Mon 7 Dec 10:00)", new Date("2026-12-07T05:00:00Z")],
  ])("refuses a time %s as taken", async (_, startsAt) => {
    expect(await bookSlot(db, request(1, startsAt), POLICY, NOW)).toEqual({ kind: "taken" });
    expect(await liveBookings()).toEqual([]);
  });

  it("refuses blocked time and an inactive specialist", async () => {
    await db
      .insertInto("blocked_times")
      .values({ specialist_id: psychologist.id, starts_at: "2026-11-24T05:30:00.000Z", ends_at: "2026-11-24T06:00:00.000Z", created_at: NOW.toISOString() })
      .execute();
    expect(await bookSlot(db, request(1), POLICY, NOW)).toEqual({ kind: "taken" });
    await db.updateTable("specialists").set({ active: 0 }).where("id", "=", psychologist.id).execute();
    expect(await bookSlot(db, request(1, new Date("2026-11-24T06:40:00Z")), POLICY, NOW)).toEqual({ kind: "taken" });
    expect(await liveBookings()).toEqual([]);
  });

  it("turns the unique index firing into 'taken' when a row escaped the re-check", async () => {
    // A live row at the same start whose end lies in the past cannot come from the bot, but it
    // shows that the index, not the re-check, has the last word.
    await insertBooking(db, { specialist: psychologist, userId: 2, startsAt: TUE_10.toISOString(), endsAt: "2026-11-22T00:00:00Z" });
    expect(await bookSlot(db, request(1), POLICY, NOW)).toEqual({ kind: "taken" });
    expect((await liveBookings()).map((b) => b.user_id)).toEqual([2]);
    expect(await db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });

  it("holds at most two upcoming bookings per service", async () => {
    expect((await bookSlot(db, request(1, TUE_10), POLICY, NOW)).kind).toBe("booked");
    expect((await bookSlot(db, request(1, new Date("2026-11-25T05:00:00Z")), POLICY, NOW)).kind).toBe("booked");
    expect(await bookSlot(db, request(1, new Date("2026-11-26T05:00:00Z")), POLICY, NOW)).toEqual({ kind: "limit", breach: "per-service" });
    // Another service is still open (at a time free of the person's other bookings), and so is
    // a third one once the first is over.
    expect((await bookSlot(db, request(1, new Date("2026-11-27T05:45:00Z"), unlinked), POLICY, NOW)).kind).toBe("booked");
    const later = new Date("2026-11-24T06:00:00Z"); // Tue 11:00, after the first one began
    expect((await bookSlot(db, request(1, new Date("2026-11-26T05:00:00Z")), POLICY, later)).kind).toBe("booked");
  });

  it("stops booking after three no-shows within 90 days, counting only those", async () => {
    const missed = async (startsAt: string) =>
      insertBooking(db, { specialist: psychologist, userId: 3, startsAt, endsAt: new Date(new Date(startsAt).getTime() + 50 * 60_000).toISOString(), status: "no_show" });
    await missed("2026-08-20T05:00:00Z"); // 95 days ago: outside the window
    await missed("2026-10-01T05:00:00Z");
    await missed("2026-11-02T05:00:00Z");
    expect((await bookSlot(db, request(3, TUE_10), POLICY, NOW)).kind).toBe("booked");
    await missed("2026-11-16T05:00:00Z");
    expect(await bookSlot(db, request(3, new Date("2026-11-25T05:00:00Z"), unlinked), POLICY, NOW)).toEqual({ kind: "limit", breach: "no-shows" });
  });
});

describe("loadAgendas", () => {
  itOnSqlite("reads a specialist's bookings from the start of the one still going on, not every past one", async () => {
    const statements = new StatementLog();
    const logged = await createTestDb({ log: statements.log });
    try {
      await insertCenter(logged.db, { id: "medeu-1", district: "medeu" });
      const specialist = await insertSpecialist(logged.db, { centerId: "medeu-1", service: "psychologist", slotMinutes: 50 });
      await ensureUser(logged.db, 1, "ru", NOW);
      // A year of attended consultations, one a day, then one going on now and one tomorrow.
      for (let day = 365; day >= 1; day--) {
        const startsAt = new Date(NOW.getTime() - day * 86_400_000);
        const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
        await insertBooking(logged.db, { specialist, userId: 1, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), status: "attended" });
      }
      await insertBooking(logged.db, { specialist, userId: 1, startsAt: "2026-11-23T03:30:00Z", endsAt: "2026-11-23T04:20:00Z", status: "attended" });
      await insertBooking(logged.db, { specialist, userId: 1, startsAt: "2026-11-24T05:00:00Z", endsAt: "2026-11-24T05:50:00Z" });
      statements.clear();

      const [agenda] = await loadAgendas(logged.db, [specialist], NOW);

      expect(agenda!.busy.map((b) => b.start.toISOString())).toEqual(["2026-11-23T03:30:00.000Z", "2026-11-24T05:00:00.000Z"]);
      const read = statements.statements().find((s) => /from "bookings"/.test(s.sql))!;
      expect(await queryPlan(logged.db, read)).toEqual([
        "SEARCH bookings USING INDEX bookings_specialist (specialist_id=? AND starts_at>? AND starts_at<?)",
      ]);
    } finally {
      await logged.cleanup();
    }
  });
});

describe("isSlotTaken", () => {
  it("recognises SQLite refusing a second live booking, and only that", async () => {
    await insertBooking(db, { specialist: psychologist, userId: 1, startsAt: TUE_10.toISOString(), endsAt: TUE_10_50.toISOString() });
    // A cancelled row at the same time is fine: the index covers live statuses only.
    await insertBooking(db, { specialist: psychologist, userId: 2, startsAt: TUE_10.toISOString(), endsAt: TUE_10_50.toISOString(), status: "cancelled" });
    const error = await insertBooking(db, { specialist: psychologist, userId: 3, startsAt: TUE_10.toISOString(), endsAt: TUE_10_50.toISOString() }).catch((e: unknown) => e);
    expect(isSlotTaken(error)).toBe(true);
    expect(isSlotTaken(new Error("UNIQUE constraint failed: bookings.specialist_id"))).toBe(false);
    expect(isSlotTaken("SQLITE_CONSTRAINT_UNIQUE")).toBe(false);
  });
});

describe("one person, one place at a time", () => {
  // Tuesday: the psychologist 10:00–10:50, the career consultant's 10:45 slot (10:45–11:30).
  const TUE_10_45 = new Date("2026-11-24T05:45:00Z");
  const snapshot = async () => ({
    bookings: await db.selectFrom("bookings").selectAll().orderBy("id").execute(),
    outbox: await db.selectFrom("outbox").selectAll().orderBy("id").execute(),
  });

  it("refuses a consultation overlapping another, naming it, and writes nothing", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const before = await snapshot();

    expect(await bookSlot(db, request(1, TUE_10_45, unlinked), POLICY, NOW)).toEqual({
      kind: "overlap",
      clash: { kind: "consultation", id: bookingId, service: "psychologist", startsAt: TUE_10.toISOString(), endsAt: TUE_10_50.toISOString() },
    });
    expect(await snapshot()).toEqual(before);
    // Someone else may take that time; back to back is no overlap.
    expect((await bookSlot(db, request(2, TUE_10_45, unlinked), POLICY, NOW)).kind).toBe("booked");
    expect((await bookSlot(db, request(1, TUE_10_50), POLICY, NOW)).kind).toBe("booked");
  });

  it("lets one of two overlapping bookings made at the same moment through", async () => {
    const results = await Promise.all([bookSlot(db, request(1), POLICY, NOW), bookSlot(db, request(1, TUE_10_45, unlinked), POLICY, NOW)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["booked", "overlap"]);
    expect(await liveBookings()).toHaveLength(1);
  });

  it("counts a tea-talk sign-up, seated or waitlisted, and leaves out cancelled ones", async () => {
    // A session 10:30–12:00 on Tuesday: the person is in its waitlist.
    const session = await insertTeaTalkSession(db, { centerId: "medeu-1", startsAt: "2026-11-24T05:30:00Z", capacity: 1 });
    const at = NOW.toISOString();
    await db.insertInto("event_signups").values({ event_id: session, user_id: 2, status: "confirmed", offer_expires_at: null, created_at: at, updated_at: at }).execute();
    const { id: signupId } = await db
      .insertInto("event_signups")
      .values({ event_id: session, user_id: 1, status: "waitlisted", offer_expires_at: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();

    expect(await bookSlot(db, request(1, TUE_10_50), POLICY, NOW)).toEqual({
      kind: "overlap",
      clash: { kind: "teatalk", id: signupId, startsAt: "2026-11-24T05:30:00.000Z", endsAt: "2026-11-24T07:00:00.000Z" },
    });
    // A seat counts as much as a place in line.
    expect(await bookSlot(db, request(2, TUE_10), POLICY, NOW)).toMatchObject({ kind: "overlap", clash: { kind: "teatalk" } });

    await db.updateTable("event_signups").set({ status: "cancelled" }).where("id", "=", signupId).execute();
    expect((await bookSlot(db, request(1, TUE_10_50), POLICY, NOW)).kind).toBe("booked");
  });

  it("does not count the booking being moved, but does count the person's others", async () => {
    // A second psychologist whose slots start at 10:30: 10:30–11:20 overlaps 10:00–10:50.
    const second = await insertSpecialist(db, { centerId: "medeu-1", service: "psychologist", slotMinutes: 50, hours: [{ start: "10:30", end: "12:10" }] });
    const { bookingId: moving } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const TUE_10_30 = new Date("2026-11-24T05:30:00Z");

    const moved = await rescheduleBooking(db, { userId: 1, bookingId: moving, specialistId: second.id, startsAt: TUE_10_30 }, POLICY, NOW);
    expect(moved.kind).toBe("rescheduled");

    // Now 10:30–11:20 is held; a career consultation at 10:45 on Wednesday is moved onto Tuesday 10:45.
    const { bookingId: career } = (await bookSlot(db, request(1, new Date("2026-11-25T05:45:00Z"), unlinked), POLICY, NOW)) as { bookingId: number };
    const before = await snapshot();
    expect(await rescheduleBooking(db, { userId: 1, bookingId: career, specialistId: unlinked.id, startsAt: TUE_10_45 }, POLICY, NOW)).toMatchObject({
      kind: "overlap",
      clash: { kind: "consultation", id: (moved as { bookingId: number }).bookingId, startsAt: TUE_10_30.toISOString() },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("asking again for what was already written", () => {
  it("books once when the same booking is asked for twice, as a replayed flow does", async () => {
    const first = await bookSlot(db, { ...request(1), topic: "сон" }, POLICY, NOW);
    const outboxAfterFirst = await db.selectFrom("outbox").selectAll().orderBy("id").execute();

    const again = await bookSlot(db, { ...request(1), topic: "сон" }, POLICY, new Date("2026-11-23T04:01:00Z"));

    expect(first.kind).toBe("booked");
    expect(again).toEqual(first);
    expect((await liveBookings()).map((b) => [b.user_id, b.starts_at])).toEqual([[1, TUE_10.toISOString()]]);
    expect(await db.selectFrom("outbox").selectAll().orderBy("id").execute()).toEqual(outboxAfterFirst);
    // A cancelled booking of that time is not found again: booking anew writes a new one.
    await cancelBooking(db, 1, (first as { bookingId: number }).bookingId, NOW);
    const anew = await bookSlot(db, request(1), POLICY, NOW);
    expect(anew).toMatchObject({ kind: "booked" });
    expect(anew).not.toEqual(first);
  });

  it("moves once when the same move is asked for twice", async () => {
    const { bookingId: oldId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const move = { userId: 1, bookingId: oldId, specialistId: psychologist.id, startsAt: TUE_10_50 };
    const first = await rescheduleBooking(db, move, POLICY, NOW);
    const after = { bookings: await db.selectFrom("bookings").selectAll().orderBy("id").execute(), outbox: await db.selectFrom("outbox").selectAll().orderBy("id").execute() };

    expect(first.kind).toBe("rescheduled");
    expect(await rescheduleBooking(db, move, POLICY, NOW)).toEqual(first);
    expect({ bookings: await db.selectFrom("bookings").selectAll().orderBy("id").execute(), outbox: await db.selectFrom("outbox").selectAll().orderBy("id").execute() }).toEqual(after);
    // Another move of the old booking is refused: it is no longer the one that is live.
    expect(await rescheduleBooking(db, { ...move, startsAt: new Date("2026-11-24T06:40:00Z") }, POLICY, NOW)).toEqual({ kind: "not-active" });
  });
});

describe("calendar revisions", () => {
  it("keeps the event's UID through moves and raises its revision with each move and the cancellation", async () => {
    const { bookingId: first } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    expect(await bookingRow(first)).toMatchObject({ calendar_uid: null, calendar_sequence: 0 });
    expect(calendarUid(await bookingRow(first))).toBe(`booking-${first}@jastar-bot`);

    const moved = (await rescheduleBooking(db, { userId: 1, bookingId: first, specialistId: psychologist.id, startsAt: TUE_10_50 }, POLICY, NOW)) as { bookingId: number };
    const again = (await rescheduleBooking(db, { userId: 1, bookingId: moved.bookingId, specialistId: psychologist.id, startsAt: new Date("2026-11-24T06:40:00Z") }, POLICY, NOW)) as { bookingId: number };
    expect(await bookingRow(moved.bookingId)).toMatchObject({ calendar_uid: `booking-${first}@jastar-bot`, calendar_sequence: 1 });
    expect(await bookingRow(again.bookingId)).toMatchObject({ calendar_uid: `booking-${first}@jastar-bot`, calendar_sequence: 2 });

    expect(await cancelBooking(db, 1, again.bookingId, NOW)).toEqual({ kind: "cancelled" });
    expect(await bookingRow(again.bookingId)).toMatchObject({ status: "cancelled", calendar_sequence: 3 });
    expect(calendarUid(await bookingRow(again.bookingId))).toBe(`booking-${first}@jastar-bot`);
  });
});

describe("cancelBooking", () => {
  it("frees the slot, withdraws pending messages and tells the specialist", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const later = new Date("2026-11-23T06:00:00Z");

    expect(await cancelBooking(db, 1, bookingId, later)).toEqual({ kind: "cancelled" });

    expect(await bookingRow(bookingId)).toMatchObject({ status: "cancelled", cancelled_by: "user", updated_at: later.toISOString() });
    const outbox = await outboxOf(bookingId);
    expect(outbox.filter((o) => o.kind !== "staff_booking_cancelled").map((o) => o.state)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(outbox.find((o) => o.kind === "staff_booking_cancelled")).toMatchObject({
      recipient_id: STAFF_TELEGRAM_ID,
      state: "pending",
      due_at: later.toISOString(),
      payload: JSON.stringify({ bookingId }),
      essential: 1,
    });
    // Someone else can now take the same time.
    expect((await bookSlot(db, request(2), POLICY, later)).kind).toBe("booked");
  });

  it("changes nothing for someone else's booking, a cancelled one or a past one", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    expect(await cancelBooking(db, 2, bookingId, NOW)).toEqual({ kind: "not-found" });
    expect(await cancelBooking(db, 1, 99_999, NOW)).toEqual({ kind: "not-found" });
    expect((await bookingRow(bookingId)).status).toBe("confirmed");

    expect(await cancelBooking(db, 1, bookingId, new Date("2026-11-24T05:00:00Z"))).toEqual({ kind: "not-active" }); // it has begun
    expect(await cancelBooking(db, 1, bookingId, NOW)).toEqual({ kind: "cancelled" });
    const cancelled = await bookingRow(bookingId);
    const withdrawn = await db.selectFrom("outbox").selectAll().orderBy("id").execute();

    // Asked again (the same press handled again after a crash): cancelled, and nothing changes.
    const later = new Date(NOW.getTime() + 60_000);
    expect(await cancelBooking(db, 1, bookingId, later)).toEqual({ kind: "cancelled" });
    expect(await bookingRow(bookingId)).toEqual(cancelled);
    expect(await db.selectFrom("outbox").selectAll().orderBy("id").execute()).toEqual(withdrawn);
  });

  it("cancels once when the person presses twice and the specialist cancels at the same moment", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const results = await Promise.all([
      cancelBooking(db, 1, bookingId, NOW),
      cancelBooking(db, 1, bookingId, NOW),
      cancelBookingByStaff(db, { bookingId, specialistId: psychologist.id }, NOW),
    ]);
    const row = await bookingRow(bookingId);
    // Whoever came first cancelled it; the person's second press finds it cancelled by them, or
    // all later ones find it no longer active.
    const expected =
      row.cancelled_by === "user"
        ? [{ kind: "cancelled" }, { kind: "cancelled" }, { kind: "not-active" }]
        : [{ kind: "not-active" }, { kind: "not-active" }, { kind: "cancelled" }];
    expect(results).toEqual(expected);
    expect(row).toMatchObject({ status: "cancelled", calendar_sequence: 1 });
    const told = (await outboxOf(bookingId)).filter((o) => ["staff_booking_cancelled", "booking_cancelled_by_staff"].includes(o.kind));
    expect(told.map((o) => o.kind)).toEqual([row.cancelled_by === "user" ? "staff_booking_cancelled" : "booking_cancelled_by_staff"]);
  });

  it("leaves a booking the specialist cancelled as it is, for its person", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const specialistId = (await bookingRow(bookingId)).specialist_id;
    expect(await cancelBookingByStaff(db, { bookingId, specialistId }, NOW)).toEqual({ kind: "cancelled" });
    expect(await cancelBooking(db, 1, bookingId, NOW)).toEqual({ kind: "not-active" });
  });
});

describe("cancelBookingByStaff", () => {
  it("frees the slot, withdraws pending messages and tells the person at once, calendar revision up", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const later = new Date("2026-11-23T06:00:00Z");

    expect(await cancelBookingByStaff(db, { bookingId, specialistId: psychologist.id }, later)).toEqual({ kind: "cancelled" });

    expect(await bookingRow(bookingId)).toMatchObject({
      status: "cancelled",
      cancelled_by: "specialist",
      calendar_sequence: 1,
      updated_at: later.toISOString(),
    });
    const outbox = await outboxOf(bookingId);
    // The reminders, the feedback request and the specialist's "new booking" are withdrawn; the
    // specialist, who cancelled, is not told about it.
    const toPerson = ["booking_cancelled_by_staff", "booking_calendar_cancelled"];
    expect(outbox.filter((o) => !toPerson.includes(o.kind)).map((o) => o.state)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    // The text, then the file that takes the event out of their calendar, due together.
    const told = outbox.filter((o) => toPerson.includes(o.kind)).sort((a, b) => a.id - b.id);
    expect(told.map((o) => o.kind)).toEqual(toPerson);
    for (const o of told) {
      expect(o).toMatchObject({
        recipient_id: 1,
        state: "pending",
        due_at: later.toISOString(),
        expires_at: TUE_10.toISOString(),
        payload: JSON.stringify({ bookingId }),
        essential: 1,
        urgent: 1,
      });
    }
    expect((await bookSlot(db, request(2), POLICY, later)).kind).toBe("booked");
  });

  it("changes nothing for another specialist's booking, a cancelled one or a started one", async () => {
    const { bookingId } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    expect(await cancelBookingByStaff(db, { bookingId, specialistId: unlinked.id }, NOW)).toEqual({ kind: "not-found" });
    expect(await cancelBookingByStaff(db, { bookingId: 99_999, specialistId: psychologist.id }, NOW)).toEqual({ kind: "not-found" });
    expect(await cancelBookingByStaff(db, { bookingId, specialistId: psychologist.id }, TUE_10)).toEqual({ kind: "not-active" });
    expect((await bookingRow(bookingId)).status).toBe("confirmed");

    expect(await cancelBookingByStaff(db, { bookingId, specialistId: psychologist.id }, NOW)).toEqual({ kind: "cancelled" });
    expect(await cancelBookingByStaff(db, { bookingId, specialistId: psychologist.id }, NOW)).toEqual({ kind: "not-active" });
    const queued = (await outboxOf(bookingId)).filter((o) => o.state === "pending").map((o) => o.kind);
    expect(queued.sort()).toEqual(["booking_calendar_cancelled", "booking_cancelled_by_staff"]);
  });
});

describe("rescheduleBooking", () => {
  it("secures the new slot and releases the old one in one step", async () => {
    const { bookingId: oldId } = (await bookSlot(db, { ...request(1), mode: "online", topic: "сон" }, POLICY, NOW)) as { bookingId: number };
    const WED_10_50 = new Date("2026-11-25T05:50:00Z");

    const result = await rescheduleBooking(db, { userId: 1, bookingId: oldId, specialistId: psychologist.id, startsAt: WED_10_50 }, POLICY, NOW);

    expect(result.kind).toBe("rescheduled");
    const newId = (result as { bookingId: number }).bookingId;
    expect(await bookingRow(oldId)).toMatchObject({ status: "rescheduled", replaced_by: newId });
    expect(await bookingRow(newId)).toMatchObject({
      status: "confirmed",
      user_id: 1,
      starts_at: WED_10_50.toISOString(),
      ends_at: "2026-11-25T06:40:00.000Z",
      mode: "online",
      topic: "сон",
    });
    const oldOutbox = await outboxOf(oldId);
    expect(oldOutbox.filter((o) => o.kind.startsWith("booking_")).every((o) => o.state === "cancelled")).toBe(true);
    expect(oldOutbox.map((o) => o.kind)).toContain("staff_booking_cancelled");
    expect((await outboxOf(newId)).map((o) => [o.kind, o.state])).toEqual([
      ["booking_reminder", "pending"],
      ["booking_reminder", "pending"],
      ["booking_feedback", "pending"],
      ["staff_booking_new", "pending"],
    ]);
    // The old time is free again.
    expect((await bookSlot(db, request(2), POLICY, NOW)).kind).toBe("booked");
  });

  it("changes nothing when the new slot is taken, or the booking is not the person's", async () => {
    const { bookingId: mine } = (await bookSlot(db, request(1), POLICY, NOW)) as { bookingId: number };
    const WED_10 = new Date("2026-11-25T05:00:00Z");
    await bookSlot(db, request(2, WED_10), POLICY, NOW);
    const before = await db.selectFrom("outbox").selectAll().orderBy("id").execute();

    expect(await rescheduleBooking(db, { userId: 1, bookingId: mine, specialistId: psychologist.id, startsAt: WED_10 }, POLICY, NOW)).toEqual({ kind: "taken" });
    expect(await rescheduleBooking(db, { userId: 3, bookingId: mine, specialistId: psychologist.id, startsAt: TUE_10_50 }, POLICY, NOW)).toEqual({ kind: "not-found" });
    // Another service's specialist cannot take a psychologist booking.
    expect(
      await rescheduleBooking(db, { userId: 1, bookingId: mine, specialistId: unlinked.id, startsAt: new Date("2026-11-24T05:45:00Z") }, POLICY, NOW),
    ).toEqual({ kind: "taken" });

    expect(await bookingRow(mine)).toMatchObject({ status: "confirmed", replaced_by: null, starts_at: TUE_10.toISOString() });
    expect(await db.selectFrom("outbox").selectAll().orderBy("id").execute()).toEqual(before);
    expect(await liveBookings()).toHaveLength(2);
  });
});

describe("listOwnBookings", () => {
  it("splits upcoming from the latest ten others, leaving out moved ones", async () => {
    const at = (iso: string, status: "confirmed" | "cancelled" | "attended" | "no_show" | "rescheduled", userId = 1) =>
      insertBooking(db, { specialist: psychologist, userId, startsAt: iso, endsAt: new Date(new Date(iso).getTime() + 50 * 60_000).toISOString(), status });
    const upcomingLater = await at("2026-11-26T05:00:00Z", "confirmed");
    const upcomingSoon = await at("2026-11-24T05:00:00Z", "confirmed");
    const cancelledAhead = await at("2026-11-25T05:00:00Z", "cancelled");
    await at("2026-11-25T05:50:00Z", "rescheduled");
    const pastIds: number[] = [];
    for (let day = 1; day <= 11; day++) pastIds.push(await at(`2026-11-${String(day).padStart(2, "0")}T05:00:00Z`, "attended"));
    await at("2026-11-27T05:00:00Z", "confirmed", 2);

    const { upcoming, past } = await listOwnBookings(db, 1, NOW);

    expect(upcoming.map((b) => b.id)).toEqual([upcomingSoon, upcomingLater]);
    expect(upcoming[0]).toMatchObject({ district: "medeu", name_ru: "Центр medeu-1" });
    // Newest first: the cancelled future one, then 11 Nov back to 3 Nov (ten in all).
    expect(past.map((b) => b.id)).toEqual([cancelledAhead, ...pastIds.slice(2).reverse()]);
  });
});
