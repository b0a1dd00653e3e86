import type { MiddlewareFn } from "grammy";
import { findUser, isRegistered, updateUser } from "../../db/users.js";
import { consentCoversUsername } from "../../domain/profile.js";
import type { AppDeps, BaseContext, FileFetcher } from "../context.js";

/**
 * Attaches the app's dependencies, a per-update logger and the sender's account. Installed both
 * outside and inside conversations, because a conversation builds fresh contexts on replay.
 */
export function attachDeps(deps: AppDeps, fetchFile: FileFetcher): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.fetchFile = fetchFile;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.account = ctx.from ? await findUser(deps.db, ctx.from.id) : undefined;
    // A specialist reaches an online consultation's person by their username: keep it current.
    // Only for someone whose consent lists it: before consent nothing personal is kept, and an
    // older consent did not name the username.
    const username = ctx.from?.username ?? null;
    if (isRegistered(ctx.account) && consentCoversUsername(ctx.account.consent_version) && ctx.account.username !== username) {
      await updateUser(deps.db, ctx.account.id, { username }, deps.clock.now());
      ctx.account = { ...ctx.account, username };
    }
    await next();
  };
}
