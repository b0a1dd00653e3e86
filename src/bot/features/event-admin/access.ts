import type { Event } from "../../../db/schema.js";
import { isEventHost } from "../../../db/event-admin.js";
import type { BaseContext } from "../../context.js";
import { adminScopeOf, mayManageCenter, type AdminScope } from "../admin/access.js";

/**
 * Who may change an event: an administrator whose scope covers its center (a venue of the city:
 * city administrators only), or its organiser / tea-talk host, for their own events. Read afresh
 * on every update, so a revoked role or a host replaced changes nothing any more.
 */
export type EventAccess = { kind: "admin"; scope: AdminScope } | { kind: "host" };

export async function eventAccessOf(ctx: BaseContext, event: Pick<Event, "id" | "center_id">): Promise<EventAccess | undefined> {
  const scope = await adminScopeOf(ctx);
  if (scope && mayManageCenter(scope, event.center_id)) return { kind: "admin", scope };
  if (ctx.from && (await isEventHost(ctx.deps.db, event.id, ctx.from.id))) return { kind: "host" };
  return undefined;
}
