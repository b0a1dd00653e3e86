import type { Insertable } from "kysely";
import { knownOffers } from "../../domain/center-offers.js";
import { SERVICE_CODES, SERVICES, type ServiceCode } from "../../domain/services.js";
import type { DateOverride, WeeklyHours } from "../../domain/slots.js";
import { listCenters } from "../catalog.js";
import type { Db } from "../database.js";
import type { SpecialistOverridesTable } from "../schema.js";
import { CENTER_CATALOG } from "./centers.js";
import { demoName, demoOverrides, demoWeek } from "./demo.js";
import { seedEventsDemo } from "./events.js";
import { seedPartnersDemo } from "./partners.js";
import { seedTeaTalkDemo } from "./teatalk.js";
import { seedTeamsDemo } from "./teams.js";

/**
 * Installs the city's centers. Existing rows are left alone, so an administrator's corrections
 * survive a second run; returns how many centers were added.
 */
export async function seedCatalog(db: Db): Promise<number> {
  const before = new Set((await listCenters(db)).map((c) => c.id));
  const missing = CENTER_CATALOG.filter((c) => !before.has(c.id));
  if (missing.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    // Two processes starting on one database both see the centers missing: the later insert
    // skips what the other added, and only the rows this one added get their offers.
    const added = await trx.insertInto("centers").values(missing).onConflict((oc) => oc.column("id").doNothing()).returning("id").execute();
    // What a new center is known to offer; an administrator's later changes to older centers stay.
    const offers = added.flatMap((c) => knownOffers(c.id).map((offer) => ({ center_id: c.id, offer })));
    if (offers.length > 0) await trx.insertInto("center_offers").values(offers).onConflict((oc) => oc.doNothing()).execute();
    return added.length;
  });
}

/**
 * Adds one demo specialist per service to every center that has none yet, with weekly hours
 * and a few date exceptions counted from `now`. A center that already has a demo specialist of
 * a service is skipped whole, so a second run (even weeks later) adds nothing. Returns how many
 * specialists were added.
 */
export async function seedDemo(db: Db, now: Date): Promise<number> {
  const centers = await listCenters(db);
  return db.transaction().execute(async (trx) => {
    let added = 0;
    for (const [i, center] of centers.entries()) {
      for (const [j, service] of SERVICE_CODES.entries()) {
        if (await hasDemoSpecialist(trx, center.id, service)) continue;
        const { id } = await trx
          .insertInto("specialists")
          .values({
            center_id: center.id,
            service,
            display_name: demoName(i * SERVICE_CODES.length + j),
            slot_minutes: SERVICES[service].durationMinutes,
            // Every other center also consults online, so both modes can be tried.
            online: SERVICES[service].online && i % 2 === 0 ? 1 : 0,
            demo: 1,
            created_at: now.toISOString(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await insertWeeklyHours(trx, id, demoWeek(service));
        await insertOverrides(trx, id, demoOverrides(service, now));
        added++;
      }
    }
    return added;
  });
}

async function hasDemoSpecialist(db: Db, centerId: string, service: ServiceCode): Promise<boolean> {
  const row = await db
    .selectFrom("specialists")
    .select("id")
    .where("center_id", "=", centerId)
    .where("service", "=", service)
    .where("demo", "=", 1)
    .executeTakeFirst();
  return row !== undefined;
}

async function insertWeeklyHours(db: Db, specialistId: number, week: WeeklyHours[]): Promise<void> {
  const rows = week.flatMap((day) =>
    day.ranges.map((r) => ({ specialist_id: specialistId, weekday: day.weekday, start_time: r.start, end_time: r.end })),
  );
  if (rows.length > 0) await db.insertInto("specialist_hours").values(rows).execute();
}

/** A day off is one row without times; a date's own hours are one row per range. */
async function insertOverrides(db: Db, specialistId: number, overrides: DateOverride[]): Promise<void> {
  const rows = overrides.flatMap((o): Insertable<SpecialistOverridesTable>[] =>
    o.kind === "off"
      ? [{ specialist_id: specialistId, date: o.date, kind: o.kind, start_time: null, end_time: null }]
      : o.ranges.map((r) => ({ specialist_id: specialistId, date: o.date, kind: o.kind, start_time: r.start, end_time: r.end })),
  );
  if (rows.length > 0) await db.insertInto("specialist_overrides").values(rows).execute();
}

/**
 * The `seed` command: the catalog, and with `--demo` the demo specialists, tea-talk sessions,
 * events, teams and card partners; returns a one-line summary.
 */
export async function runSeed(db: Db, now: Date, args: readonly string[]): Promise<string> {
  const centersAdded = await seedCatalog(db);
  const summary = [`catalog: ${centersAdded} of ${CENTER_CATALOG.length} centers added`];
  if (args.includes("--demo")) {
    summary.push(`demo: ${await seedDemo(db, now)} specialists added`);
    summary.push(`tea talk: ${await seedTeaTalkDemo(db, now)} sessions added`);
    summary.push(`events: ${await seedEventsDemo(db, now)} added`);
    summary.push(`teams: ${await seedTeamsDemo(db, now)} demo teams added`);
    summary.push(`card partners: ${await seedPartnersDemo(db, now)} added`);
  }
  return `seed done; ${summary.join("; ")}`;
}
