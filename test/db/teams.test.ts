import { CompiledQuery, type Compilable } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { createInvite, redeemInvite } from "../../src/db/staff.js";
import { decideRequest, leaveTeam, requestToJoin, teamsCoordinatedBy } from "../../src/db/teams.js";
import { createTestDb } from "../support/harness.js";
import { itOnSqlite } from "../support/statements.js";
import { insertTeam } from "../support/teams.js";
import { registerUser } from "../support/users.js";

let store: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
const NOW = new Date("2026-11-23T06:00:00Z");

beforeEach(async () => {
  store = await createTestDb();
  db = store.db;
  await registerUser(db, 1);
});
afterEach(async () => {
  await store.cleanup();
});

async function outboxKinds(): Promise<string[]> {
  return (await db.selectFrom("outbox").select("kind").orderBy("id").execute()).map((r) => r.kind);
}

/** How SQLite runs a query: each line of its plan. */
async function planOf(query: Compilable): Promise<string[]> {
  const { sql, parameters } = query.compile();
  const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]));
  return result.rows.map((r) => r.detail);
}

describe("team requests", () => {
  it("keep one live request per person and team, in the database itself", async () => {
    const team = await insertTeam(db, { coordinator_id: 50 });
    expect(await requestToJoin(db, { teamId: team.id, userId: 1, message: null }, NOW)).toMatchObject({ kind: "requested" });
    expect(await requestToJoin(db, { teamId: team.id, userId: 1, message: "ещё раз" }, NOW)).toEqual({ kind: "already", status: "requested" });
    const row = { team_id: team.id, user_id: 1, status: "member" as const, message: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString() };
    await expect(db.insertInto("team_members").values(row).execute()).rejects.toThrow(/unique/i);
    await expect(db.insertInto("team_members").values({ ...row, message: "x".repeat(301) }).execute()).rejects.toThrow(/check/i);
    expect(await outboxKinds()).toEqual(["team_request"]);
  });

  it("may be made again after a decline or leaving, and not to a team wound up", async () => {
    const team = await insertTeam(db, { coordinator_id: 50 });
    const first = await requestToJoin(db, { teamId: team.id, userId: 1, message: null }, NOW);
    if (first.kind !== "requested") throw new Error(first.kind);
    expect(await decideRequest(db, { requestId: first.requestId, coordinatorId: 50, accept: false }, NOW)).toMatchObject({ kind: "decided" });
    const second = await requestToJoin(db, { teamId: team.id, userId: 1, message: null }, NOW);
    expect(second).toMatchObject({ kind: "requested" });
    expect(await leaveTeam(db, team.id, 1, NOW)).toBe(true);
    expect(await leaveTeam(db, team.id, 1, NOW)).toBe(false);
    await db.updateTable("teams").set({ active: 0 }).execute();
    expect(await requestToJoin(db, { teamId: team.id, userId: 1, message: null }, NOW)).toEqual({ kind: "no-team" });
  });

  it("wait for a coordinator when the team has none yet: no notice goes out", async () => {
    const team = await insertTeam(db);
    expect(await requestToJoin(db, { teamId: team.id, userId: 1, message: null }, NOW)).toMatchObject({ kind: "requested" });
    expect(await outboxKinds()).toEqual([]);
  });
});

describe("coordinator invites", () => {
  it("link the account once, and refuse a second account for the same team", async () => {
    const team = await insertTeam(db);
    const first = await createInvite(db, { target: { kind: "coordinator", teamId: team.id }, createdBy: 9 }, NOW);
    const second = await createInvite(db, { target: { kind: "coordinator", teamId: team.id }, createdBy: 9 }, NOW);
    expect(await redeemInvite(db, { kind: "coordinator", token: first.token }, 50, NOW)).toEqual({
      kind: "linked",
      target: { kind: "coordinator", teamId: team.id },
      alreadyYours: false,
    });
    expect(await redeemInvite(db, { kind: "coordinator", token: second.token }, 60, NOW)).toEqual({ kind: "team-linked" });
    // Refused: the second link stays unused.
    expect((await db.selectFrom("staff_invites").select("used_at").where("token", "=", second.token).executeTakeFirst())?.used_at).toBeNull();
    expect((await teamsCoordinatedBy(db, 50)).map((t) => t.id)).toEqual([team.id]);
    expect(await redeemInvite(db, { kind: "coordinator", token: first.token }, 50, NOW)).toMatchObject({ kind: "linked", alreadyYours: true });
    // A coordinator link is not a specialist's, and a team wound up takes none.
    expect(await redeemInvite(db, { kind: "specialist", token: second.token }, 50, NOW)).toEqual({ kind: "unknown" });
    await db.updateTable("teams").set({ active: 0 }).execute();
    expect(await redeemInvite(db, { kind: "coordinator", token: second.token }, 60, NOW)).toEqual({ kind: "unknown" });
  });
});

describe("lookups run on every /start and card", () => {
  itOnSqlite("use an index: the teams a person coordinates, and their request in a team", async () => {
    expect((await planOf(db.selectFrom("teams").selectAll().where("coordinator_id", "=", 50).where("active", "=", 1))).join("\n")).toMatch(
      /USING INDEX teams_coordinator/,
    );
    const live = db.selectFrom("team_members").selectAll().where("team_id", "=", 1).where("user_id", "=", 1).where("status", "in", ["requested", "member"]);
    expect((await planOf(live)).join("\n")).toMatch(/USING INDEX team_members_(live|user)/);
  });
});
