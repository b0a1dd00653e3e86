import type { ExpressionBuilder, Insertable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { EventCategory } from "../domain/events.js";
import { LIVE_STATUSES, SEAT_STATUSES, type SignupStatus } from "../domain/seats.js";
import type { TeaTalkLevel } from "../domain/teatalk.js";
import type { Db } from "./database.js";
import type { Database, Event, EventSignup, EventsTable } from "./schema.js";

/** An event as lists and cards show it: where it is, its organiser's name and how its seats stand. */
export interface EventView extends Event {
  /** The center's name, or the venue's. */
  place_kk: string;
  place_ru: string;
  /**
   * The center's address; null at a venue of the city, whose name says where it is, and while a
   * center's address is a placeholder.
   */
  address_kk: string | null;
  address_ru: string | null;
  /** The event's map point, or its center's; null where none is known. */
  map_latitude: number | null;
  map_longitude: number | null;
  /** The free-text organiser, or the name of the specialist who hosts. */
  host_display_name: string | null;
  /** Confirmed and offered sign-ups. */
  taken: number;
  waiting: number;
}

/** Where a person stands with a sign-up: the sign-up, and its `position` in the waitlist when waiting. */
export interface SignupStanding {
  signup: EventSignup;
  position: number | null;
}

/** One of a person's sign-ups with its event. */
export interface SignupView extends SignupStanding {
  event: EventView;
}

/** Which upcoming events a list shows. */
export interface EventFilter {
  /** One category, or any of several. */
  categories: readonly EventCategory[];
  district?: DistrictCode;
  level?: TeaTalkLevel;
  /** Starts in [from, to). */
  from: Date;
  to: Date;
}

/**
 * How the seats of the event `e` stand, counted from its sign-ups: those holding a seat
 * (`taken`) and those in line (`waiting`).
 */
export function seatCounts(eb: ExpressionBuilder<Database & { e: EventsTable }, "e">) {
  const signupsIn = (statuses: readonly SignupStatus[]) =>
    eb
      .selectFrom("event_signups as n")
      .select((e) => e.fn.countAll<number>().as("n"))
      .whereRef("n.event_id", "=", "e.id")
      .where("n.status", "in", statuses);
  return [signupsIn(SEAT_STATUSES).as("taken"), signupsIn(["waitlisted"]).as("waiting")] as const;
}

/** Events with their place, organiser and seats, for the lists and cards of the database layer. */
export function eventViews(db: Db) {
  return db
    .selectFrom("events as e")
    .leftJoin("centers as c", "c.id", "e.center_id")
    .leftJoin("specialists as h", "h.id", "e.host_specialist_id")
    .selectAll("e")
    .select((eb) => {
      // A placeholder center's address and point stand in until an administrator fills them in.
      const address = (column: "c.address_kk" | "c.address_ru") =>
        eb.case().when("c.address_placeholder", "=", 0).then(eb.ref(column)).end();
      const point = (column: "c.latitude" | "c.longitude") =>
        eb.case().when("c.location_placeholder", "=", 0).then(eb.ref(column)).end();
      return [
        eb.fn.coalesce("c.name_kk", "e.venue_kk").as("place_kk"),
        eb.fn.coalesce("c.name_ru", "e.venue_ru").as("place_ru"),
        address("c.address_kk").as("address_kk"),
        address("c.address_ru").as("address_ru"),
        eb.fn.coalesce("e.latitude", point("c.latitude")).as("map_latitude"),
        eb.fn.coalesce("e.longitude", point("c.longitude")).as("map_longitude"),
        eb.fn.coalesce("e.host_name", "h.display_name").as("host_display_name"),
        ...seatCounts(eb),
      ];
    });
}

/**
 * Counts from subqueries are typed as possibly null, and so is the place (a check keeps a center
 * or a venue on every event); callers get plain values.
 */
export function normalized<T extends { taken: unknown; waiting: unknown; place_kk: string | null; place_ru: string | null }>(
  row: T,
): T & { taken: number; waiting: number; place_kk: string; place_ru: string } {
  return { ...row, taken: Number(row.taken), waiting: Number(row.waiting), place_kk: row.place_kk ?? "", place_ru: row.place_ru ?? "" };
}

function upcoming(db: Db, filter: EventFilter) {
  let q = eventViews(db)
    .where("e.status", "=", "scheduled")
    .where("e.category", "in", filter.categories)
    .where("e.starts_at", ">=", filter.from.toISOString())
    .where("e.starts_at", "<", filter.to.toISOString());
  if (filter.district) q = q.where("e.district", "=", filter.district);
  if (filter.level) q = q.where("e.level", "=", filter.level);
  return q;
}

/** Scheduled events that match the filter, in time order; `page` bounds the rows read. */
export async function listUpcomingEvents(db: Db, filter: EventFilter, page?: { limit: number; offset: number }): Promise<EventView[]> {
  let q = upcoming(db, filter).orderBy("e.starts_at").orderBy("e.id");
  if (page) q = q.limit(page.limit).offset(page.offset);
  return (await q.execute()).map(normalized);
}

/** How many events `listUpcomingEvents` would list without a page. */
export async function countUpcomingEvents(db: Db, filter: EventFilter): Promise<number> {
  const row = await upcoming(db, filter)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEvent(db: Db, eventId: number): Promise<EventView | undefined> {
  const row = await eventViews(db).where("e.id", "=", eventId).executeTakeFirst();
  return row && normalized(row);
}

/** Adds an event as entered by the city or a center; returns its id. */
export async function createEvent(db: Db, event: Insertable<EventsTable>): Promise<number> {
  const { id } = await db.insertInto("events").values(event).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** The person's live sign-up (confirmed, waitlisted or offered) for an event, if any. */
export async function findLiveSignup(db: Db, eventId: number, userId: number): Promise<SignupStanding | undefined> {
  const signup = await db
    .selectFrom("event_signups")
    .selectAll()
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .where("status", "in", LIVE_STATUSES)
    .executeTakeFirst();
  return signup && standingOf(db, signup);
}

/** One of the person's sign-ups; undefined when it is someone else's or does not exist. */
export async function findOwnSignup(db: Db, userId: number, signupId: number): Promise<SignupView | undefined> {
  const signup = await db
    .selectFrom("event_signups")
    .selectAll()
    .where("id", "=", signupId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return signup && withEvent(db, signup);
}

/** The person's live sign-ups of the given categories for events that have not started, soonest first. */
export async function listOwnSignups(db: Db, userId: number, now: Date, categories?: readonly EventCategory[]): Promise<SignupView[]> {
  let q = db
    .selectFrom("event_signups as u")
    .innerJoin("events as e", "e.id", "u.event_id")
    .selectAll("u")
    .where("u.user_id", "=", userId)
    .where("u.status", "in", LIVE_STATUSES)
    .where("e.status", "=", "scheduled")
    .where("e.starts_at", ">", now.toISOString());
  if (categories) q = q.where("e.category", "in", categories);
  const signups = await q.orderBy("e.starts_at").orderBy("u.id").execute();
  return Promise.all(signups.map((s) => withEvent(db, s)));
}

async function standingOf(db: Db, signup: EventSignup): Promise<SignupStanding> {
  return { signup, position: signup.status === "waitlisted" ? await waitlistPosition(db, signup) : null };
}

async function withEvent(db: Db, signup: EventSignup): Promise<SignupView> {
  return { ...(await standingOf(db, signup)), event: (await findEvent(db, signup.event_id))! };
}

/** 1 for the first in line: the waitlist is in sign-up order. */
export async function waitlistPosition(db: Db, signup: Pick<EventSignup, "id" | "event_id">): Promise<number> {
  const row = await db
    .selectFrom("event_signups")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("event_id", "=", signup.event_id)
    .where("status", "=", "waitlisted")
    .where("id", "<=", signup.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------------
// The person's data

/** The person's sign-ups with what they were for, for /mydata. */
export async function exportSignups(db: Db, userId: number) {
  return db
    .selectFrom("event_signups as u")
    .innerJoin("events as e", "e.id", "u.event_id")
    .select(["u.id", "u.event_id", "e.category", "e.center_id", "e.starts_at", "e.level", "e.title_ru", "u.status", "u.offer_expires_at", "u.created_at"])
    .where("u.user_id", "=", userId)
    .orderBy("e.starts_at")
    .orderBy("u.id")
    .execute();
}

/** Every sign-up the person has, with its event, in time order, for /mydata. */
export async function listEveryOwnSignup(db: Db, userId: number): Promise<SignupView[]> {
  const signups = await db
    .selectFrom("event_signups as u")
    .innerJoin("events as e", "e.id", "u.event_id")
    .selectAll("u")
    .where("u.user_id", "=", userId)
    .orderBy("e.starts_at")
    .orderBy("u.id")
    .execute();
  return Promise.all(signups.map((s) => withEvent(db, s)));
}
