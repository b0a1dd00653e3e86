import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

/**
 * A feature's handlers: grammY's Composer, except that a filter builds nothing per update.
 * grammY's own `branch` builds a new Composer of the chosen side for every update that reaches
 * it, matching or not; each handler (`callbackQuery`, `command`, `on`) is such a branch, and an
 * update passes a few hundred of them on its way, so that a fifth of what the bot allocated was
 * those Composers. Here each side is built once, when the handler is added, and still reads its
 * handlers when the update comes, so that what is added to a filter later is seen as before.
 */
export class Handlers<C extends Context> extends Composer<C> {
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const handlers = new Handlers(...middleware);
    this.branch(predicate, handlers, pass);
    return handlers;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    const yes = asFunction(trueMiddleware);
    const no = asFunction(falseMiddleware);
    return this.use((ctx, next) => {
      const chosen = predicate(ctx);
      return chosen instanceof Promise ? chosen.then((c) => (c ? yes : no)(ctx, next)) : (chosen ? yes : no)(ctx, next);
    });
  }
}

/** `middleware` as one function, which reads a Composer's handlers when it is called, as grammY's does. */
function asFunction<C extends Context>(middleware: MaybeArray<Middleware<C>>): MiddlewareFn<C> {
  if (typeof middleware === "function") return middleware;
  const composer = Array.isArray(middleware) ? new Composer(...middleware) : middleware;
  return (ctx, next) => composer.middleware()(ctx, next);
}
