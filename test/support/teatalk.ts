import type { Db } from "../../src/db/database.js";
import type { EventStatus } from "../../src/domain/seats.js";
import type { TeaTalkLevel } from "../../src/domain/teatalk.js";

/** A tea-talk session as an administrator would have entered it; returns its id. */
export async function insertTeaTalkSession(
  db: Db,
  s: {
    centerId: string;
    startsAt: Date | string;
    minutes?: number;
    level?: TeaTalkLevel;
    capacity?: number;
    hostName?: string | null;
    hostSpecialistId?: number | null;
    hostTelegramId?: number | null;
    topicKk?: string;
    topicRu?: string;
    status?: EventStatus;
  },
): Promise<number> {
  const startsAt = new Date(s.startsAt);
  const center = await db.selectFrom("centers").select("district").where("id", "=", s.centerId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto("events")
    .values({
      category: "teatalk",
      center_id: s.centerId,
      district: center.district,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + (s.minutes ?? 90) * 60_000).toISOString(),
      level: s.level ?? "beginner",
      host_specialist_id: s.hostSpecialistId ?? null,
      host_name: s.hostName === undefined ? (s.hostSpecialistId ? null : "Айгерім") : s.hostName,
      host_telegram_id: s.hostTelegramId ?? null,
      capacity: s.capacity ?? 10,
      title_kk: s.topicKk ?? "Танысайық",
      title_ru: s.topicRu ?? "Знакомство",
      status: s.status ?? "scheduled",
      created_at: "2026-11-01T00:00:00.000Z",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
