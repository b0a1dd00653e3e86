import type { Db } from "../../src/db/database.js";
import type { BookingStatus, Center, OutboxState, Specialist } from "../../src/db/schema.js";
import type { BookingMode, ServiceCode } from "../../src/domain/services.js";
import type { LocalTime, Weekday } from "../../src/domain/time.js";
import type { NewCenter } from "../../src/db/seed/centers.js";

const FIXTURE_CREATED_AT = "2026-11-01T00:00:00.000Z";

/**
 * A center row whose address an administrator has filled in ("адрес" / "мекенжай"); `id` and
 * `district` are what tests usually care about. `placeholder: 1` makes it a catalog stand-in,
 * each of its details a stand-in unless told otherwise.
 */
/** Makes `telegramId` an administrator of the center, granted by `grantedBy` on 1 December (or revoked at `revokedAt`). */
export async function insertCenterAdmin(
  db: Db,
  admin: { telegramId: number; centerId: string; grantedBy: number; revokedAt?: string | null },
): Promise<void> {
  await db
    .insertInto("center_admins")
    .values({
      telegram_id: admin.telegramId,
      center_id: admin.centerId,
      granted_by: admin.grantedBy,
      granted_at: "2026-12-01T05:00:00.000Z",
      revoked_at: admin.revokedAt ?? null,
    })
    .execute();
}

export async function insertCenter(db: Db, center: Partial<Center> & { id: string }): Promise<Center> {
  const row: NewCenter = {
    district: "almaly",
    name_kk: `Орталық ${center.id}`,
    name_ru: `Центр ${center.id}`,
    address_kk: "мекенжай",
    address_ru: "адрес",
    hours_kk: "10:00–19:00",
    hours_ru: "10:00–19:00",
    open_24_7: 0,
    phone: null,
    latitude: 43.25,
    longitude: 76.92,
    placeholder: 0,
    ...center,
  };
  // A center with real details leaves the flags to their defaults, so that it can also be
  // inserted into the tables of older migrations, which have none.
  if (row.placeholder) {
    row.address_placeholder = center.address_placeholder ?? 1;
    row.hours_placeholder = center.hours_placeholder ?? 1;
    row.phone_placeholder = center.phone_placeholder ?? 1;
    row.location_placeholder = center.location_placeholder ?? 1;
  }
  await db.insertInto("centers").values(row).execute();
  return db.selectFrom("centers").selectAll().where("id", "=", center.id).executeTakeFirstOrThrow();
}

/**
 * A specialist of a center, working `hours` (Almaty wall times) on each of `weekdays`
 * (every day unless given).
 */
export async function insertSpecialist(
  db: Db,
  s: {
    centerId: string;
    service: ServiceCode;
    displayName?: string;
    telegramId?: number | null;
    slotMinutes?: number;
    online?: boolean;
    hours?: { start: LocalTime; end: LocalTime }[];
    weekdays?: Weekday[];
  },
): Promise<Specialist> {
  const inserted = await db
    .insertInto("specialists")
    .values({
      center_id: s.centerId,
      service: s.service,
      display_name: s.displayName ?? "Специалист",
      telegram_id: s.telegramId ?? null,
      slot_minutes: s.slotMinutes ?? 60,
      online: Number(s.online ?? true),
      created_at: FIXTURE_CREATED_AT,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const weekdays = s.weekdays ?? ([1, 2, 3, 4, 5, 6, 7] as Weekday[]);
  for (const weekday of weekdays) {
    for (const h of s.hours ?? []) {
      await db.insertInto("specialist_hours").values({ specialist_id: inserted.id, weekday, start_time: h.start, end_time: h.end }).execute();
    }
  }
  return inserted;
}

/**
 * The two consultants most booking tests share, both working weekdays: a psychologist from 10:00
 * to 13:00 in 50-minute slots (10:00, 10:50, 11:40), in person or online, linked to
 * `psychologistTelegramId`; and a career consultant from 10:00 to 12:00 in 45-minute slots (10:00,
 * 10:45; 11:30 would end after 12:00), in person only and linked to no account. Their centers
 * must exist.
 */
export async function insertWeekdayConsultants(
  db: Db,
  at: { psychologistCenterId: string; psychologistTelegramId: number; careerCenterId: string },
): Promise<{ psychologist: Specialist; career: Specialist }> {
  const weekdays: Weekday[] = [1, 2, 3, 4, 5];
  const psychologist = await insertSpecialist(db, {
    centerId: at.psychologistCenterId,
    service: "psychologist",
    slotMinutes: 50,
    telegramId: at.psychologistTelegramId,
    hours: [{ start: "10:00", end: "13:00" }],
    weekdays,
  });
  const career = await insertSpecialist(db, {
    centerId: at.careerCenterId,
    service: "career",
    slotMinutes: 45,
    online: false,
    hours: [{ start: "10:00", end: "12:00" }],
    weekdays,
  });
  return { psychologist, career };
}

/**
 * A booking row written directly, in any state and at any time, past ones included: what the
 * booking flow cannot or would not write (a no-show, a consultation under way, a clash the unique
 * index must refuse), so it does not go through the repository. Columns it does not set stay
 * NULL. Instants are ISO strings in UTC.
 */
export async function insertBooking(
  db: Db,
  b: {
    specialist: Pick<Specialist, "id" | "center_id" | "service">;
    userId: number | null;
    startsAt: string;
    endsAt: string;
    mode?: BookingMode;
    topic?: string | null;
    status?: BookingStatus;
  },
): Promise<number> {
  const row = await db
    .insertInto("bookings")
    .values({
      user_id: b.userId,
      specialist_id: b.specialist.id,
      service: b.specialist.service,
      center_id: b.specialist.center_id,
      starts_at: new Date(b.startsAt).toISOString(),
      ends_at: new Date(b.endsAt).toISOString(),
      mode: b.mode ?? "in_person",
      topic: b.topic ?? null,
      status: b.status ?? "confirmed",
      created_at: FIXTURE_CREATED_AT,
      updated_at: FIXTURE_CREATED_AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An outbox row as a feature would have written it, pending unless told otherwise; returns its id. */
export async function insertOutboxRow(
  db: Db,
  r: {
    kind: string;
    recipientId: number;
    dueAt: string;
    payload?: Record<string, unknown>;
    expiresAt?: string | null;
    essential?: boolean;
    urgent?: boolean;
    bookingId?: number | null;
    state?: OutboxState;
    claimedBy?: string | null;
    claimedAt?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto("outbox")
    .values({
      kind: r.kind,
      recipient_id: r.recipientId,
      payload: JSON.stringify(r.payload ?? {}),
      due_at: new Date(r.dueAt).toISOString(),
      expires_at: r.expiresAt ? new Date(r.expiresAt).toISOString() : null,
      essential: Number(r.essential ?? false),
      urgent: Number(r.urgent ?? false),
      booking_id: r.bookingId ?? null,
      state: r.state ?? "pending",
      claimed_by: r.claimedBy ?? null,
      claimed_at: r.claimedAt ? new Date(r.claimedAt).toISOString() : null,
      created_at: FIXTURE_CREATED_AT,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
