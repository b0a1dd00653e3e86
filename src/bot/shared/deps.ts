import type { MiddlewareFn } from "grammy";
import { findUser } from "../../db/users.js";
import type { AppDeps, BaseContext } from "../context.js";

/**
 * Attaches the app's dependencies, a per-update logger and the sender's account. Installed both
 * outside and inside conversations, because a conversation builds fresh contexts on replay.
 */
export function attachDeps(deps: AppDeps): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.account = ctx.from ? await findUser(deps.db, ctx.from.id) : undefined;
    await next();
  };
}
