import { centersAdministeredBy } from "../../../db/admins.js";
import { findStaffMember, isLinkedToSpecialist, type StaffMember } from "../../../db/staff.js";
import { hostsEventsAfter } from "../../../db/organisers.js";
import { teamsCoordinatedBy } from "../../../db/teams.js";
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

export async function staffRolesOf(deps: Pick<AppDeps, "db" | "config" | "clock">, telegramId: number): Promise<StaffRoles> {
  return {
    member: await findStaffMember(deps.db, telegramId),
    linked: await isLinkedToSpecialist(deps.db, telegramId),
    host: await hostsEventsAfter(deps.db, telegramId, agendaWindow(deps.clock.now(), 1).from),
    coordinator: (await teamsCoordinatedBy(deps.db, telegramId)).length > 0,
    admin: deps.config.adminIds.includes(telegramId),
    centerAdmin: await centersAdministeredBy(deps.db, telegramId),
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
