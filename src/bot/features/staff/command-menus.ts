import { GrammyError, type Api } from "grammy";
import { centerAdminAccounts } from "../../../db/admins.js";
import { linkedStaffAccounts } from "../../../db/staff.js";
import { hostAccountsAfter } from "../../../db/organisers.js";
import { coordinatorAccounts } from "../../../db/teams.js";
import { setChatCommandMenu, type TranslateIn } from "../../commands.js";
import type { AppDeps, BaseContext } from "../../context.js";
import { staffCommandsOf, staffRolesOf, type StaffRoles } from "./roles.js";

/** Hosts of sessions that ended longer ago than this had their menus reset by an earlier start. */
const FORMER_HOSTS_DAYS = 30;

/**
 * Brings the sender's own command menu in line with their roles: /staff, /host, /team and /invite for
 * those who may use them, the general menu again for someone whose access ended. A menu is a
 * convenience: if Telegram refuses, the update goes on and the next occasion retries.
 */
export async function refreshCommandMenu(ctx: BaseContext, roles: StaffRoles): Promise<void> {
  const t: TranslateIn = (language, key) => ctx.i18n.fluent.translate(language, key);
  try {
    await setChatCommandMenu(ctx.api, t, ctx.from!.id, staffCommandsOf(roles));
  } catch (err) {
    ctx.log.warn(refusal(err), "chat command menu not updated");
  }
}

/** Why Telegram refused, without the request (it names the chat). */
function refusal(err: unknown): { code?: number; description: string } {
  return err instanceof GrammyError ? { code: err.error_code, description: err.description } : { description: String(err) };
}

/** Whether the sender's own menu may be out of date: they have a staff role, or had one. */
export function mayHaveChatMenu(roles: StaffRoles): boolean {
  return roles.linked || roles.host || roles.coordinator || roles.admin || roles.centerAdmin.length > 0;
}

/**
 * Brings another person's command menu in line with the roles they have now (one an administrator
 * has just revoked, say). Best effort, like every menu: a refusal is logged and the update goes on.
 */
export async function putCommandMenuRight(api: Api, t: TranslateIn, deps: AppDeps, telegramId: number, logger = deps.logger): Promise<void> {
  const commands = staffCommandsOf(await staffRolesOf(deps, telegramId));
  try {
    await setChatCommandMenu(api, t, telegramId, commands);
  } catch (err) {
    logger.warn({ ...refusal(err), commands }, "chat command menu not set");
  }
}

/**
 * At start-up: the menus of everyone who has or recently had a staff role, so that a new
 * administrator, a new host, a deactivated specialist or a revoked center administrator finds
 * their menu right. A chat Telegram
 * refuses (an administrator who never opened the bot) is skipped; their /start sets it.
 */
export async function syncCommandMenus(api: Api, t: TranslateIn, deps: AppDeps): Promise<void> {
  const formerHostsSince = new Date(deps.clock.now().getTime() - FORMER_HOSTS_DAYS * 86_400_000);
  const accounts = new Set([
    ...deps.config.adminIds,
    ...(await linkedStaffAccounts(deps.db)),
    ...(await hostAccountsAfter(deps.db, formerHostsSince)),
    ...(await coordinatorAccounts(deps.db)),
    ...(await centerAdminAccounts(deps.db)),
  ]);
  for (const telegramId of accounts) await putCommandMenuRight(api, t, deps, telegramId);
}
