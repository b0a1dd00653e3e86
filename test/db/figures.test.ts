import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildReport, type ReportCode } from "../../src/bot/features/figures/reports.js";
import { createEvent } from "../../src/db/events.js";
import type { FigureScope } from "../../src/db/figures.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import type { SignupStatus } from "../../src/domain/seats.js";
import { insertEvent } from "../support/events.js";
import { insertBooking, insertSpecialist } from "../support/fixtures.js";
import { createTestDb, type TestDb } from "../support/harness.js";
import { itOnSqlite, queryPlan, scannedTables, StatementLog } from "../support/statements.js";
import { registerUser } from "../support/users.js";

/** Wednesday 2 December 2026, 10:00 in Almaty. */
const NOW = new Date("2026-12-02T05:00:00Z");

let store: TestDb;
let statements: StatementLog;

beforeEach(async () => {
  statements = new StatementLog();
  store = await createTestDb({ log: statements.log });
  await seedCatalog(store.db);
});
afterEach(async () => {
  await store.cleanup();
});

/** A report's shown figures by section and row: counts, "< 10" (small) or "*" (guard). */
async function figures(report: ReportCode, centers: FigureScope = null): Promise<Record<string, Record<string, (number | string)[]>>> {
  const sheet = await buildReport(store.db, centers, report, NOW);
  const shown = sheet.shown().map((v) => (v === "small" ? "< 10" : v === "guard" ? "*" : v));
  return Object.fromEntries(sheet.sections.map((s) => [s.key, Object.fromEntries(s.rows.map((r) => [r.key, r.cells.map((c) => shown[c]!)]))]));
}

let nextHour = 0;
async function scored(centerId: string, service: "career" | "psychologist", scores: number[]) {
  const specialist = await insertSpecialist(store.db, { centerId, service });
  for (const score of scores) {
    const start = new Date(new Date("2026-04-01T04:00:00Z").getTime() + nextHour++ * 3_600_000);
    const id = await insertBooking(store.db, { specialist, userId: null, startsAt: start.toISOString(), endsAt: start.toISOString(), status: "attended" });
    await store.db.updateTable("bookings").set({ feedback_score: score }).where("id", "=", id).execute();
  }
}

async function signups(eventId: number, status: SignupStatus, count: number) {
  for (let i = 0; i < count; i++) {
    await store.db.insertInto("event_signups").values({ event_id: eventId, user_id: null, status, offer_expires_at: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString() }).execute();
  }
}

describe("the city's figures, counted by hand", () => {
  it("feedback: how many scores and their average, the average of fewer than ten hidden", async () => {
    // Career at almaly-1: six 5s and six 4s (12, 4.5). Psychologist: three 5s (hidden).
    await scored("almaly-1", "career", [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4]);
    await scored("almaly-1", "psychologist", [5, 5, 5]);
    const city = await figures("feedback");
    expect(city.service).toEqual({
      psychologist: ["< 10", "< 10"],
      // 15 = 3 + 0 + 0 + 12 would give the psychologist's 3 away: the first zero guards it.
      lawyer: ["*", "*"],
      business: [0, 0],
      career: [12, 4.5],
      // (30 + 24 + 15) / 15 = 4.6 would give the psychologist's average (5) away, with the career's.
      total: [15, "*"],
    });
    // A center administrator: no psychologist, and totals without them.
    expect((await figures("feedback", ["almaly-1"])).service).toEqual({ business: [0, 0], career: [12, 4.5], "total-open": [12, 4.5] });
  });

  it("new sign-ups per week, Monday to Monday in Almaty", async () => {
    // This week (from Monday 30 November): 3; the week before: 12; in August: 5, outside the 12 weeks.
    for (let i = 0; i < 3; i++) await registerUser(store.db, 100 + i, { now: new Date("2026-12-01T06:00:00Z") });
    for (let i = 0; i < 11; i++) await registerUser(store.db, 200 + i, { now: new Date("2026-11-25T06:00:00Z") });
    // Sunday 29 November, 23:30 in Almaty: still the week before.
    await registerUser(store.db, 211, { now: new Date("2026-11-29T18:30:00Z") });
    for (let i = 0; i < 5; i++) await registerUser(store.db, 300 + i, { now: new Date("2026-08-01T06:00:00Z") });
    const weeks = (await figures("signups")).week!;
    expect(Object.keys(weeks)).toHaveLength(13);
    expect(weeks["2026-11-30"]).toEqual(["< 10"]);
    expect(weeks["2026-11-23"]).toEqual([12]);
    expect(weeks.total).toEqual([15]);
    // 15 − 12 would give this week's 3 away: the oldest week, with none, guards it.
    expect(weeks["2026-09-14"]).toEqual(["*"]);
    expect(weeks["2026-09-21"]).toEqual([0]);
  });

  it("events and tea-talk sessions of the year, with sign-ups and attendance", async () => {
    const concert = await insertEvent(store.db, { startsAt: "2026-03-10T12:00:00Z", category: "concert", centerId: "almaly-1", capacity: null });
    await signups(concert, "attended", 12);
    await signups(concert, "no_show", 3);
    const sport = await insertEvent(store.db, { startsAt: "2026-06-10T12:00:00Z", category: "sport", centerId: "medeu-1", capacity: null });
    await signups(sport, "attended", 10);
    await signups(sport, "confirmed", 2);
    await signups(sport, "cancelled", 4);
    await signups(sport, "waitlisted", 3);
    const called = await insertEvent(store.db, { startsAt: "2026-05-10T12:00:00Z", category: "concert", centerId: "almaly-1", status: "cancelled" });
    await signups(called, "attended", 5);
    const session = await createEvent(store.db, {
      category: "teatalk",
      level: "beginner",
      center_id: "almaly-1",
      district: "almaly",
      title_kk: "Шай",
      title_ru: "Чай",
      starts_at: "2026-11-10T12:00:00.000Z",
      ends_at: "2026-11-10T13:00:00.000Z",
      capacity: 12,
      host_name: "Айгүл",
      created_at: NOW.toISOString(),
    });
    await signups(session, "attended", 9);
    await signups(session, "no_show", 1);

    const events = (await figures("events")).category!;
    expect(events.concert).toEqual([1, 15, 12]);
    expect(events.sport).toEqual([1, 12, 10]);
    expect(events.festival).toEqual([0, 0, 0]);
    expect(events.total).toEqual([2, 27, 22]);
    expect((await figures("teatalk")).level).toEqual({ beginner: [1, 10, "< 10"], intermediate: [0, 0, 0], advanced: [0, 0, 0], total: [1, 10, "< 10"] });
    // At almaly-1 only: the concert; medeu's sport is not theirs.
    const mine = (await figures("events", ["almaly-1"])).category!;
    expect(mine.sport).toEqual([0, 0, 0]);
    expect(mine.total).toEqual([1, 15, 12]);
  });

  it("Kazakh practice: active learners, streaks of a week, words learned", async () => {
    const review = async (userId: number, at: string) => {
      await store.db
        .insertInto("practice_reviews")
        .values({ user_id: userId, item_id: `w${at}`, rating: 3, kind: "flashcard" as never, reviewed_at: at, review_number: 1 })
        .execute();
    };
    const lastWeek = ["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"];
    // 11 practise every day of the last seven (25 November – 1 December), at 10:00 in Almaty.
    for (let u = 1; u <= 11; u++) {
      await registerUser(store.db, u);
      for (const day of lastWeek) await review(u, `${day}T05:00:00.000Z`);
    }
    // One's last practice is at 23:30 on 1 December in Almaty: still a streak.
    await registerUser(store.db, 20);
    for (const day of lastWeek.slice(0, 6)) await review(20, `${day}T05:00:00.000Z`);
    await review(20, "2026-12-01T18:30:00.000Z");
    // Another's is at 00:30 on 2 December, today: no streak, though active this week.
    await registerUser(store.db, 21);
    for (const day of lastWeek.slice(0, 6)) await review(21, `${day}T05:00:00.000Z`);
    await review(21, "2026-12-01T19:30:00.000Z");
    // Two practised on 26 November only; three on 10 November only (this month, not this week).
    for (const u of [30, 31]) {
      await registerUser(store.db, u);
      await review(u, "2026-11-26T05:00:00.000Z");
    }
    for (const u of [40, 41, 42]) {
      await registerUser(store.db, u);
      await review(u, "2026-11-10T05:00:00.000Z");
    }
    // Words: 25 cards reached review, 5 are still being learned.
    for (let i = 0; i < 30; i++) {
      await store.db
        .insertInto("practice_cards")
        .values({
          user_id: 1 + (i % 11),
          item_id: `card-${i}`,
          due: NOW.toISOString(),
          stability: 1,
          difficulty: 5,
          elapsed_days: 0,
          scheduled_days: 1,
          learning_steps: 0,
          reps: 1,
          lapses: 0,
          state: i < 25 ? 2 : 1,
          last_review: null,
          introduced_at: NOW.toISOString(),
        })
        .execute();
    }
    expect((await figures("practice")).practice).toEqual({
      // 11 + 1 + 1 + 2.
      "active-week": [15],
      // and the three of 10 November.
      "active-month": [18],
      // 11 + the one at 23:30.
      "streak-week": [12],
      words: [25],
    });
  });

  it("card checks by the partner's category", async () => {
    const partner = async (category: "transport" | "sport") =>
      (await store.db.insertInto("partners").values({ name: category, category, benefit_kk: null, benefit_ru: null, created_at: NOW.toISOString() }).returning("id").executeTakeFirstOrThrow()).id;
    const check = async (partnerId: number, result: "valid" | "forged", count: number, at = "2026-10-01T06:00:00.000Z") => {
      for (let i = 0; i < count; i++) await store.db.insertInto("card_checks").values({ card_id: null, partner_id: partnerId, checked_by: 1, checked_at: at, result }).execute();
    };
    const bus = await partner("transport");
    const gym = await partner("sport");
    await check(bus, "valid", 30);
    await check(bus, "forged", 12);
    await check(gym, "valid", 15);
    await check(gym, "valid", 7, "2025-10-01T06:00:00.000Z");
    expect((await figures("cards")).partner).toEqual({ transport: [42, 30, 12], sport: [15, 15, 0], culture: [0, 0, 0], total: [57, 45, 12] });
  });
});

describe("the figures' queries", () => {
  itOnSqlite("read ranges of indexes, never a whole large table", async () => {
    await registerUser(store.db, 1);
    statements.clear();
    for (const report of ["consultations", "feedback", "reach", "signups", "events", "teatalk", "practice", "cards"] as const) {
      await buildReport(store.db, null, report, NOW);
      if (!["signups", "practice", "cards"].includes(report)) await buildReport(store.db, ["almaly-1"], report, NOW);
    }
    const scans: string[] = [];
    for (const statement of statements.statements()) {
      const plan = await queryPlan(store.db, statement);
      if (scannedTables(plan).length > 0) scans.push(...plan.filter((step) => step.startsWith("SCAN ")));
    }
    // Read whole, on purpose: the catalog's sixteen centers; the learners with a week's streak,
    // already grouped from a week's range; and, for the city's reach, everyone signed up, by
    // district, age and occupation, from an index that holds just that (never the table's rows).
    expect(scans.filter((s) => s !== "SCAN centers" && s !== "SCAN streak")).toEqual(["SCAN users USING COVERING INDEX users_figures"]);
  });
});
