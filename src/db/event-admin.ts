import type { Updateable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { EventCategory } from "../domain/events.js";
import { pageAt, type Page } from "../domain/paging.js";
import { LIVE_STATUSES, offerKey, organiserNotice, reminderKey, seatReminder } from "../domain/seats.js";
import type { TeaTalkLevel } from "../domain/teatalk.js";
import { recordAudit } from "./audit.js";
import type { Db } from "./database.js";
import { createEvent } from "./events.js";
import { hostedBy } from "./organisers.js";
import { cancelPendingByKeys, enqueueAll } from "./outbox.js";
import type { Event, EventsTable } from "./schema.js";
import { offerFreedSeats } from "./seats.js";

/**
 * Events and tea-talk sessions as administrators and organisers make, change and call them off.
 * Every change is one transaction with its audit record and the notices to the people signed up.
 */

/** Where an event takes place: one of the centers, or a venue of the city (a park, a hall) in a district. */
export type EventPlace = { kind: "center"; centerId: string } | { kind: "venue"; venueKk: string; venueRu: string; district: DistrictCode };

/** The center of a place; null for a venue of the city, which only a city administrator may choose. */
export function centerOf(place: EventPlace): string | null {
  return place.kind === "center" ? place.centerId : null;
}

/** A new event, as the creation flow collected it. */
export interface EventDraft {
  category: EventCategory;
  /** Only for tea talk. */
  level: TeaTalkLevel | null;
  place: EventPlace;
  titleKk: string;
  titleRu: string;
  descriptionKk: string | null;
  descriptionRu: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Null: no limit (never for tea talk). */
  capacity: number | null;
  hostName: string | null;
}

/** What an edit may change: the fields are the table's, the place as a whole. */
export type EventChange = Pick<
  Updateable<EventsTable>,
  "title_kk" | "title_ru" | "description_kk" | "description_ru" | "starts_at" | "ends_at" | "capacity" | "host_name"
> & { place?: EventPlace };

/** Who makes a change, for the audit log. */
export interface Actor {
  telegramId: number;
}

export type EditResult =
  | { kind: "edited"; told: number }
  | { kind: "not-found" | "cancelled" }
  /** Fewer seats than people holding one: nobody's seat is taken away. */
  | { kind: "capacity-below"; taken: number };

export type CancelEventResult = { kind: "cancelled"; told: number } | { kind: "not-found" | "already-cancelled" };

/** The center's district, which an event in it is listed under. */
/** The columns that say where an event is; a place typed in the bot has no map point of its own. */
async function placeColumns(db: Db, place: EventPlace) {
  if (place.kind === "venue") {
    return { center_id: null, venue_kk: place.venueKk, venue_ru: place.venueRu, district: place.district, latitude: null, longitude: null };
  }
  const center = await db.selectFrom("centers").select("district").where("id", "=", place.centerId).executeTakeFirstOrThrow();
  return { center_id: place.centerId, venue_kk: null, venue_ru: null, district: center.district, latitude: null, longitude: null };
}

/** The audit's picture of an event: what an administrator can change, and its state. */
function auditView(e: Event) {
  return {
    category: e.category,
    level: e.level,
    center_id: e.center_id,
    title_kk: e.title_kk,
    title_ru: e.title_ru,
    description_kk: e.description_kk,
    description_ru: e.description_ru,
    starts_at: e.starts_at,
    ends_at: e.ends_at,
    capacity: e.capacity,
    host_name: e.host_name,
    status: e.status,
  };
}

/** Adds an event to a center, with its audit record; returns its id. */
export async function addEvent(db: Db, draft: EventDraft, actor: Actor, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await createEvent(trx, {
      category: draft.category,
      level: draft.category === "teatalk" ? draft.level : null,
      ...(await placeColumns(trx, draft.place)),
      title_kk: draft.titleKk,
      title_ru: draft.titleRu,
      description_kk: draft.descriptionKk,
      description_ru: draft.descriptionRu,
      starts_at: draft.startsAt.toISOString(),
      ends_at: draft.endsAt.toISOString(),
      capacity: draft.capacity,
      host_specialist_id: null,
      host_name: draft.hostName,
      host_telegram_id: null,
      created_at: now.toISOString(),
    });
    const event = await trx.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.telegramId, action: "event.create", subject: `event:${id}`, centerId: event.center_id, after: auditView(event) }, now);
    return id;
  });
}

/** The sign-ups still in play for an event: those to tell of a change. */
async function liveSignups(trx: Db, eventId: number) {
  return trx
    .selectFrom("event_signups")
    .select(["id", "user_id", "status"])
    .where("event_id", "=", eventId)
    .where("status", "in", LIVE_STATUSES)
    .where("user_id", "is not", null)
    .orderBy("id")
    .execute();
}

/** How long before its start each kind of event is reminded of, as the configuration says. */
export function reminderMinutesOf(config: { teatalkReminderMinutes: number; eventReminderMinutes: number }) {
  return (category: EventCategory): number => (category === "teatalk" ? config.teatalkReminderMinutes : config.eventReminderMinutes);
}

/**
 * Changes an event. A new time or place is told to everyone signed up, and the reminders move
 * with the time (one whose new time has passed is dropped). Seats may grow, freeing them for
 * those in line, but never shrink below the seats taken.
 */
export async function editEvent(
  db: Db,
  edit: { eventId: number; change: EventChange; actor: Actor; reminderMinutes: (category: EventCategory) => number },
  now: Date,
): Promise<EditResult> {
  return db.transaction().execute(async (trx): Promise<EditResult> => {
    const before = await trx.selectFrom("events").selectAll().where("id", "=", edit.eventId).executeTakeFirst();
    if (!before) return { kind: "not-found" };
    if (before.status !== "scheduled") return { kind: "cancelled" };
    const { place, ...fields } = edit.change;
    const signups = await liveSignups(trx, before.id);
    if (fields.capacity !== undefined && fields.capacity !== null) {
      const taken = signups.filter((s) => s.status !== "waitlisted").length;
      if (fields.capacity < taken) return { kind: "capacity-below", taken };
    }
    await trx
      .updateTable("events")
      .set({ ...fields, ...(place ? await placeColumns(trx, place) : {}) })
      .where("id", "=", before.id)
      .execute();
    const after = await trx.selectFrom("events").selectAll().where("id", "=", before.id).executeTakeFirstOrThrow();
    const told = await settleEventChange(trx, before, after, edit.reminderMinutes(after.category), now);
    await recordAudit(
      trx,
      { actorId: edit.actor.telegramId, action: "event.edit", subject: `event:${after.id}`, centerId: after.center_id, before: auditView(before), after: auditView(after) },
      now,
    );
    return { kind: "edited", told };
  });
}

/**
 * What follows a change already written to an event, however it was made (in the bot or from a
 * file): a new time or place is told to everyone signed up, the reminders move with the time (one
 * whose new time has passed is dropped), and seats added go to those in line. Returns how many
 * people were told.
 */
export async function settleEventChange(trx: Db, before: Event, after: Event, reminderMinutes: number, now: Date): Promise<number> {
  const signups = await liveSignups(trx, after.id);
  const timeChanged = after.starts_at !== before.starts_at || after.ends_at !== before.ends_at;
  const placeChanged = after.center_id !== before.center_id || after.venue_kk !== before.venue_kk || after.venue_ru !== before.venue_ru;
  if (after.starts_at !== before.starts_at) await moveReminders(trx, after, signups, reminderMinutes, now);
  if ((after.capacity ?? Infinity) > (before.capacity ?? Infinity)) await offerFreedSeats(trx, after, now);
  const startsAt = new Date(after.starts_at);
  const told = timeChanged || placeChanged ? signups : [];
  await enqueueAll(
    trx,
    told.map((s) => ({ ...organiserNotice({ id: s.id, startsAt }, { kind: "changed", changedAt: now }, now), recipientId: s.user_id! })),
    now,
  );
  return told.length;
}

/**
 * The reminders of the seats taken, moved to the new time: a pending reminder is due anew, or
 * dropped when its time has passed. One already sent is not sent again: the notice of the
 * change says the new time.
 */
async function moveReminders(
  trx: Db,
  event: Event,
  signups: readonly { id: number; status: string }[],
  reminderMinutes: number,
  now: Date,
): Promise<void> {
  for (const s of signups) {
    if (s.status !== "confirmed") continue;
    const key = reminderKey(event.category, s.id);
    const reminder = seatReminder({ id: s.id, startsAt: new Date(event.starts_at), category: event.category }, reminderMinutes, now);
    if (!reminder) {
      await cancelPendingByKeys(trx, [key]);
      continue;
    }
    await trx
      .updateTable("outbox")
      .set({ due_at: reminder.dueAt.toISOString(), expires_at: reminder.expiresAt?.toISOString() ?? null })
      .where("dedupe_key", "=", key)
      .where("state", "=", "pending")
      .execute();
  }
}

/**
 * Calls an event off: everyone signed up, offered a seat or waiting is told once, in their
 * language, and what was still to be sent about their seat (reminders, offers) is withdrawn.
 * The sign-ups stay as they were, for the figures; the event's status says it is off.
 */
export async function cancelEvent(db: Db, request: { eventId: number; actor: Actor }, now: Date): Promise<CancelEventResult> {
  return db.transaction().execute(async (trx): Promise<CancelEventResult> => {
    const before = await trx.selectFrom("events").selectAll().where("id", "=", request.eventId).executeTakeFirst();
    if (!before) return { kind: "not-found" };
    if (before.status !== "scheduled") return { kind: "already-cancelled" };
    await trx.updateTable("events").set({ status: "cancelled" }).where("id", "=", before.id).execute();
    const signups = await liveSignups(trx, before.id);
    await cancelPendingByKeys(
      trx,
      signups.flatMap((s) => [reminderKey(before.category, s.id), offerKey(before.category, s.id)]),
    );
    const startsAt = new Date(before.starts_at);
    await enqueueAll(
      trx,
      signups.map((s) => ({ ...organiserNotice({ id: s.id, startsAt }, { kind: "cancelled" }, now), recipientId: s.user_id! })),
      now,
    );
    await recordAudit(
      trx,
      {
        actorId: request.actor.telegramId,
        action: "event.cancel",
        subject: `event:${before.id}`,
        centerId: before.center_id,
        before: { status: before.status },
        after: { status: "cancelled" },
      },
      now,
    );
    return { kind: "cancelled", told: signups.length };
  });
}

/** Whether the account organises or hosts the event (named as its organiser, or its specialist). */
export async function isEventHost(db: Db, eventId: number, telegramId: number): Promise<boolean> {
  const row = await db
    .selectFrom("events as e")
    .select("e.id")
    .where("e.id", "=", eventId)
    .where((eb) => hostedBy(eb, telegramId))
    .executeTakeFirst();
  return row !== undefined;
}

/** Scheduled events not over at `now`, of some centers (at least one) or (null) the whole city, a page at a time. */
export async function listManagedEvents(db: Db, centerIds: readonly string[] | null, now: Date, page: number, size: number): Promise<Page<Event>> {
  let q = db.selectFrom("events").where("status", "=", "scheduled").where("ends_at", ">", now.toISOString());
  if (centerIds !== null) q = q.where("center_id", "in", centerIds);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const at = pageAt(Number(n), page, size);
  const items = await q.selectAll().orderBy("starts_at").orderBy("id").limit(size).offset(at.offset).execute();
  return { items, ...at };
}
