import type { Insertable } from "kysely";
import { TEATALK_LEVELS, TEATALK_LIST_DAYS } from "../../domain/teatalk.js";
import { addMinutes } from "../../domain/time-math.js";
import { addDays, localDateOf, localWeekday, toInstant, type LocalTime, type Weekday } from "../../domain/time.js";
import { listCenters } from "../catalog.js";
import type { Db } from "../database.js";
import type { EventsTable } from "../schema.js";
import { demoName } from "./demo.js";

/** Conversation topics of demo sessions, in both languages. */
const DEMO_TOPICS: readonly { kk: string; ru: string }[] = [
  { kk: "Танысайық: өзім туралы", ru: "Давайте знакомиться: о себе" },
  { kk: "Алматыдағы сүйікті орындарым", ru: "Мои любимые места в Алматы" },
  { kk: "Дастархан басында: тағам мен шай", ru: "За дастарханом: еда и чай" },
  { kk: "Жұмыс пен оқу", ru: "Работа и учёба" },
  { kk: "Кино, музыка, кітап", ru: "Кино, музыка, книги" },
  { kk: "Саяхат пен демалыс", ru: "Путешествия и отдых" },
];

/** Demo sessions meet twice a week, for an hour and a half; neighbouring centers on different days. */
const DEMO_WEEKS: readonly (readonly { weekday: Weekday; time: LocalTime }[])[] = [
  [
    { weekday: 2, time: "18:30" },
    { weekday: 6, time: "12:00" },
  ],
  [
    { weekday: 3, time: "19:00" },
    { weekday: 7, time: "15:00" },
  ],
];
const DEMO_MINUTES = 90;
const DEMO_CAPACITIES = [8, 10, 12] as const;

/**
 * Demo tea-talk sessions for the coming two weeks in every other center (one per district),
 * with the levels taking turns so that each appears. A session already there (same center and
 * start) is not added again, so a second run adds nothing and a later one only adds new dates.
 * Returns how many sessions were added.
 */
export async function seedTeaTalkDemo(db: Db, now: Date): Promise<number> {
  const centers = (await listCenters(db)).filter((_, i) => i % 2 === 0);
  const today = localDateOf(now);
  const planned: Insertable<EventsTable>[] = [];
  centers.forEach((center, c) => {
    for (let day = 1; day <= TEATALK_LIST_DAYS; day++) {
      const date = addDays(today, day);
      const meeting = DEMO_WEEKS[c % DEMO_WEEKS.length]!.find((m) => m.weekday === localWeekday(date));
      if (!meeting) continue;
      const n = c + day;
      const startsAt = toInstant(date, meeting.time);
      planned.push({
        category: "teatalk",
        center_id: center.id,
        district: center.district,
        starts_at: startsAt.toISOString(),
        ends_at: addMinutes(startsAt, DEMO_MINUTES).toISOString(),
        level: TEATALK_LEVELS[n % TEATALK_LEVELS.length]!,
        host_specialist_id: null,
        host_name: demoName(n),
        host_telegram_id: null,
        capacity: DEMO_CAPACITIES[n % DEMO_CAPACITIES.length]!,
        title_kk: DEMO_TOPICS[n % DEMO_TOPICS.length]!.kk,
        title_ru: DEMO_TOPICS[n % DEMO_TOPICS.length]!.ru,
        demo: 1,
        created_at: now.toISOString(),
      });
    }
  });
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const session of planned) {
      const exists = await trx
        .selectFrom("events")
        .select("id")
        .where("center_id", "=", session.center_id!)
        .where("starts_at", "=", session.starts_at)
        .where("category", "=", "teatalk")
        .where("demo", "=", 1)
        .executeTakeFirst();
      if (exists) continue;
      await trx.insertInto("events").values(session).execute();
      added++;
    }
    return added;
  });
}
