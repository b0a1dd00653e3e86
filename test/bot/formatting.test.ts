import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { registerUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** The parse mode of each text or caption a batch sent, by method. */
function parseModes(batch: ApiCall[]): Array<[string, unknown]> {
  return batch.filter((c) => c.method.startsWith("send") || c.method === "editMessageText").map((c) => [c.method, c.payload.parse_mode]);
}

describe("every message is Telegram HTML", () => {
  it("whether a handler sends it or a conversation does, first run or replay, text or caption", async () => {
    const u = h.user({ id: 901, first_name: "Дана", language_code: "ru" });

    // The sign-up conversation's first step, then a step after a replay.
    const first = await u.send("/start");
    expect(h.texts(first)).toEqual([ru("signup-choose-language")]);
    expect(parseModes(first)).toEqual([["sendMessage", "HTML"]]);
    const replayed = await u.press("su-lang:ru");
    expect(h.texts(replayed)).toEqual([ru("signup-overview")]);
    expect(parseModes(replayed)).toEqual([["editMessageText", "HTML"]]);
    // A callback's answer takes no parse mode and gets none.
    expect(replayed.find((c) => c.method === "answerCallbackQuery")?.payload).not.toHaveProperty("parse_mode");

    // Handlers outside the conversations, among them texts that never carried markup.
    const left = await u.send("/cancel");
    expect(h.texts(left)).toEqual([ru("cancelled"), ru("menu-title")]);
    expect(parseModes(left)).toEqual([
      ["sendMessage", "HTML"],
      ["sendMessage", "HTML"],
    ]);

    // The captions of files.
    await registerUser(h.db, 902, { name: "Арман" });
    const files = await h.user({ id: 902, first_name: "Арман", language_code: "ru" }).send("/mydata");
    expect(h.texts(files)).toEqual([ru("mydata-caption"), ru("mydata-json-caption")]);
    expect(parseModes(files)).toEqual([
      ["sendDocument", "HTML"],
      ["sendDocument", "HTML"],
    ]);
  });
});
