import { sql } from "kysely";
import { State } from "ts-fsrs";
import type { DistrictCode } from "../domain/districts.js";
import { AGE_BANDS, OPEN_SERVICES, type Period } from "../domain/figures.js";
import type { Occupation } from "../domain/profile.js";
import type { ServiceCode } from "../domain/services.js";
import type { Db } from "./database.js";
import type { BookingStatus } from "./schema.js";

/**
 * The counts behind the city's figures. Every query groups inside the database over an indexed
 * range (a year of bookings is a range of `bookings_figures`), and returns at most a few hundred
 * grouped rows, never one row per person or booking.
 *
 * `centers` narrows a query to some centers (a center administrator's); null is the whole city.
 * Narrowed to centers, consultations leave out the sensitive services altogether.
 */
export type FigureScope = readonly string[] | null;

const iso = (d: Date) => d.toISOString();

/** A CASE that names the span of `column` each row falls in (a month, a week), or null outside them all. */
function spanOf(column: string, spans: readonly { key: string; period: Period }[]) {
  if (spans.length === 0) return sql<string | null>`null`;
  const ref = sql.ref(column);
  const branches = spans.map((s) => sql`when ${ref} >= ${iso(s.period.from)} and ${ref} < ${iso(s.period.to)} then ${s.key}`);
  return sql<string | null>`case ${sql.join(branches, sql` `)} else null end`;
}

/** A CASE that names the age band of `users.age` ("14-17"), or null for no age. */
function ageBandSql() {
  const ref = sql.ref("users.age");
  const branches = AGE_BANDS.map((b) => sql`when ${ref} between ${b.from} and ${b.to} then ${`${b.from}-${b.to}`}`);
  return sql<string | null>`case ${sql.join(branches, sql` `)} else null end`;
}

export interface ConsultationCount {
  service: ServiceCode;
  center_id: string;
  month: string | null;
  status: BookingStatus;
  n: number;
}

/**
 * Consultations in `period` by service, center, month and status. A booking that was moved
 * counts once, as the booking it became.
 */
export async function consultationCounts(db: Db, centers: FigureScope, period: Period, months: readonly { key: string; period: Period }[]) {
  let q = db
    .selectFrom("bookings")
    .select(["service", "center_id", "status", spanOf("starts_at", months).as("month"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("starts_at", ">=", iso(period.from))
    .where("starts_at", "<", iso(period.to))
    .where("status", "!=", "rescheduled");
  if (centers) q = q.where("center_id", "in", centers.length > 0 ? [...centers] : [""]).where("service", "in", [...OPEN_SERVICES]);
  const rows = await q.groupBy(["service", "center_id", "status", "month"]).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) })) as ConsultationCount[];
}

/** Feedback scores given for consultations in `period`: how many, and their sum, by service. */
export async function feedbackCounts(db: Db, centers: FigureScope, period: Period) {
  let q = db
    .selectFrom("bookings")
    .select(["service", (eb) => eb.fn.count<number>("feedback_score").as("answers"), (eb) => eb.fn.sum<number>("feedback_score").as("total")])
    .where("starts_at", ">=", iso(period.from))
    .where("starts_at", "<", iso(period.to))
    .where("feedback_score", "is not", null);
  if (centers) q = q.where("center_id", "in", centers.length > 0 ? [...centers] : [""]).where("service", "in", [...OPEN_SERVICES]);
  const rows = await q.groupBy("service").execute();
  return rows.map((r) => ({ service: r.service, answers: Number(r.answers), total: Number(r.total ?? 0) }));
}

export interface ReachCount {
  district: DistrictCode | null;
  band: string | null;
  occupation: Occupation | null;
  n: number;
}

/**
 * Young people reached, each once, by the district, age band and occupation of their profile:
 * for the city everyone signed up; for some centers, those who came to a consultation (not a
 * sensitive one) or signed up for an event there in `period`.
 */
export async function reachCounts(db: Db, centers: FigureScope, period: Period): Promise<ReachCount[]> {
  let q = db
    .selectFrom("users")
    .select(["users.district", "users.occupation", ageBandSql().as("band"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("users.registered_at", "is not", null);
  if (centers) {
    const ids = centers.length > 0 ? [...centers] : [""];
    q = q.where((eb) =>
      eb.or([
        eb(
          "users.id",
          "in",
          eb
            .selectFrom("bookings")
            .select("bookings.user_id")
            .where("bookings.center_id", "in", ids)
            .where("bookings.service", "in", [...OPEN_SERVICES])
            .where("bookings.starts_at", ">=", iso(period.from))
            .where("bookings.starts_at", "<", iso(period.to))
            .where("bookings.status", "in", ["confirmed", "attended", "no_show"]),
        ),
        eb(
          "users.id",
          "in",
          eb
            .selectFrom("event_signups")
            .innerJoin("events", "events.id", "event_signups.event_id")
            .select("event_signups.user_id")
            .where("events.center_id", "in", ids)
            .where("events.starts_at", ">=", iso(period.from))
            .where("events.starts_at", "<", iso(period.to))
            .where("event_signups.status", "in", ["confirmed", "attended", "no_show"]),
        ),
      ]),
    );
  }
  const rows = await q.groupBy(["users.district", "band", "users.occupation"]).execute();
  return rows.map((r) => ({ district: r.district, band: r.band, occupation: r.occupation, n: Number(r.n) }));
}

/** New sign-ups in each of `weeks`. */
export async function signupCounts(db: Db, weeks: readonly { key: string; period: Period }[]) {
  if (weeks.length === 0) return [];
  const rows = await db
    .selectFrom("users")
    .select([spanOf("registered_at", weeks).as("week"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("registered_at", ">=", iso(weeks[0]!.period.from))
    .where("registered_at", "<", iso(weeks.at(-1)!.period.to))
    .groupBy("week")
    .execute();
  return rows.map((r) => ({ week: r.week, n: Number(r.n) }));
}

/** Events (not cancelled) starting in `period`, by category and tea-talk level, with their sign-ups by status. */
export async function eventCounts(db: Db, centers: FigureScope, period: Period) {
  const scoped = () => {
    let q = db
      .selectFrom("events")
      .where("events.starts_at", ">=", iso(period.from))
      .where("events.starts_at", "<", iso(period.to))
      .where("events.status", "=", "scheduled");
    if (centers) q = q.where("events.center_id", "in", centers.length > 0 ? [...centers] : [""]);
    return q;
  };
  const events = await scoped()
    .select(["events.category", "events.level", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["events.category", "events.level"])
    .execute();
  const signups = await scoped()
    .innerJoin("event_signups", "event_signups.event_id", "events.id")
    .select(["events.category", "events.level", "event_signups.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("event_signups.status", "in", ["confirmed", "attended", "no_show"])
    .groupBy(["events.category", "events.level", "event_signups.status"])
    .execute();
  return {
    events: events.map((r) => ({ category: r.category, level: r.level, n: Number(r.n) })),
    signups: signups.map((r) => ({ category: r.category, level: r.level, status: r.status, n: Number(r.n) })),
  };
}

/** Events held so far in `period` (started by `now`, not cancelled), of every kind, in the whole city. */
export async function eventsHeld(db: Db, period: Period, now: Date): Promise<number> {
  const row = await db
    .selectFrom("events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "scheduled")
    .where("starts_at", ">=", iso(period.from))
    .where("starts_at", "<", iso(now < period.to ? now : period.to))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Youth NGOs working with the centers as project teams now. */
export async function activeTeams(db: Db): Promise<number> {
  const row = await db.selectFrom("teams").select((eb) => eb.fn.countAll<number>().as("n")).where("active", "=", 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Kazakh practice: learners active over the last 7 and 30 days, words learned (cards that
 * reached review), and learners who practised on each of the last 7 days (`days`, oldest first).
 */
export async function practiceCounts(db: Db, days: readonly { key: string; period: Period }[], month: Period) {
  const week: Period = { from: days[0]!.period.from, to: days.at(-1)!.period.to };
  const learners = async (p: Period) => {
    const row = await db
      .selectFrom("practice_reviews")
      .select((eb) => eb.fn.count<number>("user_id").distinct().as("n"))
      .where("reviewed_at", ">=", iso(p.from))
      .where("reviewed_at", "<", iso(p.to))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const words = await db
    .selectFrom("practice_cards")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("state", "=", State.Review)
    .executeTakeFirstOrThrow();
  const streaks = await db
    .selectFrom((eb) =>
      eb
        .selectFrom("practice_reviews")
        .select("user_id")
        .where("reviewed_at", ">=", iso(week.from))
        .where("reviewed_at", "<", iso(week.to))
        .groupBy("user_id")
        .having(sql`count(distinct ${spanOf("reviewed_at", days)})`, "=", days.length)
        .as("streak"),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return { week: await learners(week), month: await learners(month), words: Number(words.n), streaks: Number(streaks.n) };
}

/** Card checks in `period` by the partner's category, valid or not. */
export async function cardCheckCounts(db: Db, period: Period) {
  const rows = await db
    .selectFrom("card_checks")
    .innerJoin("partners", "partners.id", "card_checks.partner_id")
    .select([
      "partners.category",
      sql<number>`card_checks.result = 'valid'`.as("valid"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .where("card_checks.checked_at", ">=", iso(period.from))
    .where("card_checks.checked_at", "<", iso(period.to))
    .groupBy(["partners.category", "valid"])
    .execute();
  return rows.map((r) => ({ category: r.category, valid: Boolean(Number(r.valid)), n: Number(r.n) }));
}
