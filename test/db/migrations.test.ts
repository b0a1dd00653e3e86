import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Migrator, sql, type Migration } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index.js";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { projectRoot } from "../../src/paths.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createTestDb } from "../support/harness.js";
import { itOnPostgres } from "../support/postgres.js";
import { itOnSqlite } from "../support/statements.js";
import { registerUser } from "../support/users.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe("migrations", () => {
  it("lists every migration file of the folder, in date order", () => {
    const files = readdirSync(join(projectRoot(), "migrations"))
      .filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  // The journal mode and the foreign-key switch are settings of an SQLite file and connection;
  // PostgreSQL has neither (it always logs ahead and always checks foreign keys).
  itOnSqlite("apply to a new file with WAL and foreign keys on, and a second run applies nothing", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe("wal");
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(await migrateToLatest(store.db)).toEqual([]);

    // A second connection to the same file sees the same schema.
    const again = openDatabase({ dialect: "sqlite", path: store.path });
    const tables = await again.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "bookings", "outbox", "conversation_state"]));
    await again.destroy();
  });

  it("creates the data folder when it does not exist", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const nested = openDatabase({ dialect: "sqlite", path: join(store.dir, "a", "b", "jastar.db") });
    expect(await migrateToLatest(nested)).toEqual(Object.keys(migrations));
    await nested.destroy();
  });
});

describe("instances starting at the same moment on a new database", () => {
  // Two instances on one SQLite file are two processes, each waiting for the file's lock; on
  // PostgreSQL they wait for the migrations' advisory lock.
  itOnPostgres("apply each migration once between them, and both start", async () => {
    const store = await createTestDb({ empty: true });
    const other = openDatabase(store.config);
    cleanup = async () => {
      await other.destroy();
      await store.cleanup();
    };
    const [first, second] = await Promise.all([migrateToLatest(store.db), migrateToLatest(other)]);
    expect([...first, ...second].sort()).toEqual(Object.keys(migrations));
    const applied = await store.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
    expect(applied).toHaveLength(Object.keys(migrations).length);
  });
});

describe("invites for tea-talk hosts", () => {
  it("keep the specialists' invites given before, and going back drops only the hosts' ones", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("2026-12-02-08-deactivated-staff")).error).toBeUndefined();
    await insertCenter(store.db, { id: "almaly-1" });
    const specialist = await insertSpecialist(store.db, { centerId: "almaly-1", service: "lawyer" });
    const invite = {
      token: "t-old",
      specialist_id: specialist.id,
      created_by: 900,
      created_at: "2026-11-20T00:00:00.000Z",
      expires_at: "2026-11-23T00:00:00.000Z",
      used_at: null,
      used_by: null,
    };
    await sql`insert into staff_invites (token, specialist_id, created_by, created_at, expires_at)
      values (${invite.token}, ${invite.specialist_id}, ${invite.created_by}, ${invite.created_at}, ${invite.expires_at})`.execute(store.db);

    expect((await migrator.migrateTo("2026-12-02-10-host-invites")).error).toBeUndefined();
    expect(await store.db.selectFrom("staff_invites").selectAll().execute()).toEqual([
      { ...invite, kind: "specialist", host_name: null, center_id: null },
    ]);
    await sql`insert into staff_invites (token, kind, host_name, center_id, created_by, created_at, expires_at)
      values ('t-host', 'host', 'Айгерім', 'almaly-1', 900, '2026-11-21T00:00:00.000Z', '2026-11-24T00:00:00.000Z')`.execute(store.db);
    // An invite naming neither a specialist nor a host cannot be stored.
    const nameless = sql`insert into staff_invites (token, kind, created_by, created_at, expires_at) values ('t-none', 'host', 900, '', '')`;
    await expect(nameless.execute(store.db)).rejects.toThrow(/check/i);

    expect((await migrator.migrateTo("2026-12-02-08-deactivated-staff")).error).toBeUndefined();
    expect(await sql`select * from staff_invites`.execute(store.db).then((r) => r.rows)).toEqual([invite]);
  });
});

describe("invites for card partners and team coordinators", () => {
  it("keep the invites given before, name one target each, and going back drops only the new roles' ones", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("2026-12-02-11-practice-review-once")).error).toBeUndefined();
    await insertCenter(store.db, { id: "almaly-1" });
    const specialist = await insertSpecialist(store.db, { centerId: "almaly-1", service: "lawyer" });
    await sql`insert into staff_invites (token, kind, specialist_id, created_by, created_at, expires_at)
      values ('t-specialist', 'specialist', ${specialist.id}, 900, '2026-12-01T00:00:00.000Z', '2026-12-04T00:00:00.000Z')`.execute(store.db);
    await sql`insert into staff_invites (token, kind, host_name, center_id, created_by, created_at, expires_at)
      values ('t-host', 'host', 'Айгерім', 'almaly-1', 900, '2026-12-01T00:00:00.000Z', '2026-12-04T00:00:00.000Z')`.execute(store.db);
    const before = await sql`select * from staff_invites order by kind`.execute(store.db).then((r) => r.rows);

    expect((await migrator.migrateTo("2026-12-02-12-invite-targets")).error).toBeUndefined();
    const after = await sql`select * from staff_invites order by kind`.execute(store.db).then((r) => r.rows);
    expect(after).toEqual(before.map((row) => ({ ...(row as object), partner_id: null, team_id: null })));
    const invite = (kind: string, target: string) =>
      sql`insert into staff_invites (token, kind, ${sql.raw(target)}, created_by, created_at, expires_at)
        values (${`t-${kind}`}, ${kind}, 7, 900, '', '')`;
    await invite("partner", "partner_id").execute(store.db);
    await invite("coordinator", "team_id").execute(store.db);
    // A partner's invite must name a partner and nothing else; a coordinator's, a team.
    await expect(invite("partner", "team_id").execute(store.db)).rejects.toThrow(/check/i);
    await expect(invite("coordinator", "specialist_id").execute(store.db)).rejects.toThrow(/check/i);
    await expect(invite("judge", "team_id").execute(store.db)).rejects.toThrow(/check/i);

    expect((await migrator.migrateTo("2026-12-02-11-practice-review-once")).error).toBeUndefined();
    expect(await sql`select * from staff_invites order by kind`.execute(store.db).then((r) => r.rows)).toEqual(before);
  });
});

describe("invites for center administrators", () => {
  it("keep the invites given before, name a center alone, and going back drops only theirs", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("2026-12-02-50-administration")).error).toBeUndefined();
    await insertCenter(store.db, { id: "almaly-1" });
    await sql`insert into staff_invites (token, kind, partner_id, created_by, created_at, expires_at, used_at, used_by)
      values ('t-partner', 'partner', 3, 900, '2026-12-01T00:00:00.000Z', '2026-12-04T00:00:00.000Z', '2026-12-02T00:00:00.000Z', 77)`.execute(store.db);
    const before = await sql`select * from staff_invites`.execute(store.db).then((r) => r.rows);

    expect((await migrator.migrateTo("2026-12-02-51-center-admin-invites")).error).toBeUndefined();
    expect(await sql`select * from staff_invites`.execute(store.db).then((r) => r.rows)).toEqual(before);
    const invite = (target: string, value: string | number) =>
      sql`insert into staff_invites (token, kind, ${sql.raw(target)}, created_by, created_at, expires_at)
        values (${`t-${target}`}, 'center-admin', ${value}, 900, '', '')`;
    await invite("center_id", "almaly-1").execute(store.db);
    // A center administrator's invite names a center and nothing else.
    await expect(invite("team_id", 7).execute(store.db)).rejects.toThrow(/CHECK|check constraint/);

    expect((await migrator.migrateTo("2026-12-02-50-administration")).error).toBeUndefined();
    expect(await sql`select * from staff_invites`.execute(store.db).then((r) => r.rows)).toEqual(before);
  });
});

describe("a migration that fails halfway", () => {
  it("leaves nothing behind, so the next start can run it again", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const failing: Record<string, Migration> = {
      "2099-01-01-01-half": {
        async up(db) {
          await db.schema.createTable("half_done").addColumn("id", "integer").execute();
          throw new Error("stopped halfway");
        },
      },
    };
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => ({ ...migrations, ...failing }) } });
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeInstanceOf(Error);
    const tables = (await store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain("half_done");
  });
});

describe("numbering the practice reviews stored before a review was stored once", () => {
  it("numbers each learner's reviews of an item in the order they were made, and goes back down", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo("2026-12-02-10-host-invites");
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toContain("2026-12-02-11-practice-review-once");
    await registerUser(store.db, 1);
    await registerUser(store.db, 2);
    const at = "2026-11-20T10:00:00.000Z";
    const rows = [
      [1, "greetings-001"],
      [1, "greetings-002"],
      [1, "greetings-001"],
      [2, "greetings-001"],
      [1, "greetings-001"],
    ] as const;
    for (const [user, item] of rows) {
      await sql`insert into practice_reviews (user_id, item_id, rating, kind, reviewed_at) values (${user}, ${item}, 3, 'flashcard', ${at})`.execute(store.db);
    }

    await migrateToLatest(store.db);
    const numbered = await store.db.selectFrom("practice_reviews").select(["user_id", "item_id", "review_number"]).orderBy("id").execute();
    expect(numbered.map((r) => [r.user_id, r.item_id, r.review_number])).toEqual([
      [1, "greetings-001", 1],
      [1, "greetings-002", 1],
      [1, "greetings-001", 2],
      [2, "greetings-001", 1],
      [1, "greetings-001", 3],
    ]);
  });
});

describe("tea-talk sessions becoming events", () => {
  it("keep their ids and their sign-ups' ids, and going back keeps the tea-talk ones", async () => {
    const store = await createTestDb();
    cleanup = store.cleanup;
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo("2026-12-02-11-practice-review-once")).error).toBeUndefined();
    await insertCenter(store.db, { id: "almaly-1", district: "almaly" });
    await registerUser(store.db, 1);
    await registerUser(store.db, 2);
    const at = "2026-11-20T10:00:00.000Z";
    // Ids come from the database, as the bot's did: numbered by AUTOINCREMENT or by a sequence.
    const session = (topicKk: string, topicRu: string, capacity: number) =>
      sql<{ id: number }>`insert into teatalk_sessions (center_id, starts_at, ends_at, level, host_name, capacity, topic_kk, topic_ru, created_at)
        values ('almaly-1', '2026-11-24T13:30:00.000Z', '2026-11-24T15:00:00.000Z', 'advanced', 'Айгерім', ${capacity}, ${topicKk}, ${topicRu}, ${at})
        returning id`
        .execute(store.db)
        .then((r) => r.rows[0]!.id);
    const signUp = (sessionId: number, userId: number | null, status: string, offerExpiresAt: string | null = null) =>
      sql<{ id: number }>`insert into teatalk_signups (session_id, user_id, status, offer_expires_at, created_at, updated_at)
        values (${sessionId}, ${userId}, ${status}, ${offerExpiresAt}, ${at}, ${at}) returning id`
        .execute(store.db)
        .then((r) => r.rows[0]!.id);
    // An earlier session, deleted with its sign-ups: the ids kept do not start at 1, so a
    // renumbering would show.
    const earlier = await session("Кино", "Кино", 5);
    await signUp(earlier, 1, "confirmed");
    await signUp(earlier, 2, "confirmed");
    await sql`delete from teatalk_signups where session_id = ${earlier}`.execute(store.db);
    await sql`delete from teatalk_sessions where id = ${earlier}`.execute(store.db);
    const kept = await session("Кітап", "Книги", 1);
    const offered = await signUp(kept, 1, "offered", "2026-11-24T10:00:00.000Z");
    const waitlisted = await signUp(kept, 2, "waitlisted");
    // The last sign-up was deleted: its id is not given to anyone else.
    const deleted = await signUp(kept, null, "cancelled");
    await sql`delete from teatalk_signups where id = ${deleted}`.execute(store.db);

    expect((await migrator.migrateTo("2026-12-02-20-events")).error).toBeUndefined();
    expect(await store.db.selectFrom("events").select(["id", "category", "level", "district", "title_ru", "capacity"]).execute()).toEqual([
      { id: kept, category: "teatalk", level: "advanced", district: "almaly", title_ru: "Книги", capacity: 1 },
    ]);
    expect(await store.db.selectFrom("event_signups").select(["id", "event_id", "status"]).orderBy("id").execute()).toEqual([
      { id: offered, event_id: kept, status: "offered" },
      { id: waitlisted, event_id: kept, status: "waitlisted" },
    ]);
    const next = await store.db
      .insertInto("event_signups")
      .values({ event_id: kept, user_id: null, status: "cancelled", offer_expires_at: null, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(deleted + 1);
    // The capacity still holds below the code: the offered seat was the only one.
    await expect(sql`update event_signups set status = 'confirmed' where id = ${waitlisted}`.execute(store.db)).rejects.toThrow(/event full/);
    // A tea-talk session needs its level; an event has none.
    const levelless = sql`insert into events (category, center_id, district, title_kk, title_ru, starts_at, ends_at, host_name, capacity, created_at)
      values ('teatalk', 'almaly-1', 'almaly', 'a', 'a', '2026-11-24T13:30:00.000Z', '2026-11-24T15:00:00.000Z', 'Айгерім', 5, ${at})`;
    await expect(levelless.execute(store.db)).rejects.toThrow(/check/i);
    await sql`insert into events (category, venue_kk, venue_ru, district, title_kk, title_ru, starts_at, ends_at, created_at)
      values ('festival', 'Саябақ', 'Парк', 'medeu', 'Фестиваль', 'Фестиваль', '2026-11-28T06:00:00.000Z', '2026-11-28T12:00:00.000Z', ${at})`.execute(
      store.db,
    );

    expect((await migrator.migrateTo("2026-12-02-11-practice-review-once")).error).toBeUndefined();
    expect(await sql`select id, topic_ru from teatalk_sessions`.execute(store.db).then((r) => r.rows)).toEqual([{ id: kept, topic_ru: "Книги" }]);
    expect(await sql`select id, status from teatalk_signups order by id`.execute(store.db).then((r) => r.rows)).toEqual([
      { id: offered, status: "offered" },
      { id: waitlisted, status: "waitlisted" },
      { id: next.id, status: "cancelled" },
    ]);
  });
});
