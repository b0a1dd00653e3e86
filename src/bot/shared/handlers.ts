import {
  Composer,
  type CallbackQueryContext,
  type CallbackQueryMiddleware,
  type CommandContext,
  type CommandMiddleware,
  type Context,
  type Filter,
  type FilterQuery,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from "grammy";
import { namespaceOf } from "./callback-data.js";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

/**
 * Which updates a handler may act on: button presses by the first word of their data, and
 * whether any other update (a message, a command, a press without data).
 */
interface Reach {
  press(namespace: string): boolean;
  readonly other: boolean;
}

const messagesOnly: Reach = { press: () => false, other: true };
const everything: Reach = { press: () => true, other: true };

/** The presses a `callbackQuery` trigger can match: those of the fixed first word each trigger starts with. */
function pressesOf(trigger: MaybeArray<string | RegExp>): Reach {
  const namespaces = new Set<string>();
  for (const t of [trigger].flat()) {
    const namespace = typeof t === "string" ? namespaceOf(t) : t.flags.includes("i") ? undefined : /^\^([a-z][a-z-]*)(?::|\$|$)/.exec(t.source)?.[1];
    if (namespace === undefined) return { press: () => true, other: false };
    namespaces.add(namespace);
  }
  return { press: (namespace) => namespaces.has(namespace), other: false };
}

/** One handler, or a set of them, in the order added, with what it may act on. */
interface Step<C extends Context> {
  run: MiddlewareFn<C>;
  /** A fixed reach, or the nested handlers whose own reach it is. */
  reach: Reach | Handlers<C>[];
}

/**
 * Bumped whenever handlers are added anywhere: what a set of handlers reaches is then worked out
 * again, so that handlers added after an update has passed are seen as before.
 */
let additions = 0;

/**
 * A feature's handlers: grammY's Composer, in the same order and with the same `next`, but an
 * update passes in one step every handler that cannot act on it.
 *
 * An update passes a few hundred handlers on its way through the bot, and grammY walks each of
 * them (two promises a handler, and for each `callbackQuery`, `command` or `on` a Composer built
 * for the update, matching or not). Here a `callbackQuery` trigger names the first word of the
 * data it reads (`ev` of `^ev:e:...`), a `command` or a `message` filter never acts on a button
 * press, and anything else (a plain function, a trigger without a fixed first word) may act on
 * any update: a press passes only the handlers of its own screens and the few that look at every
 * update, and a message passes none of the screens' handlers.
 */
export class Handlers<C extends Context> extends Composer<C> {
  private readonly steps: Step<C>[] = [];
  /** Set on the handlers behind a trigger (`callbackQuery`, `command`, `on`): the trigger decides. */
  private fixedReach: Reach | undefined;
  /** Set by a trigger for the filter it is about to add. */
  private nextReach: Reach | undefined;
  private readonly reached = new Map<string, boolean>();
  private reachedOther = false;
  private reachedAt = -1;

  constructor(...middleware: Array<Middleware<C>>) {
    super();
    for (const m of middleware) this.add(m);
  }

  override middleware(): MiddlewareFn<C> {
    return this.handle;
  }

  private readonly handle: MiddlewareFn<C> = (ctx, next) => {
    const data = ctx.callbackQuery?.data;
    const namespace = data === undefined ? undefined : namespaceOf(data);
    const steps = this.steps;
    const from = (first: number): Promise<void> => {
      for (let i = first; i < steps.length; i++) {
        const step = steps[i]!;
        if (!reaches(step.reach, namespace)) continue;
        let called = false;
        const onward: NextFunction = () => {
          if (called) throw new Error("`next` already called before!");
          called = true;
          return from(i + 1);
        };
        return Promise.resolve(step.run(ctx, onward)) as Promise<void>;
      }
      return next();
    };
    return from(0);
  };

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    // Handlers rather than grammY's Composer, so that what is added to it later is seen too.
    const handlers = new Handlers(...middleware);
    this.add(handlers);
    return handlers;
  }

  override callbackQuery(trigger: MaybeArray<string | RegExp>, ...middleware: Array<CallbackQueryMiddleware<C>>): Composer<CallbackQueryContext<C>> {
    this.nextReach = pressesOf(trigger);
    return super.callbackQuery(trigger, ...middleware);
  }

  override command(command: Parameters<Composer<C>["command"]>[0], ...middleware: Array<CommandMiddleware<C>>): Composer<CommandContext<C>> {
    this.nextReach = messagesOnly;
    return super.command(command, ...middleware);
  }

  override on<Q extends FilterQuery>(filter: Q | Q[], ...middleware: Array<Middleware<Filter<C, Q>>>): Composer<Filter<C, Q>> {
    this.nextReach = [filter].flat().every((query) => query.startsWith("message")) ? messagesOnly : everything;
    return super.on(filter, ...middleware);
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const handlers = new Handlers(...middleware);
    handlers.fixedReach = this.nextReach;
    this.nextReach = undefined;
    this.branch(predicate, handlers, pass);
    return handlers;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    // Each side built once, here, rather than for every update as grammY's `branch` does.
    const yes = asHandlers(trueMiddleware);
    const no = asHandlers(falseMiddleware);
    const yesRun = yes.middleware();
    const noRun = no.middleware();
    additions++;
    this.steps.push({
      run: (ctx, next) => {
        const chosen = predicate(ctx);
        return chosen instanceof Promise ? chosen.then((c) => (c ? yesRun : noRun)(ctx, next)) : (chosen ? yesRun : noRun)(ctx, next);
      },
      reach: [yes, no],
    });
    return yes;
  }

  /** Whether a press whose data starts with `namespace` (or, when undefined, any other update) may find a handler here. */
  reaches(namespace: string | undefined): boolean {
    if (this.fixedReach) return namespace === undefined ? this.fixedReach.other : this.fixedReach.press(namespace);
    if (this.reachedAt !== additions) {
      this.reached.clear();
      this.reachedOther = this.steps.some((step) => reaches(step.reach, undefined));
      this.reachedAt = additions;
    }
    if (namespace === undefined) return this.reachedOther;
    let known = this.reached.get(namespace);
    if (known === undefined) {
      known = this.steps.some((step) => reaches(step.reach, namespace));
      this.reached.set(namespace, known);
    }
    return known;
  }

  private add(middleware: Middleware<C>): void {
    additions++;
    if (middleware === pass) return;
    if (middleware instanceof Handlers) this.steps.push({ run: middleware.middleware(), reach: [middleware] });
    else if (typeof middleware === "function") this.steps.push({ run: middleware, reach: everything });
    else this.steps.push({ run: (ctx, next) => middleware.middleware()(ctx, next), reach: everything });
  }
}

function asHandlers<C extends Context>(middleware: MaybeArray<Middleware<C>>): Handlers<C> {
  return middleware instanceof Handlers ? (middleware as Handlers<C>) : new Handlers(...[middleware].flat());
}

function reaches<C extends Context>(reach: Step<C>["reach"], namespace: string | undefined): boolean {
  if (Array.isArray(reach)) return reach.some((handlers) => handlers.reaches(namespace));
  return namespace === undefined ? reach.other : reach.press(namespace);
}
