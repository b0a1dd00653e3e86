import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { countUpcomingEvents, upcomingEventsPage } from "../../src/db/events.js";
import { cancelSignup, passLapsedOffers, signUp } from "../../src/db/seats.js";
import { LISTED_CATEGORIES } from "../../src/domain/events.js";
import { TestClock } from "../support/clock.js";
import { insertEvent } from "../support/events.js";
import { insertCenter } from "../support/fixtures.js";
import { itOnSqlite } from "../support/statements.js";
import { createTestDb } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let clock: TestClock;
const POLICY = { reminderMinutes: 1440 };
// Tuesday 24 November 2026, 19:00 in Almaty.
const START = new Date("2026-11-24T14:00:00Z");

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

async function signupsOf(eventId: number) {
  return db.selectFrom("event_signups").selectAll().where("event_id", "=", eventId).orderBy("id").execute();
}

async function outbox(kind: string) {
  return db.selectFrom("outbox").selectAll().where("kind", "=", kind).orderBy("id").execute();
}

describe("RSVPs to an event, on the engine tea talk uses", () => {
  it("never exceed the capacity under 30 simultaneous RSVPs; the rest wait in order", async () => {
    const event = await insertEvent(db, { centerId: "almaly-1", startsAt: START, capacity: 5 });
    const users = await people(1000, 30);
    const results = await Promise.all(users.map((userId) => signUp(db, { eventId: event, userId }, POLICY, clock.now())));
    const rows = await signupsOf(event);
    expect(rows).toHaveLength(30);
    expect(rows.slice(0, 5).every((r) => r.status === "confirmed")).toBe(true);
    expect(rows.slice(5).every((r) => r.status === "waitlisted")).toBe(true);
    expect(results.filter((r) => r.kind === "confirmed")).toHaveLength(5);
    expect(
      results
        .filter((r) => r.kind === "waitlisted")
        .map((r) => (r as { position: number }).position)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // The seats' reminders are the events' own kind, due a day before.
    const reminders = await outbox("event_reminder");
    expect(reminders.map((r) => r.recipient_id).sort()).toEqual(rows.slice(0, 5).map((r) => r.user_id).sort());
    expect(reminders.every((r) => r.due_at === "2026-11-23T14:00:00.000Z" && r.expires_at === START.toISOString())).toBe(true);
    expect(await outbox("teatalk_reminder")).toEqual([]);
  });

  it("seat everyone at an event without a limit", async () => {
    const event = await insertEvent(db, { startsAt: START, capacity: null, category: "festival" });
    const users = await people(2000, 30);
    await Promise.all(users.map((userId) => signUp(db, { eventId: event, userId }, POLICY, clock.now())));
    expect((await signupsOf(event)).map((r) => r.status)).toEqual(Array(30).fill("confirmed"));
  });

  it("give one offer per freed seat under two simultaneous cancellations, never two people on one seat", async () => {
    const event = await insertEvent(db, { centerId: "almaly-1", startsAt: START, capacity: 3 });
    const users = await people(100, 6);
    for (const userId of users) await signUp(db, { eventId: event, userId }, POLICY, clock.now());
    const [a, b] = await signupsOf(event);
    const results = await Promise.all([
      cancelSignup(db, { signupId: a!.id, userId: a!.user_id! }, clock.now()),
      cancelSignup(db, { signupId: b!.id, userId: b!.user_id! }, clock.now()),
    ]);
    expect(results.map((r) => r.kind)).toEqual(["cancelled", "cancelled"]);
    expect((await signupsOf(event)).map((s) => s.status)).toEqual(["cancelled", "cancelled", "confirmed", "offered", "offered", "waitlisted"]);
    const offers = await outbox("event_offer");
    expect(offers.map((o) => o.recipient_id)).toEqual([users[3], users[4]]);
    expect(offers.map((o) => o.dedupe_key)).toEqual((await signupsOf(event)).filter((s) => s.status === "offered").map((s) => `event_offer:${s.id}`));
    expect(await outbox("teatalk_offer")).toEqual([]);
    // The lapsed offers pass on: one seat each to the last in line.
    clock.advance(3 * 3_600_000);
    expect(await passLapsedOffers(db, clock.now())).toBe(2);
    expect((await signupsOf(event)).map((s) => s.status)).toEqual(["cancelled", "cancelled", "confirmed", "cancelled", "cancelled", "offered"]);
  });

  it("do not count as appointments: an RSVP overlapping a tea-talk session is taken, and the session too", async () => {
    const [person] = await people(300, 1);
    const session = await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START });
    const festival = await insertEvent(db, { startsAt: START, capacity: null, category: "festival" });
    expect(await signUp(db, { eventId: festival, userId: person! }, POLICY, clock.now())).toMatchObject({ kind: "confirmed" });
    expect(await signUp(db, { eventId: session, userId: person! }, POLICY, clock.now())).toMatchObject({ kind: "confirmed" });
  });
});

describe("the events list", () => {
  itOnSqlite("reads upcoming events of the chosen kinds through the index on their start", async () => {
    const from = clock.now();
    const to = new Date(from.getTime() + 30 * 86_400_000);
    await insertEvent(db, { centerId: "almaly-1", startsAt: START });
    await insertTeaTalkSession(db, { centerId: "almaly-1", startsAt: START });
    const filter = { categories: LISTED_CATEGORIES, from, to };
    expect(await countUpcomingEvents(db, filter)).toBe(1);
    expect((await upcomingEventsPage(db, filter, 0, 6)).items.map((e) => e.category)).toEqual(["concert"]);

    const compiled = db
      .selectFrom("events as e")
      .select("e.id")
      .where("e.status", "=", "scheduled")
      .where("e.category", "in", LISTED_CATEGORIES)
      .where("e.starts_at", ">=", from.toISOString())
      .where("e.starts_at", "<", to.toISOString())
      .orderBy("e.starts_at")
      .limit(6)
      .compile();
    const plan = await db.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}` });
    expect(plan.rows.map((r) => r.detail).join(" ")).toMatch(/SEARCH e USING INDEX events_(upcoming|category)/);
  });
});
