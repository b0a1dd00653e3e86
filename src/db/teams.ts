import type { Updateable } from "kysely";
import type { DistrictCode } from "../domain/districts.js";
import type { TeamCategory, TeamMemberStatus } from "../domain/teams.js";
import { LIVE_STATUSES } from "../domain/teams.js";
import { recordAudit } from "./audit.js";
import type { Db } from "./database.js";
import { enqueue, enqueueAll } from "./outbox.js";
import type { Team, TeamMember, TeamsTable } from "./schema.js";

/** Active teams, by category and name. */
export async function listTeams(db: Db): Promise<Team[]> {
  return db.selectFrom("teams").selectAll().where("active", "=", 1).orderBy("category").orderBy("id").execute();
}

/** An active team. */
export async function findTeam(db: Db, id: number): Promise<Team | undefined> {
  return db.selectFrom("teams").selectAll().where("id", "=", id).where("active", "=", 1).executeTakeFirst();
}

/** The active teams an account coordinates, as a query to select from. */
export function coordinatedTeams(db: Db, telegramId: number) {
  return db.selectFrom("teams").where("coordinator_id", "=", telegramId).where("active", "=", 1);
}

/** Active teams an account coordinates. */
export async function teamsCoordinatedBy(db: Db, telegramId: number): Promise<Team[]> {
  return coordinatedTeams(db, telegramId).selectAll().orderBy("id").execute();
}

/** Every account that coordinates a team, active or not: their command menus may need putting right. */
export async function coordinatorAccounts(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("teams").select("coordinator_id").where("coordinator_id", "is not", null).distinct().execute();
  return rows.map((r) => r.coordinator_id!);
}

/** Active teams that no account coordinates yet, for an administrator's invite. */
export async function teamsWithoutCoordinator(db: Db): Promise<Team[]> {
  return db.selectFrom("teams").selectAll().where("coordinator_id", "is", null).where("active", "=", 1).orderBy("id").execute();
}

// ---------------------------------------------------------------------------------------------
// Administration

/** Active teams of some centers (at least one), or (null) every active team of the city, by name. */
export async function listManagedTeams(db: Db, centerIds: readonly string[] | null): Promise<Team[]> {
  let q = db.selectFrom("teams").selectAll().where("active", "=", 1);
  if (centerIds !== null) q = q.where("center_id", "in", centerIds);
  return q.orderBy("name_ru").orderBy("id").execute();
}

/** A new team, as the creation flow collected it: with a center, or a district, or the whole city. */
export interface TeamDraft {
  nameKk: string;
  nameRu: string;
  descriptionKk: string;
  descriptionRu: string;
  category: TeamCategory;
  place: TeamPlace;
}

/** Where a team works: at a center (in its district), in a district, or across the city. */
export type TeamPlace = { centerId: string } | { district: DistrictCode | null };

/** What an edit may change. */
export type TeamChange = Pick<Updateable<TeamsTable>, "name_kk" | "name_ru" | "description_kk" | "description_ru" | "category"> & { place?: TeamPlace };

async function placeColumns(db: Db, place: TeamPlace): Promise<{ center_id: string | null; district: DistrictCode | null }> {
  if ("district" in place) return { center_id: null, district: place.district };
  const center = await db.selectFrom("centers").select("district").where("id", "=", place.centerId).executeTakeFirstOrThrow();
  return { center_id: place.centerId, district: center.district };
}

function teamAudit(t: Team) {
  return {
    name_kk: t.name_kk,
    name_ru: t.name_ru,
    description_kk: t.description_kk,
    description_ru: t.description_ru,
    category: t.category,
    district: t.district,
    center_id: t.center_id,
  };
}

/** Adds a team with its audit record. */
export async function addTeam(db: Db, draft: TeamDraft, actorId: number, now: Date): Promise<Team> {
  return db.transaction().execute(async (trx) => {
    const team = await trx
      .insertInto("teams")
      .values({
        name_kk: draft.nameKk,
        name_ru: draft.nameRu,
        description_kk: draft.descriptionKk,
        description_ru: draft.descriptionRu,
        category: draft.category,
        ...(await placeColumns(trx, draft.place)),
        coordinator_id: null,
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: "team.create", subject: `team:${team.id}`, centerId: team.center_id, after: teamAudit(team) }, now);
    return team;
  });
}

/** Changes an active team, with the state before and after in the audit log; undefined when it is gone. */
export async function editTeam(db: Db, edit: { teamId: number; change: TeamChange; actorId: number }, now: Date): Promise<Team | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await findTeam(trx, edit.teamId);
    if (!before) return undefined;
    const { place, ...fields } = edit.change;
    const after = await trx
      .updateTable("teams")
      .set({ ...fields, ...(place ? await placeColumns(trx, place) : {}) })
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actorId: edit.actorId, action: "team.edit", subject: `team:${before.id}`, centerId: after.center_id, before: teamAudit(before), after: teamAudit(after) },
      now,
    );
    return after;
  });
}

/**
 * Winds a team up: it leaves the list, its coordinator's requests can no longer be answered, and
 * each member (and each person still waiting for an answer) is told once. Returns how many were
 * told, or undefined when the team was not active.
 */
export async function deactivateTeam(db: Db, request: { teamId: number; actorId: number }, now: Date): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("teams").set({ active: 0 }).where("id", "=", request.teamId).where("active", "=", 1).returningAll().executeTakeFirst();
    if (!updated) return undefined;
    const people = await trx
      .selectFrom("team_members")
      .select(["id", "user_id"])
      .where("team_id", "=", updated.id)
      .where("status", "in", LIVE_STATUSES)
      .orderBy("id")
      .execute();
    await enqueueAll(
      trx,
      people.map((p) => ({
        kind: "team_closed" as const,
        dueAt: now,
        expiresAt: null,
        payload: { membershipId: p.id },
        dedupeKey: `team_closed:${p.id}`,
        essential: true,
        urgent: false,
        recipientId: p.user_id,
      })),
      now,
    );
    await recordAudit(
      trx,
      { actorId: request.actorId, action: "team.deactivate", subject: `team:${updated.id}`, centerId: updated.center_id, before: { active: 1 }, after: { active: 0 } },
      now,
    );
    return people.length;
  });
}

/** The person's live request or membership in a team, if any. */
export async function findLiveMembership(db: Db, teamId: number, userId: number): Promise<TeamMember | undefined> {
  return db
    .selectFrom("team_members")
    .selectAll()
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .where("status", "in", LIVE_STATUSES)
    .executeTakeFirst();
}

export type JoinResult = { kind: "requested"; requestId: number } | { kind: "already"; status: TeamMemberStatus } | { kind: "no-team" };

/**
 * Asks to join a team, and queues the notice to its coordinator (once a coordinator is linked,
 * pending requests are in their /team screen anyway). A second request while one is live changes
 * nothing: the live one is reported.
 */
export async function requestToJoin(db: Db, join: { teamId: number; userId: number; message: string | null }, now: Date): Promise<JoinResult> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<JoinResult> => {
    const team = await findTeam(trx, join.teamId);
    if (!team) return { kind: "no-team" };
    const live = await findLiveMembership(trx, join.teamId, join.userId);
    if (live) return { kind: "already", status: live.status };
    const { id } = await trx
      .insertInto("team_members")
      .values({ team_id: join.teamId, user_id: join.userId, status: "requested", message: join.message, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (team.coordinator_id !== null) {
      await enqueue(
        trx,
        {
          kind: "team_request",
          dueAt: now,
          expiresAt: null,
          payload: { requestId: id },
          dedupeKey: `team_request:${id}`,
          essential: true,
          urgent: false,
          recipientId: team.coordinator_id,
        },
        now,
      );
    }
    return { kind: "requested", requestId: id };
  });
}

/** A request or membership together with its team and the person's name. */
export interface MembershipView extends TeamMember {
  team_name_kk: string;
  team_name_ru: string;
  coordinator_id: number | null;
  person_name: string | null;
}

function membershipQuery(db: Db) {
  return db
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .leftJoin("users", "users.id", "team_members.user_id")
    .selectAll("team_members")
    .select(["teams.name_kk as team_name_kk", "teams.name_ru as team_name_ru", "teams.coordinator_id", "users.name as person_name"]);
}

export async function findMembership(db: Db, id: number): Promise<MembershipView | undefined> {
  return membershipQuery(db).where("team_members.id", "=", id).executeTakeFirst();
}

/** A team's rows of one status, oldest first: its pending requests, or its members. */
export async function listTeamPeople(db: Db, teamId: number, status: "requested" | "member"): Promise<MembershipView[]> {
  return membershipQuery(db)
    .where("team_members.team_id", "=", teamId)
    .where("team_members.status", "=", status)
    .orderBy("team_members.created_at")
    .orderBy("team_members.id")
    .execute();
}

export type DecisionResult = { kind: "decided"; request: MembershipView } | { kind: "not-pending"; request: MembershipView } | { kind: "not-found" };

/**
 * The coordinator accepts or declines a pending request; the person is told through the outbox.
 * Only the coordinator of the request's team: anyone else's press is reported exactly like a
 * missing request, and changes nothing. A second press finds the request decided.
 */
export async function decideRequest(
  db: Db,
  decision: { requestId: number; coordinatorId: number; accept: boolean },
  now: Date,
): Promise<DecisionResult> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const updated = await trx
      .updateTable("team_members")
      .set({ status: decision.accept ? "member" : "declined", updated_at: at })
      .where("id", "=", decision.requestId)
      .where("status", "=", "requested")
      .where("team_id", "in", (eb) => eb.selectFrom("teams").select("id").where("coordinator_id", "=", decision.coordinatorId).where("active", "=", 1))
      .executeTakeFirst();
    const request = await findMembership(trx, decision.requestId);
    if (!request || request.coordinator_id !== decision.coordinatorId) return { kind: "not-found" };
    if (updated.numUpdatedRows === 0n) return { kind: "not-pending", request };
    await enqueue(
      trx,
      {
        kind: "team_answer",
        dueAt: now,
        expiresAt: null,
        payload: { requestId: request.id },
        dedupeKey: `team_answer:${request.id}`,
        essential: true,
        urgent: false,
        recipientId: request.user_id,
      },
      now,
    );
    return { kind: "decided", request };
  });
}

/** The person leaves a team, or takes back a request still waiting; false when they had neither. */
export async function leaveTeam(db: Db, teamId: number, userId: number, now: Date): Promise<boolean> {
  const left = await db
    .updateTable("team_members")
    .set({ status: "left", updated_at: now.toISOString() })
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .where("status", "in", LIVE_STATUSES)
    .executeTakeFirst();
  return left.numUpdatedRows > 0n;
}

/** Every request and membership of a person, for /mydata. */
export async function exportMemberships(db: Db, userId: number): Promise<MembershipView[]> {
  return membershipQuery(db).where("team_members.user_id", "=", userId).orderBy("team_members.created_at").execute();
}

/** Erases a person's requests and memberships, for /deleteme. */
export async function eraseMemberships(db: Db, userId: number): Promise<void> {
  await db.deleteFrom("team_members").where("user_id", "=", userId).execute();
}
