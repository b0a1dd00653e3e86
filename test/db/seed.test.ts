import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCenters, loadSchedules } from "../../src/db/catalog.js";
import type { Db } from "../../src/db/database.js";
import { listUpcomingEvents } from "../../src/db/events.js";
import { seedEventsDemo } from "../../src/db/seed/events.js";
import { runSeed, seedCatalog, seedDemo } from "../../src/db/seed/index.js";
import { seedTeamsDemo } from "../../src/db/seed/teams.js";
import { seedPartnersDemo } from "../../src/db/seed/partners.js";
import { LISTED_CATEGORIES } from "../../src/domain/events.js";
import { DISTRICTS } from "../../src/domain/districts.js";
import { BOOKING_WINDOW_DAYS, MIN_NOTICE_MINUTES, SERVICE_CODES, SERVICES } from "../../src/domain/services.js";
import { freeSlots, validateWeeklyHours } from "../../src/domain/slots.js";
import { addDays, localDateOf, localTimeOf, localWeekday } from "../../src/domain/time.js";
import { createTestDb } from "../support/harness.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
});
afterEach(async () => {
  await store.cleanup();
});

/** Monday 23 November 2026, 09:00 in Almaty. */
const NOW = new Date("2026-11-23T04:00:00Z");

/** Every row the seeds write, in a stable order: equal dumps mean nothing changed. */
async function dump(): Promise<unknown[]> {
  return [
    await db.selectFrom("centers").selectAll().orderBy("id").execute(),
    await db.selectFrom("specialists").selectAll().orderBy("id").execute(),
    await db.selectFrom("specialist_hours").selectAll().orderBy("specialist_id").orderBy("weekday").orderBy("start_time").execute(),
    await db.selectFrom("specialist_overrides").selectAll().orderBy("id").execute(),
  ];
}

async function demoSpecialists() {
  return db.selectFrom("specialists").selectAll().where("demo", "=", 1).orderBy("id").execute();
}

describe("catalog seed", () => {
  it("installs two centers in each of the eight districts, in both languages", async () => {
    expect(await seedCatalog(db)).toBe(16);
    const centers = await listCenters(db);
    expect(centers).toHaveLength(16);
    for (const district of DISTRICTS) {
      expect(centers.filter((c) => c.district === district).map((c) => c.id)).toEqual([`${district}-1`, `${district}-2`]);
    }
    for (const c of centers) {
      for (const text of [c.name_ru, c.name_kk, c.address_ru, c.address_kk, c.hours_ru, c.hours_kk]) expect(text.trim()).not.toBe("");
      expect(c.name_kk).not.toBe(c.name_ru);
      expect(c.address_kk).not.toBe(c.address_ru);
      expect(c.hours_kk).not.toBe(c.hours_ru);
    }
    expect(new Set(centers.map((c) => c.name_ru)).size).toBe(16);
    expect(new Set(centers.map((c) => c.name_kk)).size).toBe(16);
  });

  it("installs each center once when two starts race for an empty catalog", async () => {
    // Both read the catalog before either writes, as two processes starting together do.
    const added = await Promise.all([seedCatalog(db), seedCatalog(db)]);
    expect(added.reduce((a, b) => a + b)).toBe(16);
    expect(await listCenters(db)).toHaveLength(16);
    const offers = await db.selectFrom("center_offers").select(["center_id", "offer"]).execute();
    expect(new Set(offers.map((o) => `${o.center_id}/${o.offer}`)).size).toBe(offers.length);
    expect(new Set(offers.map((o) => o.center_id)).size).toBe(16);
  });

  it("marks every unknown address, phone and point as a placeholder, and nothing as open 24/7 yet", async () => {
    await seedCatalog(db);
    for (const c of await listCenters(db)) {
      expect(c).toMatchObject({
        placeholder: 1,
        address_placeholder: 1,
        hours_placeholder: 1,
        phone_placeholder: 1,
        location_placeholder: 1,
        phone: null,
        open_24_7: 0,
      });
      expect(c.address_ru).toMatch(/уточняется/);
      expect(c.address_kk).toMatch(/нақтылайды/);
      expect(c.hours_ru).toMatch(/уточняется/);
      expect(c.hours_kk).toMatch(/нақтыланады/);
      // A stand-in point still lies within Almaty.
      expect(c.latitude).toBeGreaterThan(43.1);
      expect(c.latitude).toBeLessThan(43.4);
      expect(c.longitude).toBeGreaterThan(76.7);
      expect(c.longitude).toBeLessThan(77.1);
    }
  });

  it("is idempotent and keeps an administrator's corrections", async () => {
    await seedCatalog(db);
    await db
      .updateTable("centers")
      .set({ address_ru: "ул. Примерная, 1", phone: "+7 727 000 00 00", placeholder: 0 })
      .where("id", "=", "medeu-1")
      .execute();
    const before = await dump();
    expect(await seedCatalog(db)).toBe(0);
    expect(await dump()).toEqual(before);
    expect((await listCenters(db, "medeu"))[0]).toMatchObject({ address_ru: "ул. Примерная, 1", placeholder: 0 });
  });
});

describe("demo seed", () => {
  beforeEach(async () => {
    await seedCatalog(db);
  });

  it("gives every center one demo specialist per service with the service's slot length", async () => {
    expect(await seedDemo(db, NOW)).toBe(16 * SERVICE_CODES.length);
    const specialists = await demoSpecialists();
    for (const c of await listCenters(db)) {
      const here = specialists.filter((s) => s.center_id === c.id);
      expect(here.map((s) => s.service).sort()).toEqual([...SERVICE_CODES].sort());
      expect(new Set(here.map((s) => s.display_name)).size).toBe(SERVICE_CODES.length);
    }
    for (const s of specialists) {
      expect(s.slot_minutes).toBe(SERVICES[s.service].durationMinutes);
      expect(s.display_name).toMatch(/\(демо\)$/);
      expect(s).toMatchObject({ demo: 1, active: 1, telegram_id: null, created_at: NOW.toISOString() });
    }
    // Both modes can be tried: some demo specialists consult online, some only in person.
    expect(new Set(specialists.map((s) => s.online))).toEqual(new Set([0, 1]));
  });

  it("gives valid weekly hours with a lunch break, and free slots within the booking window", async () => {
    await seedDemo(db, NOW);
    const specialists = await demoSpecialists();
    const schedules = await loadSchedules(db, specialists.map((s) => s.id));
    const today = localDateOf(NOW);
    const servicesWithSlots = new Set<string>();
    let saturdayWorkers = 0;

    for (const s of specialists) {
      const { weekly, overrides } = schedules.get(s.id)!;
      expect(validateWeeklyHours(weekly)).toEqual([]);
      expect(weekly.map((w) => w.weekday)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
      if (weekly.some((w) => w.weekday === 6)) saturdayWorkers++;

      const slots = freeSlots({
        weekly,
        overrides,
        slotMinutes: s.slot_minutes,
        now: NOW,
        days: BOOKING_WINDOW_DAYS,
        minNoticeMinutes: MIN_NOTICE_MINUTES,
        busy: [],
      });
      expect(slots.length).toBeGreaterThan(0);
      servicesWithSlots.add(s.service);
      // The weekday lunch break is free of consultations.
      const atLunch = (slot: (typeof slots)[number]) =>
        localWeekday(slot.date) <= 5 && slot.time < "14:00" && localTimeOf(slot.end) > "13:00";
      expect(slots.filter(atLunch)).toEqual([]);
      // A day off in the window offers nothing that day.
      for (const off of overrides.filter((o) => o.kind === "off")) {
        expect(off.date > today && off.date < addDays(today, BOOKING_WINDOW_DAYS)).toBe(true);
        expect(slots.filter((slot) => slot.date === off.date)).toEqual([]);
      }
      // Extra hours on a free day are offered.
      for (const extra of overrides.filter((o) => o.kind === "hours")) {
        if (!weekly.some((w) => w.weekday === localWeekday(extra.date))) {
          expect(slots.some((slot) => slot.date === extra.date)).toBe(true);
        }
      }
    }
    expect([...servicesWithSlots].sort()).toEqual([...SERVICE_CODES].sort());
    expect(saturdayWorkers).toBeGreaterThan(0);
    expect(saturdayWorkers).toBeLessThan(specialists.length);
  });

  it("has both kinds of date overrides in the coming weeks", async () => {
    await seedDemo(db, NOW);
    const overrides = await db.selectFrom("specialist_overrides").selectAll().execute();
    const today = localDateOf(NOW);
    expect(new Set(overrides.map((o) => o.kind))).toEqual(new Set(["off", "hours"]));
    for (const o of overrides) {
      expect(o.date > today && o.date <= addDays(today, 21)).toBe(true);
      if (o.kind === "off") expect([o.start_time, o.end_time]).toEqual([null, null]);
      else expect(o.start_time! < o.end_time!).toBe(true);
    }
  });

  it("is idempotent, also when run again weeks later", async () => {
    await seedDemo(db, NOW);
    const before = await dump();
    expect(await seedDemo(db, NOW)).toBe(0);
    expect(await dump()).toEqual(before);
    expect(await seedDemo(db, new Date(NOW.getTime() + 10 * 86_400_000))).toBe(0);
    expect(await dump()).toEqual(before);
  });
});

describe("what the centers offer", () => {
  const offersOf = async (centerId: string) =>
    (await db.selectFrom("center_offers").select("offer").where("center_id", "=", centerId).orderBy("offer").execute()).map((r) => r.offer);

  it("installs only what the city has named: co-working everywhere, the studio in Alatau, the brainstorm room in Zhetysu", async () => {
    await seedCatalog(db);
    expect(await offersOf("alatau-1")).toEqual(["coworking", "recording_studio"]);
    expect(await offersOf("zhetysu-1")).toEqual(["brainstorm_room", "coworking"]);
    for (const c of await listCenters(db)) {
      if (c.id !== "alatau-1" && c.id !== "zhetysu-1") expect(await offersOf(c.id)).toEqual(["coworking"]);
    }
  });

  it("leaves an administrator's changes to a center's offers alone on the next run", async () => {
    await seedCatalog(db);
    await db.deleteFrom("center_offers").where("center_id", "=", "medeu-1").execute();
    await db.insertInto("center_offers").values({ center_id: "medeu-2", offer: "it_courses" }).execute();
    await seedCatalog(db);
    expect(await offersOf("medeu-1")).toEqual([]);
    expect(await offersOf("medeu-2")).toEqual(["coworking", "it_courses"]);
  });
});

describe("demo teams", () => {
  it("are marked as demo in their names and rows, one of each named kind", async () => {
    await seedCatalog(db);
    expect(await seedTeamsDemo(db, NOW)).toBe(3);
    const teams = await db.selectFrom("teams").selectAll().orderBy("id").execute();
    expect(teams.map((t) => t.category)).toEqual(["ecology", "patriotic", "volunteer"]);
    for (const t of teams) {
      expect(t).toMatchObject({ demo: 1, active: 1, coordinator_id: null });
      expect(t.name_ru).toContain("(демо)");
      expect(t.name_kk).toContain("(демо)");
    }
    expect(await seedTeamsDemo(db, NOW)).toBe(0);
  });
});

describe("demo partners", () => {
  it("are one per category, marked and named as demo, and added once", async () => {
    expect(await seedPartnersDemo(db, NOW)).toBe(3);
    expect(await seedPartnersDemo(db, NOW)).toBe(0);
    const partners = await db.selectFrom("partners").select(["name", "category", "demo", "active"]).orderBy("category").execute();
    expect(partners.map((p) => p.category)).toEqual(["culture", "sport", "transport"]);
    for (const p of partners) {
      expect(p).toMatchObject({ demo: 1, active: 1 });
      expect(p.name).toContain("(демо)");
    }
  });
});

describe("demo events", () => {
  it("are upcoming, marked demo, spread over districts and every category, and added once", async () => {
    await seedCatalog(db);
    expect(await seedEventsDemo(db, NOW)).toBe(8);
    expect(await seedEventsDemo(db, NOW)).toBe(0);
    const events = await listUpcomingEvents(db, { categories: LISTED_CATEGORIES, from: NOW, to: new Date(NOW.getTime() + 30 * 86_400_000) });
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.demo === 1 && e.title_ru.includes("(демо)") && e.title_kk.includes("(демо)"))).toBe(true);
    expect(new Set(events.map((e) => e.category))).toEqual(new Set(LISTED_CATEGORIES));
    expect(new Set(events.map((e) => e.district)).size).toBe(8);
    // In a center of its district, or (the festival) in a public park with its map point; never an invented address.
    const centers = new Map((await listCenters(db)).map((c) => [c.id, c]));
    for (const e of events) {
      if (e.center_id) expect(centers.get(e.center_id)?.district).toBe(e.district);
      else expect(e).toMatchObject({ category: "festival", venue_ru: "Парк имени 28 гвардейцев-панфиловцев", latitude: 43.2585, longitude: 76.9545 });
    }
  });
});

describe("seed command", () => {
  it("seeds the catalog, adds demo specialists only with --demo, and reports what it added", async () => {
    expect(await runSeed(db, NOW, [])).toBe("seed done; catalog: 16 of 16 centers added");
    expect(await demoSpecialists()).toEqual([]);
    expect(await runSeed(db, NOW, ["--demo"])).toBe(
      "seed done; catalog: 0 of 16 centers added; demo: 64 specialists added; tea talk: 32 sessions added; events: 8 added; teams: 3 demo teams added; card partners: 3 added",
    );
    expect(await runSeed(db, NOW, ["--demo"])).toBe(
      "seed done; catalog: 0 of 16 centers added; demo: 0 specialists added; tea talk: 0 sessions added; events: 0 added; teams: 0 demo teams added; card partners: 0 added",
    );
    expect(await demoSpecialists()).toHaveLength(64);
  });
});
