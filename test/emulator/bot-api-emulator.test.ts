import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard } from "grammy";
import { buttonsOf, startBotApiEmulator, type BotApiEmulator, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";

const alice: TestUser = { id: 1001, first_name: "Aigerim", language_code: "kk", username: "aigerim" };
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

let em: BotApiEmulator;

beforeEach(async () => {
  em = await startBotApiEmulator();
});

afterEach(async () => {
  await em.close();
});

function makeBot(token = em.token): Bot {
  return new Bot(token, { client: { apiRoot: em.apiRoot } });
}

/** Catches a rejection so its fields can be asserted. */
async function failure(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe("bot API emulator driven by grammY", () => {
  it("answers getMe with the bot derived from the token", async () => {
    const bot = makeBot();
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 123456, is_bot: true, username: "jastar_test_bot", first_name: "Jastar" });
    expect(em.callsOf("getMe")).toHaveLength(1);
  });

  it("rejects a wrong token with 401", async () => {
    const error = await failure(makeBot("999:WRONG").init());
    expect(error.error_code).toBe(401);
    expect(error.description).toBe("Unauthorized");
    expect(em.calls).toHaveLength(0);
  });

  it("serves updates by long polling and records the conversation", async () => {
    const bot = makeBot();
    bot.command("start", (ctx) => ctx.reply("Сәлем!", { reply_markup: new InlineKeyboard().text("Тіркелу", "register") }));
    bot.callbackQuery("register", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "OK" });
      await ctx.editMessageText("Тіркелдіңіз");
    });
    bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const running = bot.start({ timeout: 10 });

    const start = em.sendText(alice, "/start");
    expect(start.update_id).toBe(1);
    expect(start.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);
    const greeting = await em.waitForMessageTo(alice.id);
    expect(greeting.text).toBe("Сәлем!");
    expect(greeting.chat).toEqual({ id: alice.id, type: "private", first_name: "Aigerim", username: "aigerim" });
    expect(buttonsOf(greeting)).toEqual([{ text: "Тіркелу", callback_data: "register" }]);
    // The user's /start took message id 1 of the chat, so the reply is 2.
    expect(greeting.message_id).toBe(2);

    const press = em.clickButton(alice, "Тіркелу");
    expect(press.update_id).toBe(2);
    expect(press.callback_query?.message?.message_id).toBe(greeting.message_id);
    const answer = await em.waitForCall("answerCallbackQuery");
    expect(answer.params).toMatchObject({ callback_query_id: press.callback_query?.id, text: "OK" });
    expect(answer.result).toBe(true);
    const edited = await em.waitForMessageTo(alice.id);
    expect(edited.text).toBe("Тіркелдіңіз");
    // editMessageText without reply_markup drops the inline keyboard, as in Telegram.
    expect(edited.reply_markup).toBeUndefined();

    em.sendText(alice, "hello");
    const echo = await em.waitForCall("sendMessage");
    expect(echo.params).toMatchObject({ chat_id: alice.id, text: "echo: hello" });

    expect(em.messagesTo(alice.id).map((m) => m.text)).toEqual(["Тіркелдіңіз", "echo: hello"]);
    await em.waitUntilIdle();
    await bot.stop();
    await running;
    expect(em.pendingUpdates).toEqual([]);
    expect(em.callsOf("getUpdates").length).toBeGreaterThan(1);
  });

  it("rejects an unchanged or unknown edit with 400", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const keyboard = new InlineKeyboard().text("A", "a");
    const sent = await bot.api.sendMessage(alice.id, "Text", { reply_markup: keyboard });
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] });

    const same = await failure(bot.api.editMessageText(alice.id, sent.message_id, "Text", { reply_markup: keyboard }));
    expect(same.error_code).toBe(400);
    expect(same.description).toBe(NOT_MODIFIED);

    const edited = await bot.api.editMessageText(alice.id, sent.message_id, "Text", {
      reply_markup: new InlineKeyboard().text("B", "b"),
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Text", edit_date: expect.any(Number) });

    const sameMarkup = await failure(
      bot.api.editMessageReplyMarkup(alice.id, sent.message_id, { reply_markup: new InlineKeyboard().text("B", "b") }),
    );
    expect(sameMarkup.description).toBe(NOT_MODIFIED);

    const missing = await failure(bot.api.editMessageText(alice.id, 999, "x"));
    expect(missing.description).toBe("Bad Request: message to edit not found");

    await bot.api.deleteMessage(alice.id, sent.message_id);
    expect(em.messagesTo(alice.id)).toMatchObject([{ message_id: sent.message_id, deleted: true }]);
    expect(em.lastMessageTo(alice.id)).toBeUndefined();
  });

  it("parses multipart uploads and keeps the file content", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const message = await bot.api.sendDocument(alice.id, new InputFile(Buffer.from('{"a":1}'), "data.json"), {
      caption: "Экспорт <b>дайын</b>",
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("OK", "ok"),
    });
    expect(message.document).toMatchObject({ file_name: "data.json", file_size: 7, mime_type: "application/json" });
    expect(message.caption).toBe("Экспорт дайын");
    expect(message.caption_entities).toEqual([{ type: "bold", offset: 8, length: 5 }]);

    const [call] = em.callsOf("sendDocument");
    expect(call?.params.chat_id).toBe(alice.id);
    expect(call?.params.document).toMatch(/^attach:\/\//);
    expect(call?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] });
    expect(call?.files.document?.filename).toBe("data.json");
    expect(JSON.parse(call!.files.document!.content.toString("utf8"))).toEqual({ a: 1 });

    // A file_id from an earlier answer can be sent again.
    const again = await bot.api.sendDocument(alice.id, message.document.file_id);
    expect(again.document?.file_unique_id).toBe(message.document?.file_unique_id);
  });

  it("injects a 429 with retry_after", async () => {
    const bot = makeBot();
    em.addUser(alice);
    em.failNext("sendMessage", { error_code: 429, parameters: { retry_after: 1 } });

    const error = await failure(bot.api.sendMessage(alice.id, "hi"));
    expect(error.error_code).toBe(429);
    expect(error.description).toBe("Too Many Requests: retry after 1");
    expect(error.parameters.retry_after).toBe(1);

    await expect(bot.api.sendMessage(alice.id, "hi")).resolves.toMatchObject({ text: "hi" });
    expect(em.callsOf("sendMessage").map((c) => c.error?.error_code ?? "ok")).toEqual([429, "ok"]);
  });

  it("leaves calls unanswered: a hung one until the client gives up, a reset one at once", async () => {
    const bot = new Bot(em.token, { client: { apiRoot: em.apiRoot, timeoutSeconds: 1 } });
    em.addUser(alice);
    em.dropNext("sendMessage", "hang");
    em.dropNext("sendChatAction", "reset");

    const started = Date.now();
    await expect(bot.api.sendMessage(alice.id, "hi")).rejects.toThrow(/sendMessage/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(bot.api.sendChatAction(alice.id, "typing")).rejects.toThrow(/sendChatAction/);
    expect(em.calls.map((c) => [c.method, c.dropped])).toEqual([
      ["sendMessage", "hang"],
      ["sendChatAction", "reset"],
    ]);
    expect(em.messagesTo(alice.id)).toEqual([]);

    await expect(bot.api.sendMessage(alice.id, "hi")).resolves.toMatchObject({ text: "hi" });
  });

  it("drops only the calls that match the condition given, and a dropped poll confirms nothing", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const update = em.sendText(alice, "hi");
    em.dropNext("getUpdates", "reset", 1, (call) => Number(call.params.offset) > update.update_id);

    expect((await bot.api.getUpdates({ offset: 0, timeout: 0 })).map((u) => u.update_id)).toEqual([update.update_id]);
    await expect(bot.api.getUpdates({ offset: update.update_id + 1, timeout: 0 })).rejects.toThrow(/getUpdates/);
    expect(em.pendingUpdates.map((u) => u.update_id)).toEqual([update.update_id]);
    expect(em.polls.map((c) => c.dropped)).toEqual([undefined, "reset"]);
    expect(await bot.api.getUpdates({ offset: update.update_id + 1, timeout: 0 })).toEqual([]);
    expect(em.pendingUpdates).toEqual([]);
  });

  it("answers 403 once the user blocked the bot", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const sent = await bot.api.sendMessage(alice.id, "before");
    em.blockChat(alice.id);

    const error = await failure(bot.api.sendMessage(alice.id, "after"));
    expect(error.error_code).toBe(403);
    expect(error.description).toBe("Forbidden: bot was blocked by the user");
    const edit = await failure(bot.api.editMessageText(alice.id, sent.message_id, "edited"));
    expect(edit.error_code).toBe(403);
    expect(em.messagesTo(alice.id).map((m) => m.text)).toEqual(["before"]);
  });

  it("terminates the older long poll with 409 when a second one arrives", async () => {
    const first = makeBot();
    first.on("message", () => {});
    // Handle the rejection from the start: it happens while the second request is in flight.
    const stopped = failure(first.start({ timeout: 10 }));
    await em.waitForPolling();

    const second = makeBot();
    await expect(second.api.getUpdates({ timeout: 0 })).resolves.toEqual([]);

    const error = await stopped;
    expect(error.error_code).toBe(409);
    expect(error.description).toBe(
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    );
  });

  it("rejects an unknown chat, as Telegram does for chats the bot never saw", async () => {
    const error = await failure(makeBot().api.sendMessage(424242, "hi"));
    expect(error.description).toBe("Bad Request: chat not found");
  });

  it("copies user messages and sends venues", async () => {
    const bot = makeBot();
    const groupId = -1001234567890;
    em.addGroup(groupId, "Admins");
    const photo = em.sendPhoto(alice, "афиша").message!;

    const copy = await bot.api.copyMessage(groupId, alice.id, photo.message_id, { caption: "from Aigerim" });
    // Telegram answers copyMessage with a bare MessageId.
    expect(copy).toEqual({ message_id: 1 });
    expect(em.lastMessageTo(groupId)).toMatchObject({
      chat: { id: groupId, type: "supergroup", title: "Admins" },
      photo: photo.photo,
      caption: "from Aigerim",
    });

    const venue = await bot.api.sendVenue(alice.id, 43.25, 76.95, "Жастар орталығы", "Абай даңғ. 1");
    expect(venue.venue).toEqual({
      location: { latitude: 43.25, longitude: 76.95 },
      title: "Жастар орталығы",
      address: "Абай даңғ. 1",
    });
    const missing = await failure(bot.api.copyMessage(groupId, alice.id, 999));
    expect(missing.description).toBe("Bad Request: message to copy not found");
  });

  it("stores commands per scope and language", async () => {
    const bot = makeBot();
    await bot.api.setMyCommands([{ command: "start", description: "Бастау" }], { language_code: "kk" });
    await expect(bot.api.getMyCommands({ language_code: "kk" })).resolves.toEqual([
      { command: "start", description: "Бастау" },
    ]);
    await expect(bot.api.getMyCommands()).resolves.toEqual([]);
    const invalid = await failure(bot.api.setMyCommands([{ command: "Start", description: "x" }]));
    expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });

  it("rejects malformed HTML like Telegram", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const ok = await bot.api.sendMessage(alice.id, '<a href="https://example.kz/?a=1&amp;b=2">сайт</a> 1 &lt; 2', {
      parse_mode: "HTML",
    });
    expect(ok.text).toBe("сайт 1 < 2");
    expect(ok.entities).toEqual([{ type: "text_link", offset: 0, length: 4, url: "https://example.kz/?a=1&b=2" }]);

    const unsupported = await failure(bot.api.sendMessage(alice.id, "<div>x</div>", { parse_mode: "HTML" }));
    expect(unsupported.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "div" at byte offset 0',
    );
    const unclosed = await failure(bot.api.sendMessage(alice.id, "<b>x", { parse_mode: "HTML" }));
    expect(unclosed.description).toMatch(/Can't find end tag corresponding to start tag "b"/);
  });
});

describe("webhook", () => {
  it("posts updates with the secret once set, again after a failed post, and refuses getUpdates meanwhile", async () => {
    const posts: Array<{ secret: unknown; update_id: number }> = [];
    let failNext = true;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        posts.push({ secret: req.headers["x-telegram-bot-api-secret-token"], update_id: (JSON.parse(body) as { update_id: number }).update_id });
        res.writeHead(failNext ? 500 : 200).end();
        failNext = false;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const bot = makeBot();
      await bot.api.setWebhook(url, { secret_token: "s3cret" });
      expect((await bot.api.getWebhookInfo()).url).toBe(url);
      expect((await failure(bot.api.getUpdates())).error_code).toBe(409);

      const update = em.sendText(alice, "сәлем");
      await em.waitUntilIdle(50);
      expect(posts).toEqual([
        { secret: "s3cret", update_id: update.update_id },
        { secret: "s3cret", update_id: update.update_id },
      ]);
      expect(em.webhookDeliveries.map((d) => d.status)).toEqual([500, 200]);
      expect(em.pendingUpdates).toEqual([]);

      await bot.api.deleteWebhook();
      expect(em.webhookUrl).toBeUndefined();
      expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("simulated users", () => {
  it("clicks reply keyboard buttons, sharing a contact for request_contact", async () => {
    const bot = makeBot();
    em.addUser(alice);
    await bot.api.sendMessage(alice.id, "Телефон?", {
      reply_markup: new Keyboard().requestContact("📱 Нөмірді жіберу").row().text("Артқа").resized(),
    });

    const contact = em.clickButton(alice, /Нөмір/);
    expect(contact.message?.contact).toEqual({ phone_number: "+77011234567", first_name: "Aigerim", user_id: alice.id });
    const back = em.clickButton(alice, "Артқа");
    expect(back.message?.text).toBe("Артқа");

    expect(() => em.clickButton(alice, "Missing")).toThrow(/reply keyboard: "📱 Нөмірді жіберу", "Артқа"/);

    await bot.api.sendMessage(alice.id, "Жабылды", { reply_markup: { remove_keyboard: true } });
    expect(() => em.clickButton(alice, "Артқа")).toThrow(/has shown no keyboard/);
  });

  it("shows the whole chat, the reply keyboard shown now, and the files the bot uploaded", async () => {
    const bot = makeBot();
    em.sendText(alice, "/start");
    const changes: number[] = [];
    em.onChange(() => changes.push(em.calls.length));
    await bot.api.sendMessage(alice.id, "Қай жерде?", { reply_markup: new Keyboard().requestLocation("📍 Орным").resized() });
    expect(em.replyKeyboardOf(alice.id)?.keyboard).toEqual([[{ text: "📍 Орным", request_location: true }]]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const photo = await bot.api.sendPhoto(alice.id, new InputFile(png, "card.png"), { reply_markup: { remove_keyboard: true } });
    const venue = await bot.api.sendVenue(alice.id, 43.238, 76.945, "Орталық", "Абай даңғылы");
    await bot.api.deleteMessage(alice.id, venue.message_id);

    expect(em.replyKeyboardOf(alice.id)).toBeUndefined();
    expect(em.chatHistory(alice.id).map((m) => [m.fromBot, m.deleted, m.text ?? Object.keys(m).find((k) => ["photo", "venue"].includes(k))])).toEqual([
      [false, false, "/start"],
      [true, false, "Қай жерде?"],
      [true, false, "photo"],
      [true, true, "venue"],
    ]);
    const largest = photo.photo.at(-1)!;
    expect(em.downloadFile(largest.file_id)).toEqual({ name: "card.png", mimeType: "image/png", content: png });
    expect(em.downloadFile(photo.photo[0]!.file_id)).toBeUndefined();
    expect(changes.length).toBeGreaterThanOrEqual(4);
  });

  it("dates messages by the clock it is given", async () => {
    await em.close();
    const at = new Date("2026-12-08T04:00:00Z");
    em = await startBotApiEmulator({ now: () => at });
    const sent = em.sendText(alice, "сәлем");
    const reply = await makeBot().api.sendMessage(alice.id, "Сәлем!");
    expect(sent.message?.date).toBe(at.getTime() / 1000);
    expect(reply.date).toBe(at.getTime() / 1000);
  });

  it("refuses sends beyond its limit per second with 429 and retry_after, and takes them again a second later", async () => {
    await em.close();
    let at = new Date("2026-12-08T04:00:00Z");
    em = await startBotApiEmulator({ now: () => at, sendsPerSecond: 3 });
    const bot = makeBot();
    em.addUser(alice);
    const [first] = [await bot.api.sendMessage(alice.id, "1"), await bot.api.sendMessage(alice.id, "2"), await bot.api.sendMessage(alice.id, "3")];
    // An edit is not a message sent: the limit leaves it alone.
    await bot.api.editMessageText(alice.id, first.message_id, "1 edited");

    at = new Date(at.getTime() + 999);
    const refused = await failure(bot.api.sendMessage(alice.id, "4"));
    expect(refused.error_code).toBe(429);
    expect(refused.parameters.retry_after).toBe(1);
    expect(em.chatHistory(alice.id).map((m) => m.text)).toEqual(["1 edited", "2", "3"]);

    at = new Date(at.getTime() + 1);
    await bot.api.sendMessage(alice.id, "4");
    expect(em.chatHistory(alice.id).map((m) => m.text)).toEqual(["1 edited", "2", "3", "4"]);
  });

  it("presses the newest inline button with the given data", async () => {
    const bot = makeBot();
    em.addUser(alice);
    const older = await bot.api.sendMessage(alice.id, "1", { reply_markup: new InlineKeyboard().text("X", "x") });
    await bot.api.sendMessage(alice.id, "2", { reply_markup: new InlineKeyboard().text("Y", "y") });
    await bot.api.sendMessage(alice.id, "3");

    const update = em.pressButton(alice, "x");
    expect(update.callback_query).toMatchObject({
      from: { id: alice.id, is_bot: false, first_name: "Aigerim" },
      data: "x",
      message: { message_id: older.message_id, text: "1" },
      chat_instance: expect.any(String),
    });
    await expect(bot.api.answerCallbackQuery(update.callback_query!.id)).resolves.toBe(true);
    const twice = await failure(bot.api.answerCallbackQuery(update.callback_query!.id));
    expect(twice.description).toMatch(/query ID is invalid/);
  });

  it("builds stickers, photos and raw updates with increasing update ids", () => {
    expect(em.sendSticker(alice).message?.sticker).toMatchObject({ type: "regular", emoji: "👍" });
    const photo = em.sendPhoto(alice, "афиша").message;
    expect(photo?.photo?.length).toBe(2);
    expect(photo?.caption).toBe("афиша");
    const raw = em.sendUpdate({ my_chat_member: { chat: { id: alice.id, type: "private" } } });
    expect(raw.update_id).toBe(3);
    expect(em.pendingUpdates.map((u) => u.update_id)).toEqual([1, 2, 3]);
  });
});

describe("raw HTTP", () => {
  const url = (method: string) => `${em.apiRoot}/bot${em.token}/${method}`;

  it("accepts urlencoded bodies and GET query strings, and 404s unknown methods", async () => {
    em.addUser(alice);
    const form = await fetch(url("sendMessage"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: String(alice.id), text: "123" }),
    });
    expect(await form.json()).toMatchObject({ ok: true, result: { text: "123", chat: { id: alice.id } } });
    expect(em.calls.at(-1)?.params).toEqual({ chat_id: alice.id, text: "123" });

    const get = await fetch(`${url("getChat")}?chat_id=${alice.id}`);
    expect(await get.json()).toMatchObject({ ok: true, result: { id: alice.id, type: "private" } });

    const unknown = await fetch(url("sendTelepathy"), { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found: method not found" });
  });

  it("holds a long poll until an update arrives, and confirms by offset", async () => {
    const poll = fetch(url("getUpdates"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeout: 5 }),
    });
    await em.waitForPolling();
    em.sendText(alice, "hi");
    const body = (await (await poll).json()) as { result: Array<{ update_id: number }> };
    expect(body.result.map((u) => u.update_id)).toEqual([1]);

    // Not confirmed yet: polling again without an offset returns it again.
    const again = await (await fetch(`${url("getUpdates")}?timeout=0`)).json();
    expect(again).toMatchObject({ ok: true, result: [{ update_id: 1 }] });
    const confirmed = await (await fetch(`${url("getUpdates")}?offset=2`)).json();
    expect(confirmed).toEqual({ ok: true, result: [] });
    expect(em.pendingUpdates).toEqual([]);
  });

  it("returns an empty result when the poll times out, and forgets aborted polls", async () => {
    const started = Date.now();
    const timedOut = await (await fetch(`${url("getUpdates")}?timeout=1`)).json();
    expect(timedOut).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const controller = new AbortController();
    const aborted = fetch(`${url("getUpdates")}?timeout=30`, { signal: controller.signal });
    await em.waitForPolling();
    controller.abort();
    await expect(aborted).rejects.toThrow();
    await expect.poll(() => em.isPolling).toBe(false);
  });

  it("ends pending polls with no updates on close", async () => {
    const poll = fetch(`${url("getUpdates")}?timeout=30`);
    await em.waitForPolling();
    await em.close();
    expect(await (await poll).json()).toEqual({ ok: true, result: [] });
  });
});

describe("waiting", () => {
  it("times out with the recent calls in the message", async () => {
    const bot = makeBot();
    em.addUser(alice);
    await bot.api.sendMessage(alice.id, "only this");
    await expect(em.waitForCall("sendPhoto", undefined, 100)).rejects.toThrow(
      /Timed out after 100 ms waiting for a sendPhoto call[\s\S]*sendMessage .*only this/,
    );
  });

  it("finds replies after the latest user action, each call once", async () => {
    const bot = makeBot();
    em.addUser(alice);
    await bot.api.sendMessage(alice.id, "old");
    em.sendText(alice, "new question");
    const mark = em.mark();
    await bot.api.sendMessage(alice.id, "first");
    await bot.api.sendMessage(alice.id, "second");
    expect((await em.waitForCall("sendMessage")).params.text).toBe("first");
    expect((await em.waitForCall("sendMessage")).params.text).toBe("second");
    expect((await em.waitForCallSince(mark, "sendMessage")).params.text).toBe("first");
  });
});
