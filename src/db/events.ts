import type { ExpressionBuilder, Insertable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { EventCategory } from "../domain/events.js";
import { LIVE_STATUSES, SEAT_STATUSES, type SignupStatus } from "../domain/seats.js";
import type { TeaTalkLevel } from "../domain/teatalk.js";
import { pageAt, type Page } from "../domain/paging.js";
import { compiledOnce, type Db } from "./database.js";
import type { Database, Event, EventSignup, EventSignupsTable, EventsTable } from "./schema.js";

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

/** Whether the event `e` is one a list with this filter shows. */
function matching(filter: EventFilter) {
  return (eb: ExpressionBuilder<Database & { e: EventsTable }, "e">) => {
    const conditions = [
      eb("e.status", "=", "scheduled"),
      eb("e.category", "in", filter.categories),
      eb("e.starts_at", ">=", filter.from.toISOString()),
      eb("e.starts_at", "<", filter.to.toISOString()),
    ];
    if (filter.district) conditions.push(eb("e.district", "=", filter.district));
    if (filter.level) conditions.push(eb("e.level", "=", filter.level));
    return eb.and(conditions);
  };
}

function upcoming(db: Db, filter: EventFilter) {
  return eventViews(db).where(matching(filter)).orderBy("e.starts_at").orderBy("e.id");
}

/** Scheduled events that match the filter, in time order. */
export async function listUpcomingEvents(db: Db, filter: EventFilter): Promise<EventView[]> {
  return (await upcoming(db, filter).execute()).map(normalized);
}

/** How many events `listUpcomingEvents` would list. */
export async function countUpcomingEvents(db: Db, filter: EventFilter): Promise<number> {
  const row = await db
    .selectFrom("events as e")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(matching(filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The values a page's statement takes, in the order of its stand-ins. */
function pageValues(filter: EventFilter, limit: number, offset: number): unknown[] {
  return [...filter.categories, filter.district, filter.level, filter.from.toISOString(), filter.to.toISOString(), limit, offset].filter(
    (value) => value !== undefined,
  );
}

/**
 * The statement of a page of upcoming events for filters shaped like `shape` (as many
 * categories, a district or not, a level or not), compiled once: the lists are the screens
 * opened most, and kysely would build and compile it anew at every page.
 */
function pageStatement(shape: EventFilter) {
  // Values none of the statement's own can be.
  const mark = (name: string) => `\u0000${name}`;
  const standIn: EventFilter = {
    categories: shape.categories.map((_, i) => mark(`category${i}`) as EventCategory),
    district: shape.district && (mark("district") as DistrictCode),
    level: shape.level && (mark("level") as TeaTalkLevel),
    from: new Date(-1),
    to: new Date(-2),
  };
  const [limit, offset] = [-1, -2];
  return compiledOnce(pageValues(standIn, limit, offset), (db, ..._values: unknown[]) =>
    upcoming(db, standIn)
      .select((eb) => eb.selectFrom("events as e").select((c) => c.fn.countAll<number>().as("n")).where(matching(standIn)).as("total"))
      .limit(limit)
      .offset(offset),
  );
}

const pageStatements = new Map<string, ReturnType<typeof pageStatement>>();

/**
 * The `page`-th run of `size` events of `listUpcomingEvents`. The page's rows and the number of
 * all that match come in one statement, the count a subquery run once rather than per row. A
 * page past the end (the list has shrunk since its button was made) finds no row to carry the
 * count: the count alone is read then, and the last page.
 */
export async function upcomingEventsPage(db: Db, filter: EventFilter, page: number, size: number): Promise<Page<EventView>> {
  const shape = `${filter.categories.length}:${filter.district !== undefined}:${filter.level !== undefined}`;
  let statement = pageStatements.get(shape);
  if (!statement) pageStatements.set(shape, (statement = pageStatement(filter)));
  const read = (index: number) => statement(db, ...pageValues(filter, size, index * size));
  let rows = await read(Math.max(0, page));
  if (rows.length === 0 && page > 0) {
    const total = await countUpcomingEvents(db, filter);
    if (total > 0) rows = await read(pageAt(total, page, size).index);
  }
  const at = pageAt(Number(rows[0]?.total ?? 0), page, size);
  return { items: rows.map(({ total, ...row }) => normalized(row)), ...at };
}

/** Every card reads its event. */
const eventById = compiledOnce([-1], (db, id: number) => eventViews(db).where("e.id", "=", id));

export async function findEvent(db: Db, eventId: number): Promise<EventView | undefined> {
  const [row] = await eventById(db, eventId);
  return row && normalized(row);
}

/** Adds an event as entered by the city or a center; returns its id. */
export async function createEvent(db: Db, event: Insertable<EventsTable>): Promise<number> {
  const { id } = await db.insertInto("events").values(event).returning("id").executeTakeFirstOrThrow();
  return id;
}

/**
 * The place in line of the sign-up `u`: 1 for the first, as the waitlist is in sign-up order;
 * null for a sign-up not waiting.
 */
function waitlistPlace(eb: ExpressionBuilder<Database & { u: EventSignupsTable }, "u">) {
  const ahead = eb
    .selectFrom("event_signups as w")
    .select((w) => w.fn.countAll<number>().as("n"))
    .whereRef("w.event_id", "=", "u.event_id")
    .where("w.status", "=", "waitlisted")
    .whereRef("w.id", "<=", "u.id");
  return eb.case().when("u.status", "=", "waitlisted").then(ahead).end();
}

const positionOf = (place: unknown): number | null => (place === null ? null : Number(place));

/** Every card of an event reads the person's sign-up for it. */
const liveSignup = compiledOnce([-1, -2], (db, eventId: number, userId: number) =>
  db
    .selectFrom("event_signups as u")
    .selectAll("u")
    .select((eb) => waitlistPlace(eb).as("position"))
    .where("u.event_id", "=", eventId)
    .where("u.user_id", "=", userId)
    .where("u.status", "in", LIVE_STATUSES),
);

/** The person's live sign-up (confirmed, waitlisted or offered) for an event, if any. */
export async function findLiveSignup(db: Db, eventId: number, userId: number): Promise<SignupStanding | undefined> {
  const [row] = await liveSignup(db, eventId, userId);
  if (!row) return undefined;
  const { position, ...signup } = row;
  return { signup, position: positionOf(position) };
}

/** 1 for the first in line (see `waitlistPlace`). */
export async function waitlistPosition(db: Db, signupId: number): Promise<number> {
  const row = await db
    .selectFrom("event_signups as u")
    .select((eb) => waitlistPlace(eb).as("position"))
    .where("u.id", "=", signupId)
    .executeTakeFirstOrThrow();
  return Number(row.position);
}

/** Sign-ups `u` with their events as cards show them and their place in line, in one statement. */
function signupViews(db: Db) {
  return eventViews(db)
    .innerJoin("event_signups as u", "u.event_id", "e.id")
    .select((eb) => [
      "u.id as signup_id",
      "u.user_id as signup_user_id",
      "u.status as signup_status",
      "u.offer_expires_at as signup_offer_expires_at",
      "u.created_at as signup_created_at",
      "u.updated_at as signup_updated_at",
      waitlistPlace(eb).as("position"),
    ]);
}

type SignupViewRow = Awaited<ReturnType<ReturnType<typeof signupViews>["executeTakeFirstOrThrow"]>>;

function signupView(row: SignupViewRow): SignupView {
  const { signup_id, signup_user_id, signup_status, signup_offer_expires_at, signup_created_at, signup_updated_at, position, ...event } = row;
  const signup: EventSignup = {
    id: signup_id,
    event_id: event.id,
    user_id: signup_user_id,
    status: signup_status,
    offer_expires_at: signup_offer_expires_at,
    created_at: signup_created_at,
    updated_at: signup_updated_at,
  };
  return { signup, position: positionOf(position), event: normalized(event) };
}

/** One of the person's sign-ups; undefined when it is someone else's or does not exist. */
export async function findOwnSignup(db: Db, userId: number, signupId: number): Promise<SignupView | undefined> {
  const row = await signupViews(db).where("u.id", "=", signupId).where("u.user_id", "=", userId).executeTakeFirst();
  return row && signupView(row);
}

/** Whether the sign-up `u` is live and its event `e` of the given categories still ahead. */
function liveAhead(userId: number, now: Date, categories?: readonly EventCategory[]) {
  return (eb: ExpressionBuilder<Database & { e: EventsTable; u: EventSignupsTable }, "e" | "u">) => {
    const conditions = [
      eb("u.user_id", "=", userId),
      eb("u.status", "in", LIVE_STATUSES),
      eb("e.status", "=", "scheduled"),
      eb("e.starts_at", ">", now.toISOString()),
    ];
    if (categories) conditions.push(eb("e.category", "in", categories));
    return eb.and(conditions);
  };
}

/** The person's live sign-ups of the given categories for events that have not started, soonest first. */
export async function listOwnSignups(db: Db, userId: number, now: Date, categories?: readonly EventCategory[]): Promise<SignupView[]> {
  const rows = await signupViews(db).where(liveAhead(userId, now, categories)).orderBy("e.starts_at").orderBy("u.id").execute();
  return rows.map(signupView);
}

/** The ids of the sign-ups `listOwnSignups` would list. */
export async function ownSignupsAhead(db: Db, userId: number, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("event_signups as u")
    .innerJoin("events as e", "e.id", "u.event_id")
    .select("u.id")
    .where(liveAhead(userId, now))
    .orderBy("e.starts_at")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => r.id);
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
  const rows = await signupViews(db).where("u.user_id", "=", userId).orderBy("e.starts_at").orderBy("u.id").execute();
  return rows.map(signupView);
}
