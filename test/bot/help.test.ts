import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { callbackUpdate, messageUpdate, type TestUser } from "../support/updates.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string) => h.i18n.t("ru", key);
const kk = (key: string) => h.i18n.t("kk", key);

const voice = (u: TestUser) =>
  h.feed(messageUpdate(u, { voice: { file_id: "voice-1", file_unique_id: "v1", duration: 4, mime_type: "audio/ogg" } }));

/** The inline buttons of the message that carried `text`. */
function buttonsOf(batch: ApiCall[], text: string) {
  const sent = batch.find((c) => c.method === "sendMessage" && c.payload.text === text);
  return (sent?.payload.reply_markup?.inline_keyboard ?? []).flat();
}

describe("a message the bot does not understand", () => {
  it("«привет» is answered with the 🆘 button next to the menu", async () => {
    const u = h.user({ id: 901, first_name: "Test", language_code: "ru" });
    const batch = await u.send("привет");
    expect(h.texts(batch)).toEqual([ru("unknown-message"), ru("menu-title")]);
    expect(buttonsOf(batch, ru("unknown-message"))).toEqual([{ text: ru("menu-help"), callback_data: "menu:help" }]);
  });

  it("a voice message is answered with the 🆘 button, in the person's language", async () => {
    const u = h.user({ id: 902, first_name: "Test", language_code: "kk" });
    const batch = await voice(u);
    expect(h.texts(batch)).toEqual([kk("unknown-message"), kk("menu-title")]);
    expect(buttonsOf(batch, kk("unknown-message"))).toEqual([{ text: kk("menu-help"), callback_data: "menu:help" }]);
  });

  it("pressing the 🆘 button shows the help lines", async () => {
    const u = h.user({ id: 903, first_name: "Test", language_code: "ru" });
    await voice(u);
    const answer = u.messages().find((m) => m.text === ru("unknown-message"))!;
    const [button] = answer.reply_markup!.inline_keyboard.flat();
    const batch = await h.feed(callbackUpdate(u, (button as { callback_data: string }).callback_data, answer));
    expect(batch.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(1);
    expect(h.texts(batch)).toEqual([ru("help-crisis")]);
    for (const number of ["150", "111", "112"]) expect(h.texts(batch)[0]).toContain(number);
  });
});

describe("crisis phrases outside any flow", () => {
  it.each([
    ["ru", "hochu umeret"],
    ["ru", "не хочу больше жить"],
    ["kk", "olgim keledi"],
    ["kk", "мені үйде ұрады"],
  ])("%s: %j gets the help lines at once", async (language, text) => {
    const u = h.user({ id: 910, first_name: "Test", language_code: language });
    const t = language === "kk" ? kk : ru;
    expect(h.texts(await u.send(text))).toEqual([t("crisis-detected"), t("help-crisis")]);
  });

  it("everyday speech gets the ordinary answer, not the help lines", async () => {
    const u = h.user({ id: 911, first_name: "Test", language_code: "kk" });
    expect(h.texts(await u.send("Өлердей шаршадым"))).toEqual([kk("unknown-message"), kk("menu-title")]);
    expect(h.texts(await u.send("ол мені ұрсады"))).toEqual([kk("unknown-message"), kk("menu-title")]);
  });
});
