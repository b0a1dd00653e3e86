import type { Db } from "../../src/db/database.js";
import { createEvent } from "../../src/db/events.js";
import type { DistrictCode } from "../../src/domain/districts.js";
import type { ListedCategory } from "../../src/domain/events.js";
import type { EventStatus } from "../../src/domain/seats.js";

/** An event as the city or a center would have entered it; returns its id. */
export async function insertEvent(
  db: Db,
  e: {
    startsAt: Date | string;
    minutes?: number;
    category?: ListedCategory;
    centerId?: string;
    venue?: { kk: string; ru: string };
    district?: DistrictCode;
    capacity?: number | null;
    title?: string;
    description?: string | null;
    hostName?: string | null;
    hostTelegramId?: number | null;
    status?: EventStatus;
  },
): Promise<number> {
  const startsAt = new Date(e.startsAt);
  const center = e.centerId
    ? await db.selectFrom("centers").select("district").where("id", "=", e.centerId).executeTakeFirstOrThrow()
    : undefined;
  const title = e.title ?? "Концерт";
  return createEvent(db, {
    category: e.category ?? "concert",
    level: null,
    center_id: e.centerId ?? null,
    venue_kk: e.centerId ? null : (e.venue?.kk ?? "Саябақ"),
    venue_ru: e.centerId ? null : (e.venue?.ru ?? "Парк"),
    latitude: null,
    longitude: null,
    district: e.district ?? center?.district ?? "medeu",
    title_kk: `${title} (kk)`,
    title_ru: title,
    description_kk: e.description === undefined ? "Сипаттама" : e.description,
    description_ru: e.description === undefined ? "Описание" : e.description,
    starts_at: startsAt.toISOString(),
    ends_at: new Date(startsAt.getTime() + (e.minutes ?? 120) * 60_000).toISOString(),
    capacity: e.capacity === undefined ? 10 : e.capacity,
    host_specialist_id: null,
    host_name: e.hostName === undefined ? "Организатор" : e.hostName,
    host_telegram_id: e.hostTelegramId ?? null,
    status: e.status ?? "scheduled",
    created_at: "2026-11-01T00:00:00.000Z",
  });
}
