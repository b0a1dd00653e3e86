import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  changeBroadcast,
  collectOutcomes,
  countSegment,
  createBroadcast,
  feedBroadcast,
  openRecipients,
  settleBroadcast,
  unsettledBroadcasts,
} from "../../src/db/broadcasts.js";
import { eraseUserData, exportUserData } from "../../src/db/user-data.js";
import { hasPlan, itOnSqlite, queryPlan, scannedTables, StatementLog } from "../support/statements.js";
import type { Db } from "../../src/db/database.js";
import { ensureUser, updateUser } from "../../src/db/users.js";
import type { Segment } from "../../src/domain/broadcasts.js";
import { insertEvent } from "../support/events.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { createTestDb, type TestDb } from "../support/harness.js";
import { insertTeam } from "../support/teams.js";
import { registerUser } from "../support/users.js";

const NOW = new Date("2026-12-02T05:00:00Z");
const CENTER_A = "almaly-1";
const CENTER_B = "turksib-1";

let store: TestDb;
let db: Db;
let teamId: number;

async function signup(eventId: number, userId: number, status: "confirmed" | "cancelled") {
  const at = NOW.toISOString();
  await db.insertInto("event_signups").values({ event_id: eventId, user_id: userId, status, offer_expires_at: null, created_at: at, updated_at: at }).execute();
}

async function member(userId: number, status: "member" | "requested") {
  const at = NOW.toISOString();
  await db.insertInto("team_members").values({ team_id: teamId, user_id: userId, status, message: null, created_at: at, updated_at: at }).execute();
}

/**
 * Nine people; six of them can be reached (1, 2, 3, 4, 7, 9): 5 blocked the bot, 6 turned
 * notifications off, 8 never finished signing up.
 */
beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await insertCenter(db, { id: CENTER_A, district: "almaly" });
  await insertCenter(db, { id: CENTER_B, district: "turksib" });
  const a = await insertSpecialist(db, { centerId: CENTER_A, service: "career" });
  const b = await insertSpecialist(db, { centerId: CENTER_B, service: "career" });
  teamId = (await insertTeam(db)).id;

  await registerUser(db, 1, { language: "kk", district: "almaly", age: 15, occupation: "neither", guardianConsent: true });
  await registerUser(db, 2, { language: "ru", district: "almaly", age: 20, occupation: "work" });
  await registerUser(db, 3, { language: "ru", district: "medeu", age: 22, occupation: "neither" });
  await registerUser(db, 4, { language: "kk", district: "medeu", age: 30, occupation: "study" });
  await registerUser(db, 5, { language: "ru", district: "auezov", age: 35, occupation: "both" });
  await updateUser(db, 5, { blocked_at: NOW.toISOString() }, NOW);
  await registerUser(db, 6, { language: "kk", district: "almaly", age: 18, occupation: "neither" });
  await updateUser(db, 6, { notifications: 0 }, NOW);
  await registerUser(db, 7, { language: "ru", district: "turksib", age: 25, occupation: "work" });
  await ensureUser(db, 8, "kk", NOW);
  await registerUser(db, 9, { language: "kk", district: "almaly", age: 17, occupation: null, guardianConsent: true });

  const slot = { startsAt: "2026-11-25T05:00:00Z", endsAt: "2026-11-25T05:30:00Z" };
  await insertBooking(db, { specialist: a, userId: 1, ...slot, status: "attended" });
  await insertBooking(db, { specialist: a, userId: 5, startsAt: "2026-11-26T05:00:00Z", endsAt: "2026-11-26T05:30:00Z", status: "attended" });
  await insertBooking(db, { specialist: b, userId: 7, ...slot, status: "cancelled" });
  const concert = await insertEvent(db, { startsAt: "2026-12-10T13:00:00Z", centerId: CENTER_A });
  await signup(concert, 2, "confirmed");
  const teatalk = await insertEvent(db, { startsAt: "2026-12-11T13:00:00Z", centerId: CENTER_B });
  await db.updateTable("events").set({ category: "teatalk", level: "beginner" }).where("id", "=", teatalk).execute();
  await signup(teatalk, 3, "confirmed");
  await signup(teatalk, 4, "cancelled");
  await signup(teatalk, 6, "confirmed");
  await member(4, "member");
  await member(9, "member");
  await member(7, "requested");
});
afterEach(async () => {
  await store.cleanup();
});

describe("a broadcast's segments", () => {
  // Worked out by hand from the people above.
  const expected: [string, Segment, number][] = [
    ["everyone", { kind: "everyone" }, 6],
    ["a district (6 has notifications off)", { kind: "district", district: "almaly" }, 3],
    ["another district", { kind: "district", district: "medeu" }, 2],
    ["a district with only a blocked person", { kind: "district", district: "auezov" }, 0],
    ["Kazakh", { kind: "language", language: "kk" }, 3],
    ["Russian", { kind: "language", language: "ru" }, 3],
    ["14 to 17", { kind: "age", band: "14-17" }, 2],
    ["18 to 24", { kind: "age", band: "18-24" }, 2],
    ["25 to 29", { kind: "age", band: "25-29" }, 1],
    ["30 to 35 (5, aged 35, blocked the bot)", { kind: "age", band: "30-35" }, 1],
    ["NEET", { kind: "neet" }, 2],
    ["a center: booked there (1) or signed up for its event (2)", { kind: "center", centerId: CENTER_A }, 2],
    ["a center where the one booking was cancelled, and a tea talk held", { kind: "center", centerId: CENTER_B }, 3],
    ["tea-talk participants, not those who cancelled", { kind: "teatalk" }, 1],
    ["a team's members, not those who only asked", { kind: "team", teamId: 0 }, 2],
  ];

  it.each(expected)("counts %s", async (_, segment, count) => {
    const s = segment.kind === "team" ? { ...segment, teamId } : segment;
    expect(await countSegment(db, s)).toBe(count);
  });

  it("fixes the recipients when confirmed, once each, and records it in the audit log", async () => {
    const broadcast = await createBroadcast(
      db,
      { id: 900, language: "ru", centerId: null },
      { segment: { kind: "language", language: "kk" }, textKk: "Сәлем", textRu: null, photoFileId: null, button: null },
      NOW,
    );
    expect(broadcast).toMatchObject({ state: "sending", total: 3, sent: 0, failed: 0, blocked: 0, text_kk: "Сәлем", text_ru: null });
    const recipients = await db.selectFrom("broadcast_recipients").select(["user_id", "outbox_id", "outcome"]).orderBy("user_id").execute();
    expect(recipients).toEqual([1, 4, 9].map((user_id) => ({ user_id, outbox_id: null, outcome: null })));
    const audit = await db.selectFrom("audit_log").selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 900, action: "broadcast.send", subject: `broadcast:${broadcast.id}`, center_id: null });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ segment: { kind: "language", language: "kk" }, total: 3 });
  });
});

describe("a broadcast's recipients", () => {
  it("find the broadcasts they were sent in their /mydata export, and others' not", async () => {
    const broadcast = await createBroadcast(
      db,
      { id: 900, language: "ru", centerId: null },
      { segment: { kind: "district", district: "medeu" }, textKk: null, textRu: "Привет", photoFileId: null, button: null },
      NOW,
    );
    const reached = (await exportUserData(db, 3)) as { broadcasts: unknown[] };
    expect(reached.broadcasts).toEqual([{ broadcast_id: broadcast.id, created_at: NOW.toISOString(), outcome: null }]);
    const elsewhere = (await exportUserData(db, 2)) as { broadcasts: unknown[] };
    expect(elsewhere.broadcasts).toEqual([]);
  });

  it("go with a person who erases their data", async () => {
    const broadcast = await createBroadcast(
      db,
      { id: 900, language: "ru", centerId: null },
      { segment: { kind: "everyone" }, textKk: null, textRu: "Привет", photoFileId: null, button: null },
      NOW,
    );
    await feedBroadcast(db, broadcast.id, 10, NOW);
    await eraseUserData(db, 2, NOW);
    const left = await db.selectFrom("broadcast_recipients").select("user_id").orderBy("user_id").execute();
    expect(left.map((r) => r.user_id)).toEqual([1, 3, 4, 7, 9]);
    expect(await openRecipients(db, broadcast.id)).toEqual({ remaining: 5, onTheirWay: 5 });
  });
});

describe("a broadcast's run in the scheduler", () => {
  itOnSqlite("reads every table that grows through an index: recipients, outbox and people", async () => {
    const statements = new StatementLog();
    const logged = await createTestDb({ log: statements.log });
    try {
      const broadcast = await statements.unrecorded(async () => {
        for (let id = 1; id <= 300; id++) await registerUser(logged.db, id, { language: id % 2 ? "kk" : "ru" });
        return createBroadcast(
          logged.db,
          { id: 900, language: "ru", centerId: null },
          { segment: { kind: "everyone" }, textKk: "Сәлем", textRu: "Привет", photoFileId: null, button: null },
          NOW,
        );
      });
      statements.clear();
      await unsettledBroadcasts(logged.db);
      await feedBroadcast(logged.db, broadcast.id, 150, NOW);
      await logged.db.updateTable("outbox").set({ state: "sent" }).where("id", "<=", 100).execute();
      await collectOutcomes(logged.db, broadcast.id);
      await openRecipients(logged.db, broadcast.id);
      await changeBroadcast(logged.db, broadcast.id, "pause", 900, NOW);
      await changeBroadcast(logged.db, broadcast.id, "resume", 900, NOW);
      await settleBroadcast(logged.db, broadcast.id, NOW);
      expect((await openRecipients(logged.db, broadcast.id)).remaining).toBe(200);

      const run = statements.statements().filter((s) => hasPlan(s.sql));
      expect(run.length).toBeGreaterThan(10);
      const fullScans: { sql: string; plan: string[] }[] = [];
      for (const statement of run) {
        const plan = await queryPlan(logged.db, statement);
        if (scannedTables(plan).length > 0) fullScans.push({ sql: statement.sql, plan });
      }
      expect(fullScans).toEqual([]);
    } finally {
      await logged.cleanup();
    }
  });
});
