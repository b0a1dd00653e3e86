import { sql, type SqlBool } from "kysely";
import { administeredCenters } from "../../../db/admins.js";
import { compiledOnce } from "../../../db/database.js";
import { findStaffMember, specialistsLinkedTo, type StaffMember } from "../../../db/staff.js";
import { eventsHostedAfter } from "../../../db/organisers.js";
import { coordinatedTeams } from "../../../db/teams.js";
import { agendaWindow } from "../../../domain/staff.js";
import type { AppDeps, BaseContext } from "../../context.js";
import type { StaffCommand } from "../../commands.js";

/** What someone may do on the staff side; most people have none of it. */
export interface StaffRoles {
  /** The active specialist linked to the account. */
  member: StaffMember | undefined;
  /** Linked to a specialist, active or deactivated: someone whose staff access may have ended. */
  linked: boolean;
  /** Hosts a tea-talk session today or later. */
  host: boolean;
  /** Coordinates an active youth NGO team: answers its join requests. */
  coordinator: boolean;
  /** Listed in ADMIN_IDS: administers the whole city. */
  admin: boolean;
  /** The centers the person administers, by id. */
  centerAdmin: string[];
}

/**
 * Which roles an account holds, in one statement, since most people hold none and every card
 * asks (its share button is for staff): a row for each center the account administers, and one
 * without a center that says whether it is linked, hosts (an event ending after `since`) and
 * coordinates.
 */
const rolesHeld = compiledOnce([-1, "0000-01-01T00:00:00.000Z"], (db, telegramId: number, since: string) => {
  // A center's row leaves the roles unsaid: only the row without a center is read for them.
  const unsaid = sql<SqlBool>`null`;
  return db
    .selectNoFrom((eb) => [
      sql<string | null>`null`.as("center_id"),
      eb.exists(specialistsLinkedTo(db, telegramId)).as("linked"),
      eb.exists(eventsHostedAfter(db, telegramId, new Date(since))).as("host"),
      eb.exists(coordinatedTeams(db, telegramId).select("id")).as("coordinator"),
    ])
    .unionAll(administeredCenters(db, telegramId).select([unsaid.as("linked"), unsaid.as("host"), unsaid.as("coordinator")]))
    .orderBy("center_id");
});

/** The account's roles; its specialist is read only when it is linked to one. */
export async function staffRolesOf(deps: Pick<AppDeps, "db" | "config" | "clock">, telegramId: number): Promise<StaffRoles> {
  const { db } = deps;
  const rows = await rolesHeld(db, telegramId, agendaWindow(deps.clock.now(), 1).from.toISOString());
  const held = rows.find((r) => r.center_id === null)!;
  // SQLite answers 0 or 1, PostgreSQL false or true.
  const linked = Boolean(held.linked);
  return {
    member: linked ? await findStaffMember(db, telegramId) : undefined,
    linked,
    host: Boolean(held.host),
    coordinator: Boolean(held.coordinator),
    admin: deps.config.adminIds.includes(telegramId),
    centerAdmin: rows.flatMap((r) => r.center_id ?? []),
  };
}

/** Each update's sender's roles, once read: several screens of one update may ask. */
const rolesOfUpdate = new WeakMap<BaseContext, Promise<StaffRoles>>();

/**
 * The sender's roles as they are at the start of this update, read once however many screens
 * of it ask (a card opened by /start shows a share button to the centers' staff, say). What
 * changes a role in the update reads them afresh with `staffRolesOf`.
 */
export function senderRoles(ctx: BaseContext): Promise<StaffRoles> {
  let roles = rolesOfUpdate.get(ctx);
  if (!roles) {
    roles = staffRolesOf(ctx.deps, ctx.from!.id);
    rolesOfUpdate.set(ctx, roles);
  }
  return roles;
}

/** The staff commands someone with these roles may use. */
export function staffCommandsOf(roles: StaffRoles): StaffCommand[] {
  const commands: StaffCommand[] = [];
  if (roles.member) commands.push("staff");
  if (roles.host) commands.push("host");
  if (roles.coordinator) commands.push("team");
  if (roles.admin || roles.centerAdmin.length > 0) commands.push("invite", "admin");
  return commands;
}

/** Whether someone works for the centers in any role: they may hand out links to its cards. */
export function isCentersStaff(roles: StaffRoles): boolean {
  return roles.member !== undefined || roles.host || roles.coordinator || roles.admin || roles.centerAdmin.length > 0;
}
