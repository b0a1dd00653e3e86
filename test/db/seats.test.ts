import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { seedTeaTalkDemo } from "../../src/db/seed/teatalk.js";
import { listUpcomingEvents } from "../../src/db/events.js";
import { hostEvents } from "../../src/db/organisers.js";
import { acceptOffer, cancelSignup, declineOffer, markParticipant, passLapsedOffers, signUp, type SignUpResult } from "../../src/db/seats.js";
import { eraseUserData, exportUserData } from "../../src/db/user-data.js";
import { OFFER_HOLD_MINUTES } from "../../src/domain/seats.js";
import { TEATALK_LEVELS, TEATALK_LIST_DAYS } from "../../src/domain/teatalk.js";
import { addDays, localDateOf } from "../../src/domain/time.js";
import { TestClock } from "../support/clock.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createTestDb } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let clock: TestClock;
const POLICY = { reminderMinutes: 180 };
const MINUTE = 60_000;
/** Tuesday 24 November 2026, 18:30 in Almaty. */
const START = new Date("2026-11-24T13:30:00Z");

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  // Monday 23 November 2026, 09:00 in Almaty.
  clock = new TestClock("2026-11-23T04:00:00Z");
  await insertCenter(db, { id: "almaly-1", district: "almaly" });
});
afterEach(async () => {
  await store.cleanup();
});

async function people(from: number, count: number): Promise<number[]> {
  const ids = Array.from({ length: count }, (_, i) => from + i);
  for (const id of ids) await registerUser(db, id, { name: `Человек ${id}` });
  return ids;
}

async function signupsOf(sessionId: number) {
  return db.selectFrom("event_signups").selectAll().where("event_id", "=", sessionId).orderBy("id").execute();
}

async function statusOf(sessionId: number, userId: number): Promise<string[]> {
  return (await signupsOf(sessionId)).filter((s) => s.user_id === userId).map((s) => s.status);
}

async function outbox(kind: string) {
  return db.selectFrom("outbox").selectAll().where("kind", "=", kind).orderBy("id").execute();
}

async function seatsTaken(sessionId: number): Promise<number> {
  return (await signupsOf(sessionId)).filter((s) => s.status === "confirmed" || s.status === "offered").length;
}

/** A session of `capacity` with `confirmed` people in it and `waiting` more in line, signed up in that order. */
async function fullSession(capacity: number, waiting: number) {
  const sessionId = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, capacity });
  const confirmed = await people(100, capacity);
  const waitlist = await people(200, waiting);
  for (const userId of [...confirmed, ...waitlist]) await signUp(db, { eventId: sessionId, userId }, POLICY, clock.now());
  return { sessionId, confirmed, waitlist };
}

describe("signing up under concurrency", () => {
  it("gives exactly the capacity in seats to 30 simultaneous sign-ups and puts the rest in line, in order", async () => {
    const sessionId = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, capacity: 5 });
    const users = await people(1000, 30);
    const results = await Promise.all(users.map((userId) => signUp(db, { eventId: sessionId, userId }, POLICY, clock.now())));

    const rows = await signupsOf(sessionId);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(5);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(25);
    expect(await seatsTaken(sessionId)).toBeLessThanOrEqual(5);
    // Whoever got in first has a seat; the line is the order of signing up.
    expect(rows.slice(0, 5).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(5).every((r) => r.status === "waitlisted")).toBe(true);

    const byId = new Map(results.map((r) => [(r as { signupId: number }).signupId, r]));
    expect(results.filter((r) => r.kind === "confirmed")).toHaveLength(5);
    const waitlisted = rows.slice(5).map((r) => byId.get(r.id) as Extract<SignUpResult, { kind: "waitlisted" }>);
    expect(waitlisted.map((r) => r.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));

    // Only the seats got reminders, in the same transactions.
    const reminders = await outbox("teatalk_reminder");
    expect(reminders.map((r) => r.recipient_id).sort()).toEqual(rows.slice(0, 5).map((r) => r.user_id).sort());
  });

  it("signs a person up once, however often they press at once", async () => {
    const sessionId = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, capacity: 5 });
    await people(1, 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => signUp(db, { eventId: sessionId, userId: 1 }, POLICY, clock.now())));
    expect(results.filter((r) => r.kind === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => r.kind === "already").map((r) => (r as { status: string }).status)).toEqual(Array(4).fill("confirmed"));
    expect(await signupsOf(sessionId)).toHaveLength(1);
  });

  it("makes one live sign-up per person and the capacity rules of the database itself", async () => {
    const { sessionId } = await fullSession(2, 0);
    const at = clock.now().toISOString();
    const row = (userId: number, status: "confirmed" | "waitlisted" | "cancelled") => ({
      event_id: sessionId,
      user_id: userId,
      status,
      offer_expires_at: null,
      created_at: at,
      updated_at: at,
    });
    await expect(db.insertInto("event_signups").values(row(100, "waitlisted")).execute()).rejects.toThrow(/unique/i);
    await people(300, 1);
    await expect(db.insertInto("event_signups").values(row(300, "confirmed")).execute()).rejects.toThrow(/event full/);
    await db.insertInto("event_signups").values(row(300, "waitlisted")).execute();
    await expect(db.updateTable("event_signups").set({ status: "confirmed" }).where("user_id", "=", 300).execute()).rejects.toThrow(
      /event full/,
    );
    // Cancelled ones do not count: a person may sign up again after cancelling.
    await db.updateTable("event_signups").set({ status: "cancelled" }).where("user_id", "in", [100, 300]).execute();
    await db.insertInto("event_signups").values(row(100, "cancelled")).execute();
    expect(await signUp(db, { eventId: sessionId, userId: 100 }, POLICY, clock.now())).toMatchObject({ kind: "confirmed" });
  });

  it("refuses unknown, cancelled and past sessions and the last hour before one", async () => {
    await people(1, 1);
    const cancelled = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, status: "cancelled" });
    const past = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: new Date(clock.now().getTime() - 60 * MINUTE) });
    const soon = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: new Date(clock.now().getTime() + 59 * MINUTE) });
    expect(await signUp(db, { eventId: 9999, userId: 1 }, POLICY, clock.now())).toEqual({ kind: "not-found" });
    for (const sessionId of [cancelled, past, soon]) {
      expect(await signUp(db, { eventId: sessionId, userId: 1 }, POLICY, clock.now())).toEqual({ kind: "closed" });
    }
    expect(await db.selectFrom("event_signups").selectAll().execute()).toEqual([]);
  });
});

describe("overlapping appointments", () => {
  it("refuses a session at the time of another the person waits for, and of a consultation", async () => {
    const [person] = await people(1, 1);
    // Two sessions on Tuesday at 18:30; the first is full, so the person waits in its line.
    const { sessionId: full } = await fullSession(1, 0);
    const other = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, capacity: 5 });
    const waiting = await signUp(db, { eventId: full, userId: person! }, POLICY, clock.now());
    expect(waiting).toMatchObject({ kind: "waitlisted" });

    expect(await signUp(db, { eventId: other, userId: person! }, POLICY, clock.now())).toEqual({
      kind: "overlap",
      clash: { kind: "teatalk", id: (waiting as { signupId: number }).signupId, startsAt: START.toISOString(), endsAt: "2026-11-24T15:00:00.000Z" },
    });
    expect(await statusOf(other, person!)).toEqual([]);

    // Once the person leaves the line, the other session is open to them; a session ending as it begins never clashed.
    const before = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: new Date(START.getTime() - 90 * MINUTE) });
    expect(await signUp(db, { eventId: before, userId: person! }, POLICY, clock.now())).toMatchObject({ kind: "confirmed" });
    await cancelSignup(db, { signupId: (waiting as { signupId: number }).signupId, userId: person! }, clock.now());
    expect(await signUp(db, { eventId: other, userId: person! }, POLICY, clock.now())).toMatchObject({ kind: "confirmed" });

    // A consultation in the middle of a third session's time.
    const specialist = await insertSpecialist(db, { centerId: "almaly-1", service: "lawyer" });
    const third = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: "2026-11-25T13:30:00Z" });
    const bookingId = await insertBooking(db, { specialist, userId: person!, startsAt: "2026-11-25T14:00:00Z", endsAt: "2026-11-25T15:00:00Z" });
    expect(await signUp(db, { eventId: third, userId: person! }, POLICY, clock.now())).toEqual({
      kind: "overlap",
      clash: { kind: "consultation", id: bookingId, service: "lawyer", startsAt: "2026-11-25T14:00:00.000Z", endsAt: "2026-11-25T15:00:00.000Z" },
    });
    expect(await statusOf(third, person!)).toEqual([]);
  });
});

describe("cancelling and the waitlist", () => {
  it("two simultaneous cancellations make exactly two offers, to the first two in line", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(3, 3);
    const now = clock.now();
    const results = await Promise.all(
      confirmed.slice(0, 2).map((userId, i) => cancelSignup(db, { signupId: i + 1, userId }, now)),
    );
    expect(results.map((r) => r.kind)).toEqual(["cancelled", "cancelled"]);

    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["offered"]);
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["offered"]);
    expect(await statusOf(sessionId, waitlist[2]!)).toEqual(["waitlisted"]);
    expect(await seatsTaken(sessionId)).toBe(3);

    const deadline = new Date(now.getTime() + OFFER_HOLD_MINUTES * MINUTE).toISOString();
    const offers = await outbox("teatalk_offer");
    expect(offers.map((o) => [o.recipient_id, o.due_at, o.expires_at, o.essential, o.urgent, o.state])).toEqual([
      [waitlist[0], now.toISOString(), deadline, 1, 1, "pending"],
      [waitlist[1], now.toISOString(), deadline, 1, 1, "pending"],
    ]);
    const offered = (await signupsOf(sessionId)).filter((s) => s.status === "offered");
    expect(offered.map((s) => s.offer_expires_at)).toEqual([deadline, deadline]);
    expect(offers.map((o) => JSON.parse(o.payload).signupId)).toEqual(offered.map((s) => s.id));

    // The cancelled seats' reminders are withdrawn with them.
    const reminders = await outbox("teatalk_reminder");
    expect(reminders.filter((r) => confirmed.slice(0, 2).includes(r.recipient_id)).map((r) => r.state)).toEqual(["cancelled", "cancelled"]);
    expect(reminders.filter((r) => r.recipient_id === confirmed[2]).map((r) => r.state)).toEqual(["pending"]);
  });

  it("a cancelled place in line frees no seat, and someone else's or a past sign-up is not cancelled", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(2, 2);
    const [first, second] = await signupsOf(sessionId);
    expect(await cancelSignup(db, { signupId: first!.id, userId: waitlist[0]! }, clock.now())).toEqual({ kind: "not-found" });
    expect(await statusOf(sessionId, confirmed[0]!)).toEqual(["confirmed"]);

    const waitingId = (await signupsOf(sessionId)).find((s) => s.user_id === waitlist[0])!.id;
    expect(await cancelSignup(db, { signupId: waitingId, userId: waitlist[0]! }, clock.now())).toMatchObject({ kind: "cancelled" });
    expect(await outbox("teatalk_offer")).toEqual([]);
    // The line moves up: the second in line is now first.
    expect(await cancelSignup(db, { signupId: waitingId, userId: waitlist[0]! }, clock.now())).toEqual({ kind: "not-active" });

    clock.set(START);
    expect(await cancelSignup(db, { signupId: second!.id, userId: confirmed[1]! }, clock.now())).toEqual({ kind: "not-active" });
  });

  it("passes a lapsed offer to the next in line, and a late accept hears it has expired", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(2, 2);
    await cancelSignup(db, { signupId: 1, userId: confirmed[0]! }, clock.now());
    const offer = (await signupsOf(sessionId)).find((s) => s.user_id === waitlist[0])!;
    expect(offer.status).toBe("offered");

    clock.advance((OFFER_HOLD_MINUTES - 1) * MINUTE);
    expect(await passLapsedOffers(db, clock.now())).toBe(0);
    clock.advance(MINUTE);
    expect(await passLapsedOffers(db, clock.now())).toBe(1);
    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["cancelled"]);
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["offered"]);
    expect(await seatsTaken(sessionId)).toBe(2);
    expect((await outbox("teatalk_offer")).map((o) => [o.recipient_id, o.state])).toEqual([
      [waitlist[0], "cancelled"],
      [waitlist[1], "pending"],
    ]);

    expect(await acceptOffer(db, { signupId: offer.id, userId: waitlist[0]! }, POLICY, clock.now())).toEqual({ kind: "expired" });
    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["cancelled"]);
    // A second sweep finds nothing new.
    expect(await passLapsedOffers(db, clock.now())).toBe(0);
  });

  it("a seat freed at night is offered in the morning, so the line does not run out while people sleep", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(1, 3);
    clock.set("2026-11-23T18:00:00Z"); // Monday 23:00 in Almaty
    await cancelSignup(db, { signupId: 1, userId: confirmed[0]! }, clock.now());
    const [offer] = await outbox("teatalk_offer");
    expect(offer).toMatchObject({ recipient_id: waitlist[0], due_at: "2026-11-24T04:00:00.000Z", expires_at: "2026-11-24T06:00:00.000Z" });

    for (const hours of [2, 4, 6]) {
      clock.set(new Date(Date.parse("2026-11-23T18:00:00Z") + hours * 60 * MINUTE));
      expect(await passLapsedOffers(db, clock.now())).toBe(0);
    }
    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["offered"]);
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["waitlisted"]);
  });

  it("an accept after the deadline but before the sweep is refused and passes the seat on at once", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(1, 2);
    await cancelSignup(db, { signupId: 1, userId: confirmed[0]! }, clock.now());
    const offer = (await signupsOf(sessionId)).find((s) => s.user_id === waitlist[0])!;
    clock.advance(OFFER_HOLD_MINUTES * MINUTE);
    expect(await acceptOffer(db, { signupId: offer.id, userId: waitlist[0]! }, POLICY, clock.now())).toEqual({ kind: "expired" });
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["offered"]);
    expect(await seatsTaken(sessionId)).toBe(1);
  });

  it("an accepted offer becomes a seat with its reminder; a declined one goes to the next in line", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(2, 3);
    await cancelSignup(db, { signupId: 1, userId: confirmed[0]! }, clock.now());
    await cancelSignup(db, { signupId: 2, userId: confirmed[1]! }, clock.now());
    const [a, b] = (await signupsOf(sessionId)).filter((s) => s.status === "offered");

    // Nobody answers someone else's offer.
    expect(await acceptOffer(db, { signupId: a!.id, userId: waitlist[2]! }, POLICY, clock.now())).toEqual({ kind: "not-found" });
    expect(await declineOffer(db, { signupId: a!.id, userId: waitlist[1]! }, clock.now())).toEqual({ kind: "not-found" });

    clock.advance(30 * MINUTE);
    expect(await acceptOffer(db, { signupId: a!.id, userId: waitlist[0]! }, POLICY, clock.now())).toEqual({ kind: "confirmed" });
    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["confirmed"]);
    expect(await acceptOffer(db, { signupId: a!.id, userId: waitlist[0]! }, POLICY, clock.now())).toEqual({ kind: "already-confirmed" });
    const reminder = (await outbox("teatalk_reminder")).find((r) => r.recipient_id === waitlist[0]);
    expect(reminder).toMatchObject({ due_at: new Date(START.getTime() - 180 * MINUTE).toISOString(), expires_at: START.toISOString(), state: "pending" });
    expect((await outbox("teatalk_offer")).find((o) => o.recipient_id === waitlist[0])?.state).toBe("cancelled");

    expect(await declineOffer(db, { signupId: b!.id, userId: waitlist[1]! }, clock.now())).toEqual({ kind: "declined" });
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["cancelled"]);
    expect(await statusOf(sessionId, waitlist[2]!)).toEqual(["offered"]);
    expect(await declineOffer(db, { signupId: b!.id, userId: waitlist[1]! }, clock.now())).toEqual({ kind: "not-offered" });
    expect(await seatsTaken(sessionId)).toBe(2);
  });

  it("holds an offer no later than an hour before the start, and offers nothing after that", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(2, 2);
    clock.set(new Date(START.getTime() - 150 * MINUTE));
    await cancelSignup(db, { signupId: 1, userId: confirmed[0]! }, clock.now());
    const offered = (await signupsOf(sessionId)).find((s) => s.user_id === waitlist[0])!;
    expect(offered.offer_expires_at).toBe(new Date(START.getTime() - 60 * MINUTE).toISOString());

    clock.set(new Date(START.getTime() - 30 * MINUTE));
    await cancelSignup(db, { signupId: 2, userId: confirmed[1]! }, clock.now());
    expect(await passLapsedOffers(db, clock.now())).toBe(1);
    expect(await statusOf(sessionId, waitlist[1]!)).toEqual(["waitlisted"]);
    expect(await seatsTaken(sessionId)).toBe(0);
    expect((await outbox("teatalk_offer")).map((o) => o.recipient_id)).toEqual([waitlist[0]]);
  });
});

describe("reminders", () => {
  it("are planned with the sign-up at the configured time, never in the past, and cancelled with it", async () => {
    const sessionId = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, capacity: 5 });
    const [early, late, custom] = await people(1, 3);
    const first = await signUp(db, { eventId: sessionId, userId: early! }, POLICY, clock.now());
    await signUp(db, { eventId: sessionId, userId: custom! }, { reminderMinutes: 45 }, clock.now());
    clock.set(new Date(START.getTime() - 120 * MINUTE));
    await signUp(db, { eventId: sessionId, userId: late! }, POLICY, clock.now());

    const rows = await outbox("teatalk_reminder");
    expect(rows.map((r) => [r.recipient_id, r.due_at, r.expires_at, r.essential, r.state])).toEqual([
      [early, new Date(START.getTime() - 180 * MINUTE).toISOString(), START.toISOString(), 1, "pending"],
      [custom, new Date(START.getTime() - 45 * MINUTE).toISOString(), START.toISOString(), 1, "pending"],
    ]);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ signupId: (first as { signupId: number }).signupId });

    await cancelSignup(db, { signupId: (first as { signupId: number }).signupId, userId: early! }, clock.now());
    expect((await outbox("teatalk_reminder")).map((r) => r.state)).toEqual(["cancelled", "pending"]);
  });
});

describe("the host's marks", () => {
  it("only the host marks, after the start, once per participant", async () => {
    const specialist = await insertSpecialist(db, { centerId: "almaly-1", service: "career", telegramId: 7001 });
    const byName = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, hostTelegramId: 7002 });
    // The session before, ending as the other begins: one person can be at both.
    const bySpecialist = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: new Date(START.getTime() - 90 * MINUTE), hostSpecialistId: specialist.id });
    const [person] = await people(1, 1);
    const a = (await signUp(db, { eventId: byName, userId: person! }, POLICY, clock.now())) as { signupId: number };
    const b = (await signUp(db, { eventId: bySpecialist, userId: person! }, POLICY, clock.now())) as { signupId: number };

    expect(await markParticipant(db, { signupId: a.signupId, hostTelegramId: 7002, status: "attended" }, clock.now())).toEqual({ kind: "not-started" });
    clock.set(START);
    expect(await markParticipant(db, { signupId: a.signupId, hostTelegramId: 7001, status: "attended" }, clock.now())).toEqual({ kind: "not-found" });
    expect(await markParticipant(db, { signupId: a.signupId, hostTelegramId: 7002, status: "attended" }, clock.now())).toEqual({ kind: "marked", name: "Человек 1" });
    expect(await markParticipant(db, { signupId: a.signupId, hostTelegramId: 7002, status: "no_show" }, clock.now())).toEqual({ kind: "already-marked", status: "attended" });
    // A specialist host is found by their own linked account.
    expect(await markParticipant(db, { signupId: b.signupId, hostTelegramId: 7001, status: "no_show" }, clock.now())).toMatchObject({ kind: "marked" });
    expect((await signupsOf(byName))[0]!.status).toBe("attended");
    expect((await signupsOf(bySpecialist))[0]!.status).toBe("no_show");
  });

  it("a deactivated specialist no longer sees or marks the sessions they hosted", async () => {
    const specialist = await insertSpecialist(db, { centerId: "almaly-1", service: "career", telegramId: 7001 });
    const session = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START, hostSpecialistId: specialist.id });
    const [person] = await people(1, 1);
    const signup = (await signUp(db, { eventId: session, userId: person! }, POLICY, clock.now())) as { signupId: number };
    const day = { from: new Date(START.getTime() - 60 * MINUTE), to: new Date(START.getTime() + 60 * MINUTE) };
    expect((await hostEvents(db, 7001, day.from, day.to)).map((s) => s.id)).toEqual([session]);

    await db.updateTable("specialists").set({ active: 0 }).where("id", "=", specialist.id).execute();
    clock.set(START);
    expect(await hostEvents(db, 7001, day.from, day.to)).toEqual([]);
    expect(await markParticipant(db, { signupId: signup.signupId, hostTelegramId: 7001, status: "attended" }, clock.now())).toEqual({ kind: "not-found" });
  });
});

describe("the person's data", () => {
  it("/mydata lists their sign-ups; /deleteme cancels upcoming ones, moves the line and unlinks the rest", async () => {
    const { sessionId, confirmed, waitlist } = await fullSession(1, 1);
    const past = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: new Date(clock.now().getTime() + 2 * 60 * MINUTE) });
    const person = confirmed[0]!;
    await signUp(db, { eventId: past, userId: person }, POLICY, clock.now());
    clock.set(new Date(clock.now().getTime() + 3 * 60 * MINUTE));

    const data = await exportUserData(db, person);
    expect((data!.event_signups as { event_id: number; status: string }[]).map((s) => [s.event_id, s.status])).toEqual([
      [past, "confirmed"],
      [sessionId, "confirmed"],
    ]);

    await eraseUserData(db, person, clock.now());
    const rows = await db.selectFrom("event_signups").selectAll().orderBy("id").execute();
    expect(rows.filter((r) => r.user_id === person)).toEqual([]);
    expect(rows.filter((r) => r.user_id === null).map((r) => [r.event_id, r.status])).toEqual([
      [sessionId, "cancelled"],
      [past, "confirmed"],
    ]);
    expect(await statusOf(sessionId, waitlist[0]!)).toEqual(["offered"]);
    expect((await outbox("teatalk_offer")).map((o) => o.recipient_id)).toEqual([waitlist[0]]);
  });
});

describe("demo sessions", () => {
  it("fill the coming two weeks in several centers with all three levels, once", async () => {
    await seedCatalog(db);
    const added = await seedTeaTalkDemo(db, clock.now());
    expect(added).toBeGreaterThan(0);
    const now = clock.now();
    const to = new Date(now.getTime() + TEATALK_LIST_DAYS * 24 * 60 * MINUTE);
    const sessions = await listUpcomingEvents(db, { categories: ["teatalk"], from: now, to });
    expect(sessions).toHaveLength(added);
    expect(new Set(sessions.map((s) => s.level))).toEqual(new Set(TEATALK_LEVELS));
    expect(new Set(sessions.map((s) => s.center_id)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(sessions.map((s) => s.district)).size).toBeGreaterThanOrEqual(4);
    const lastDay = addDays(localDateOf(clock.now()), TEATALK_LIST_DAYS);
    for (const s of sessions) {
      expect(localDateOf(new Date(s.starts_at)) <= lastDay).toBe(true);
      expect(s.title_kk).not.toBe(s.title_ru);
      expect(s.host_display_name).toMatch(/\(демо\)$/);
      expect(s).toMatchObject({ demo: 1, status: "scheduled", taken: 0, waiting: 0 });
    }
    expect(await seedTeaTalkDemo(db, clock.now())).toBe(0);
    expect(await db.selectFrom("events").select("id").execute()).toHaveLength(added);
  });
});
