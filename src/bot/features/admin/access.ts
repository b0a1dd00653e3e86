import { centerAdminAccounts, centersAdministeredBy } from "../../../db/admins.js";
import type { BaseContext } from "../../context.js";
import { refreshCommandMenu } from "../staff/command-menus.js";
import { staffRolesOf } from "../staff/roles.js";

/** What an administrator may manage: the whole city, or some centers. */
export type AdminScope = { kind: "city" } | { kind: "centers"; centerIds: readonly string[] };

/**
 * The sender's administrative scope, read afresh on every update: a revoked center administrator
 * loses access at their next update, whatever buttons they kept. City administrators are those
 * listed in ADMIN_IDS.
 */
export async function adminScopeOf(ctx: BaseContext): Promise<AdminScope | undefined> {
  if (!ctx.from) return undefined;
  if (ctx.deps.config.adminIds.includes(ctx.from.id)) return { kind: "city" };
  const centerIds = await centersAdministeredBy(ctx.deps.db, ctx.from.id);
  return centerIds.length > 0 ? { kind: "centers", centerIds } : undefined;
}

/** Whether the scope covers a center; a city administrator's covers every center. */
export function mayManageCenter(scope: AdminScope, centerId: string | null): boolean {
  if (scope.kind === "city") return true;
  return centerId !== null && scope.centerIds.includes(centerId);
}

/**
 * Refuses an administrative update, answering a pressed button too; nothing is changed. Someone
 * who administered a center still has /admin in their menu: it is put right now.
 */
export async function refuseAdmin(ctx: BaseContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("staff-not-allowed") });
  await ctx.reply(ctx.t("staff-not-allowed"));
  if (ctx.from && (await centerAdminAccounts(ctx.deps.db, ctx.from.id)).length > 0) {
    await refreshCommandMenu(ctx, await staffRolesOf(ctx.deps, ctx.from.id));
  }
}

/**
 * Runs `handler` for a city or center administrator, anyone else is refused. Every administrative
 * command and button goes through this (or `forCityAdmin`), so that a forged or kept button
 * changes nothing for someone without the role; a handler that touches one center still checks
 * `mayManageCenter` for it.
 */
export function forAdmin<C extends BaseContext>(handler: (ctx: C, scope: AdminScope) => Promise<unknown>) {
  return async (ctx: C): Promise<void> => {
    const scope = await adminScopeOf(ctx);
    if (!scope) return refuseAdmin(ctx);
    await handler(ctx, scope);
  };
}

/** Runs `handler` for a city administrator only (roles, the audit log, the whole city's work). */
export function forCityAdmin<C extends BaseContext>(handler: (ctx: C) => Promise<unknown>) {
  return async (ctx: C): Promise<void> => {
    const scope = await adminScopeOf(ctx);
    if (scope?.kind !== "city") return refuseAdmin(ctx);
    await handler(ctx);
  };
}
