import { addMinutes } from "../../domain/time-math.js";
import type { DistrictCode } from "../../domain/districts.js";
import type { ListedCategory } from "../../domain/events.js";
import { addDays, localDateOf, toInstant, type LocalTime } from "../../domain/time.js";
import { listCenters } from "../catalog.js";
import { createEvent } from "../events.js";
import type { Db } from "../database.js";
import { demoName } from "./demo.js";

interface DemoEvent {
  category: ListedCategory;
  district: DistrictCode;
  kk: string;
  ru: string;
  aboutKk: string;
  aboutRu: string;
  /** Days after today, and the Almaty time it starts. */
  day: number;
  time: LocalTime;
  minutes: number;
  capacity: number | null;
}

interface DemoVenue {
  kk: string;
  ru: string;
  latitude: number | null;
  longitude: number | null;
}

/** Where the festival is held: a public park of its district (Medeu), with its map point. */
const FESTIVAL_VENUE: DemoVenue = {
  kk: "28 гвардияшы-панфиловшылар атындағы саябақ",
  ru: "Парк имени 28 гвардейцев-панфиловцев",
  latitude: 43.2585,
  longitude: 76.9545,
};
/** Where an event is held when its district has no center (yet). */
const VENUE_TO_BE_NAMED: DemoVenue = { kk: "Алаң кейін хабарланады (демо)", ru: "Площадка будет объявлена (демо)", latitude: null, longitude: null };

/**
 * Demo events, one or two in each district: in a center, or (the festival) in a city park, so that
 * an event's "On the map" has a real place to show. Titles say "demo" in both languages. The
 * media-literacy class has two seats, to try the waitlist with.
 */
const DEMO_EVENTS: readonly DemoEvent[] = [
  { category: "festival", district: "medeu", kk: "Жастар фестивалі (демо)", ru: "Молодёжный фестиваль (демо)", aboutKk: "Музыка, спорт алаңдары және жастар ұйымдарының шатырлары.", aboutRu: "Музыка, спортивные площадки и шатры молодёжных организаций.", day: 5, time: "12:00", minutes: 360, capacity: null },
  { category: "concert", district: "almaly", kk: "Акустикалық кеш (демо)", ru: "Акустический вечер (демо)", aboutKk: "Жас музыканттардың акустикалық концерті.", aboutRu: "Акустический концерт молодых музыкантов.", day: 2, time: "19:00", minutes: 120, capacity: 40 },
  { category: "sport", district: "bostandyk", kk: "Таңғы жүгіру (демо)", ru: "Утренняя пробежка (демо)", aboutKk: "5 шақырымдық жеңіл жүгіріс, кез келген деңгейге.", aboutRu: "Лёгкая пробежка на 5 км для любого уровня.", day: 3, time: "08:00", minutes: 90, capacity: 25 },
  { category: "education", district: "auezov", kk: "SMM негіздері (демо)", ru: "Основы SMM (демо)", aboutKk: "Әлеуметтік желілерде жоба жүргізуді үйренеміз.", aboutRu: "Учимся вести проект в социальных сетях.", day: 1, time: "18:00", minutes: 120, capacity: 20 },
  { category: "education", district: "alatau", kk: "Мобилография шеберханасы (демо)", ru: "Мастерская мобилографии (демо)", aboutKk: "Телефонмен сапалы фото мен бейне түсіру.", aboutRu: "Снимаем качественные фото и видео на телефон.", day: 4, time: "16:00", minutes: 120, capacity: 15 },
  { category: "education", district: "zhetysu", kk: "Медиасауаттылық (демо)", ru: "Медиаграмотность (демо)", aboutKk: "Жалған ақпаратты қалай тануға болады.", aboutRu: "Как распознать недостоверную информацию.", day: 2, time: "17:00", minutes: 90, capacity: 2 },
  { category: "volunteering", district: "turksib", kk: "Аулаларды абаттандыру акциясы (демо)", ru: "Акция по благоустройству дворов (демо)", aboutKk: "Еріктілермен бірге аулаларды тазалаймыз.", aboutRu: "Вместе с волонтёрами приводим дворы в порядок.", day: 6, time: "10:00", minutes: 180, capacity: 30 },
  { category: "concert", district: "nauryzbay", kk: "Жас әншілер кеші (демо)", ru: "Вечер молодых исполнителей (демо)", aboutKk: "Аудандағы жас әншілердің өнері.", aboutRu: "Выступления молодых исполнителей района.", day: 8, time: "18:30", minutes: 120, capacity: 60 },
];

/**
 * Adds the demo events that are not there yet (same title and start), starting from tomorrow, so
 * that a second run adds nothing. Returns how many were added.
 */
export async function seedEventsDemo(db: Db, now: Date): Promise<number> {
  const centers = await listCenters(db);
  const today = localDateOf(now);
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const [n, e] of DEMO_EVENTS.entries()) {
      const startsAt = toInstant(addDays(today, e.day), e.time);
      const exists = await trx
        .selectFrom("events")
        .select("id")
        .where("title_ru", "=", e.ru)
        .where("starts_at", "=", startsAt.toISOString())
        .where("demo", "=", 1)
        .executeTakeFirst();
      if (exists) continue;
      // The festival is out in the city; the others in the district's first center.
      const outdoors = e.category === "festival";
      const center = outdoors ? undefined : centers.find((c) => c.district === e.district);
      const venue = outdoors ? FESTIVAL_VENUE : center ? undefined : VENUE_TO_BE_NAMED;
      await createEvent(trx, {
        category: e.category,
        level: null,
        center_id: center?.id ?? null,
        venue_kk: venue?.kk ?? null,
        venue_ru: venue?.ru ?? null,
        latitude: venue?.latitude ?? null,
        longitude: venue?.longitude ?? null,
        district: e.district,
        title_kk: e.kk,
        title_ru: e.ru,
        description_kk: e.aboutKk,
        description_ru: e.aboutRu,
        starts_at: startsAt.toISOString(),
        ends_at: addMinutes(startsAt, e.minutes).toISOString(),
        capacity: e.capacity,
        host_specialist_id: null,
        host_name: demoName(n),
        host_telegram_id: null,
        demo: 1,
        created_at: now.toISOString(),
      });
      added++;
    }
    return added;
  });
}
