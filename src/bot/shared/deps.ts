import type { MiddlewareFn } from "grammy";
import type { User } from "../../db/schema.js";
import { findUser, isRegistered, updateUser } from "../../db/users.js";
import { consentCoversUsername } from "../../domain/profile.js";
import type { AppDeps, BaseContext, FileFetcher } from "../context.js";

type AccountLookUp = (userId: number) => Promise<User | undefined>;

/**
 * Attaches the app's dependencies, a per-update logger and the sender's account. Installed
 * outside conversations; inside them, see `attachDepsPerRun`.
 */
export function attachDeps(
  deps: AppDeps,
  fetchFile: FileFetcher,
  lookUp: AccountLookUp = (userId) => findUser(deps.db, userId),
): MiddlewareFn<BaseContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.fetchFile = fetchFile;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.account = ctx.from ? await lookUp(ctx.from.id) : undefined;
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

/**
 * `attachDeps` for the contexts a flow builds, given the run of the flow they belong to. To
 * reach an update, a run replays every update the flow has had so far, each through these
 * plugins. They are one person's, and a replay writes nothing (its database calls give back
 * what they gave the first time), so the account is read once per run rather than once for
 * each step so far.
 */
export function attachDepsPerRun(deps: AppDeps, fetchFile: FileFetcher): (run: object) => MiddlewareFn<BaseContext> {
  const perRun = new WeakMap<object, MiddlewareFn<BaseContext>>();
  return (run) => {
    let attach = perRun.get(run);
    if (!attach) {
      const accounts = new Map<number, Promise<User | undefined>>();
      attach = attachDeps(deps, fetchFile, (userId) => {
        let account = accounts.get(userId);
        if (!account) accounts.set(userId, (account = findUser(deps.db, userId)));
        return account;
      });
      perRun.set(run, attach);
    }
    return attach;
  };
}
