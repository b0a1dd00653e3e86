import { createHook } from "node:async_hooks";
import { Composer, Context, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Handlers } from "../../src/bot/shared/handlers.js";

const me = { id: 1, is_bot: true, first_name: "bot", username: "bot" } as UserFromGetMe;
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
});
