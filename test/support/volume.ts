import type { Insertable } from "kysely";
import { CONSENT_VERSION } from "../../src/domain/profile.js";
import { DISTRICTS } from "../../src/domain/districts.js";
import { NUDGE_TIMES } from "../../src/domain/practice-nudge.js";
import { DECK } from "../../src/domain/practice/deck/index.js";
import { EXERCISE_KINDS } from "../../src/domain/practice/exercises.js";
import { SERVICE_CODES, SERVICES } from "../../src/domain/services.js";
import type { Db } from "../../src/db/database.js";
import type { BookingStatus, Database, OutboxState } from "../../src/db/schema.js";

/** How much history to make up; every figure is a row count. */
export interface Volume {
  people: number;
  bookings: number;
  /** Outbox rows, besides none for the bookings themselves. */
  outbox: number;
  /** People with a saved, long untouched flow. */
  idleFlows: number;
  /** Ids of people start from here, so that a test's own people do not clash with them. */
  firstPersonId?: number;
  /** Everyone has a daily practice time, not a fifth of them. */
  nudgeEveryone?: boolean;
  /** Past tea-talk sessions, each with ten signups (attended, no-show or cancelled). */
  teaTalks?: number;
  /** Practice answers, spread over a tenth of the people, each of whom also holds cards of the deck. */
  practiceReviews?: number;
}

/** The city's sixteen centers, each with one specialist of every service, all working every day. */
const CENTERS_PER_DISTRICT = 2;
const DAY_MS = 86_400_000;
/** Rows per INSERT: well under SQLite's limit of bound parameters. */
const CHUNK = 400;

/**
 * Fills a migrated database with made-up history of the size given: people (a fifth with a
 * daily practice time), their past consultations spread over the two years before `now`, sent
 * and pending outbox messages, and flows abandoned long ago. Its centers are named "vol-…" and
 * its specialists link to no account. Made for reading plans and timing queries; nothing in it
 * is meant to be looked at.
 */
export async function fillWithHistory(db: Db, volume: Volume, now: Date): Promise<void> {
  const at = now.toISOString();
  const firstId = volume.firstPersonId ?? 10_000_000;

  const specialistIds: { id: number; centerId: string; service: (typeof SERVICE_CODES)[number]; slotMinutes: number }[] = [];
  for (const [d, district] of DISTRICTS.entries()) {
    for (let c = 0; c < CENTERS_PER_DISTRICT; c++) {
      const id = `vol-${d}-${c}`;
      await db
        .insertInto("centers")
        .values({
          id,
          district,
          name_kk: id,
          name_ru: id,
          address_kk: "",
          address_ru: "",
          hours_kk: "",
          hours_ru: "",
          open_24_7: 0,
          phone: null,
          latitude: 43.25,
          longitude: 76.92,
          placeholder: 1,
          address_placeholder: 1,
          hours_placeholder: 1,
          phone_placeholder: 1,
          location_placeholder: 1,
        })
        .execute();
      for (const service of SERVICE_CODES) {
        const slotMinutes = SERVICES[service].durationMinutes;
        const { id: specialistId } = await db
          .insertInto("specialists")
          .values({ center_id: id, service, display_name: id, telegram_id: null, slot_minutes: slotMinutes, online: 1, created_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        await insertChunked(
          db,
          "specialist_hours",
          [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ specialist_id: specialistId, weekday, start_time: "09:00", end_time: "18:00" })),
        );
        specialistIds.push({ id: specialistId, centerId: id, service, slotMinutes });
      }
    }
  }

  const people = Array.from({ length: volume.people }, (_, i) => {
    const id = firstId + i;
    const nudgeTime = volume.nudgeEveryone || i % 5 === 0 ? NUDGE_TIMES[i % NUDGE_TIMES.length]! : null;
    return {
      id,
      language: i % 2 === 0 ? ("kk" as const) : ("ru" as const),
      name: "—",
      age: 14 + (i % 22),
      guardian_consent: null,
      district: DISTRICTS[i % DISTRICTS.length]!,
      phone: null,
      username: null,
      occupation: null,
      consent_version: CONSENT_VERSION,
      consent_at: at,
      registered_at: at,
      blocked_at: null,
      practice_nudge_time: nudgeTime,
      // As the bot leaves it: planned at the scheduler's next run.
      practice_nudge_plan_at: nudgeTime ? at : null,
      created_at: at,
      updated_at: at,
    };
  });
  await insertChunked(db, "users", people);

  // One specialist's bookings are an hour apart, going back from yesterday: never two at one start.
  const statuses: BookingStatus[] = ["attended", "attended", "attended", "no_show", "cancelled", "rescheduled"];
  const bookings = Array.from({ length: volume.bookings }, (_, i) => {
    const specialist = specialistIds[i % specialistIds.length]!;
    const hoursBack = 24 + Math.floor(i / specialistIds.length);
    const start = new Date(now.getTime() - hoursBack * 3_600_000);
    return {
      user_id: volume.people > 0 ? firstId + (i % volume.people) : null,
      specialist_id: specialist.id,
      service: specialist.service,
      center_id: specialist.centerId,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + specialist.slotMinutes * 60_000).toISOString(),
      mode: "in_person" as const,
      topic: null,
      status: statuses[i % statuses.length]!,
      created_at: at,
      updated_at: at,
      cancelled_by: null,
      replaced_by: null,
      feedback_score: i % 3 === 0 ? 5 : null,
      feedback_comment: null,
      calendar_uid: null,
    };
  });
  await insertChunked(db, "bookings", bookings);

  // Mostly long sent; the last few hundred still waiting, due over the coming week.
  const outbox = Array.from({ length: volume.outbox }, (_, i) => {
    const pending = i >= volume.outbox - Math.min(300, volume.outbox / 10);
    const due = pending ? new Date(now.getTime() + ((i % 7) + 1) * DAY_MS) : new Date(now.getTime() - ((i % 700) + 1) * DAY_MS);
    const state: OutboxState = pending ? "pending" : i % 10 === 0 ? "expired" : "sent";
    return {
      kind: "booking_reminder",
      recipient_id: volume.people > 0 ? firstId + (i % volume.people) : 1,
      payload: "{}",
      due_at: due.toISOString(),
      expires_at: null,
      state,
      sent_at: state === "sent" ? due.toISOString() : null,
      booking_id: null,
      dedupe_key: `volume:${i}`,
      created_at: at,
    };
  });
  await insertChunked(db, "outbox", outbox);

  await fillTeaTalkHistory(db, volume, firstId, now);
  await fillPracticeHistory(db, volume, firstId, now);

  const flows = Array.from({ length: Math.min(volume.idleFlows, volume.people) }, (_, i) => ({
    key: `chat:${firstId + i}`,
    value: "{}",
    updated_at: new Date(now.getTime() - (30 + (i % 300)) * DAY_MS).toISOString(),
  }));
  await insertChunked(db, "conversation_state", flows);
}

const SIGNUPS_PER_SESSION = 10;

/** Sessions at the volume's centers, one an hour going back from yesterday, their seats taken. */
async function fillTeaTalkHistory(db: Db, volume: Volume, firstId: number, now: Date): Promise<void> {
  const sessions = volume.teaTalks ?? 0;
  if (sessions === 0 || volume.people === 0) return;
  const at = now.toISOString();
  const centers = DISTRICTS.flatMap((district, d) => Array.from({ length: CENTERS_PER_DISTRICT }, (_, c) => ({ id: `vol-${d}-${c}`, district })));
  const rows = Array.from({ length: sessions }, (_, i) => {
    const center = centers[i % centers.length]!;
    const start = new Date(now.getTime() - (24 + Math.floor(i / centers.length)) * 3_600_000);
    return {
      category: "teatalk" as const,
      level: (["beginner", "intermediate", "advanced"] as const)[i % 3]!,
      center_id: center.id,
      venue_kk: null,
      venue_ru: null,
      latitude: null,
      longitude: null,
      district: center.district,
      title_kk: "Tea talk",
      title_ru: "Tea talk",
      description_kk: null,
      description_ru: null,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
      capacity: 12,
      host_specialist_id: null,
      host_name: "—",
      host_telegram_id: null,
      created_at: at,
    };
  });
  await insertChunked(db, "events", rows);
  const first = await db.selectFrom("events").select((eb) => eb.fn.max("id").as("last")).executeTakeFirstOrThrow();
  const firstEventId = Number(first.last) - sessions + 1;
  const statuses = ["attended", "attended", "attended", "no_show", "cancelled"] as const;
  const signups = Array.from({ length: sessions * SIGNUPS_PER_SESSION }, (_, i) => ({
    event_id: firstEventId + Math.floor(i / SIGNUPS_PER_SESSION),
    user_id: firstId + ((i * 7) % volume.people),
    status: statuses[i % statuses.length]!,
    offer_expires_at: null,
    created_at: at,
    updated_at: at,
  }));
  await insertChunked(db, "event_signups", signups);
}

/** A tenth of the people have practised: settings, the cards they met and their answers over two years. */
async function fillPracticeHistory(db: Db, volume: Volume, firstId: number, now: Date): Promise<void> {
  const reviews = volume.practiceReviews ?? 0;
  const learners = Math.min(volume.people, Math.ceil(volume.people / 10));
  if (reviews === 0 || learners === 0) return;
  const at = now.toISOString();
  const items = DECK.filter((item) => item.level === 1).slice(0, 20);
  await insertChunked(
    db,
    "practice_settings",
    Array.from({ length: learners }, (_, i) => ({ user_id: firstId + i, level: 1 as const, new_per_day: null, created_at: at, updated_at: at })),
  );
  await insertChunked(
    db,
    "practice_cards",
    Array.from({ length: learners * items.length }, (_, i) => ({
      user_id: firstId + Math.floor(i / items.length),
      item_id: items[i % items.length]!.id,
      due: new Date(now.getTime() + ((i % 30) - 10) * DAY_MS).toISOString(),
      stability: 3,
      difficulty: 5,
      elapsed_days: 2,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 3,
      lapses: 0,
      state: 2,
      last_review: new Date(now.getTime() - (i % 60) * DAY_MS).toISOString(),
      introduced_at: new Date(now.getTime() - 90 * DAY_MS).toISOString(),
    })),
  );
  await insertChunked(
    db,
    "practice_reviews",
    Array.from({ length: reviews }, (_, i) => ({
      user_id: firstId + (i % learners),
      item_id: items[i % items.length]!.id,
      rating: 1 + (i % 4),
      kind: EXERCISE_KINDS[i % EXERCISE_KINDS.length]!,
      reviewed_at: new Date(now.getTime() - (i % 730) * DAY_MS).toISOString(),
      review_number: 1 + Math.floor(i / learners),
    })),
  );
}

async function insertChunked<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  });
}
