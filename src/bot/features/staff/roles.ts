import type { StaffMember } from "../../../db/staff.js";
import { hostsSessionsAfter } from "../../../db/teatalk.js";
import { agendaWindow } from "../../../domain/staff.js";
import type { BaseContext } from "../../context.js";
import { currentStaffMember } from "./menu.js";

/** What the sender may do on the staff side; most people have none of it. */
export interface StaffRoles {
  /** The active specialist linked to the account. */
  member: StaffMember | undefined;
  /** Hosts a tea-talk session today or later. */
  host: boolean;
  /** Listed in ADMIN_IDS: creates invites. */
  admin: boolean;
}

export async function staffRolesOf(ctx: BaseContext): Promise<StaffRoles> {
  const id = ctx.from!.id;
  return {
    member: await currentStaffMember(ctx),
    host: await hostsSessionsAfter(ctx.deps.db, id, agendaWindow(ctx.deps.clock.now(), 1).from),
    admin: ctx.deps.config.adminIds.includes(id),
  };
}
