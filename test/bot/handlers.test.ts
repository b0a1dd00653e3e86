import { createHook } from "node:async_hooks";
import { Composer, Context, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Handlers } from "../../src/bot/shared/handlers.js";

const me = { id: 1, is_bot: true, first_name: "bot", username: "bot" } as UserFromGetMe;
const message = (text: string): Context =>
  new Context({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: "private", first_name: "A" }, from: { id: 7, is_bot: false, first_name: "A" }, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } : {}) } },
    {} as Api,
    me,
  );
const press = (data: string): Context =>
  new Context(
    { update_id: 1, callback_query: { id: "1", chat_instance: "1", from: { id: 7, is_bot: false, first_name: "A" }, data } },
    {} as Api,
    me,
  );

/** Promises made while an update passes `composer` to the end. */
async function promisesToPass(composer: Composer<Context>, ctx: Context): Promise<number> {
  let promises = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === "PROMISE") promises++;
    },
  });
  hook.enable();
  await composer.middleware()(ctx, async () => undefined);
  hook.disable();
  return promises;
}

describe("a feature's handlers", () => {
  it("answer as grammY's Composer does: the first handler that matches, handlers added to a filter later, the rest passed on", async () => {
    const seen: string[] = [];
    const handlers = new Handlers<Context>();
    const callbacks = handlers.on("callback_query");
    callbacks.callbackQuery(/^a:(\d)$/, (ctx) => void seen.push(`a ${ctx.match[1]}`));
    callbacks.callbackQuery("b", (ctx, next) => (seen.push("b"), next()));
    // Added after the filter it sits behind was made.
    callbacks.callbackQuery("b", () => void seen.push("b again"));
    handlers.drop((ctx) => ctx.callbackQuery?.data === "c", () => void seen.push("not c"));
    const passedOn: string[] = [];
    for (const data of ["a:1", "b", "c", "d"]) await handlers.middleware()(press(data), async () => void passedOn.push(data));
    expect(seen).toEqual(["a 1", "b", "b again", "not c"]);
    expect(passedOn).toEqual(["c"]);
    const none = new Handlers<Context>();
    none.callbackQuery("x", () => undefined);
    await none.middleware()(press("y"), async () => void passedOn.push("y"));
    expect(passedOn).toEqual(["c", "y"]);
  });

  it("cost an update passing them a few promises each, not a Composer built for each handler", async () => {
    const many = (composer: Composer<Context>) => {
      for (let i = 0; i < 200; i++) composer.callbackQuery(`n:${i}`, () => undefined);
      return composer;
    };
    const perHandler = (await promisesToPass(many(new Handlers<Context>()), press("other"))) / 200;
    const grammysPerHandler = (await promisesToPass(many(new Composer<Context>()), press("other"))) / 200;
    // grammY's own makes about ten, among them a Composer of the handler's side, matching or not.
    expect(perHandler).toBeLessThanOrEqual(5);
    expect(perHandler).toBeLessThan(grammysPerHandler / 2);
  });

  it("let a press pass the handlers of other screens in one step, and a message pass every screen's", async () => {
    const many = (composer: Composer<Context>) => {
      for (let i = 0; i < 200; i++) composer.callbackQuery(new RegExp(`^s${i}:(\\d+)$`), () => undefined);
      return composer;
    };
    expect(await promisesToPass(many(new Handlers<Context>()), press("other:1"))).toBeLessThan(10);
    expect(await promisesToPass(many(new Handlers<Context>()), message("hello"))).toBeLessThan(10);
    expect(await promisesToPass(many(new Composer<Context>()), press("other:1"))).toBeGreaterThan(1000);
  });

  it("still give every update to what may act on any, and to triggers without a fixed first word", async () => {
    const seen: string[] = [];
    const handlers = new Handlers<Context>();
    handlers.use((ctx, next) => (seen.push(`all ${ctx.callbackQuery?.data ?? ctx.message?.text}`), next()));
    handlers.command("start", () => void seen.push("start"));
    handlers.on("message:text", (ctx, next) => (seen.push(`text ${ctx.message.text}`), next()));
    handlers.callbackQuery(/^(?:x|y):\d$/, (ctx) => void seen.push(`x or y ${ctx.match[0]}`));
    handlers.on("callback_query:data", (ctx) => void seen.push(`any press ${ctx.callbackQuery.data}`));
    for (const ctx of [press("y:1"), press("z:1"), message("/start"), message("hi")]) await handlers.middleware()(ctx, async () => void seen.push("passed on"));
    expect(seen).toEqual(["all y:1", "x or y y:1", "all z:1", "any press z:1", "all /start", "start", "all hi", "text hi", "passed on"]);
  });

  it("see a screen's handler added after a press of that screen went past", async () => {
    const handlers = new Handlers<Context>();
    const nested = handlers.filter(() => true);
    nested.callbackQuery("a", () => undefined);
    const passedOn: string[] = [];
    await handlers.middleware()(press("late:1"), async () => void passedOn.push("late:1"));
    nested.callbackQuery(/^late:(\d)$/, () => void passedOn.push("handled"));
    await handlers.middleware()(press("late:1"), async () => void passedOn.push("late:1"));
    expect(passedOn).toEqual(["late:1", "handled"]);
  });
});
