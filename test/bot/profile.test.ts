import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/users.js";
import { createHarness, recorded, type Harness } from "../support/harness.js";
import { MENU_ENTRIES } from "../../src/bot/shared/keyboards.js";
import { registerUser } from "../support/users.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);

describe("profile", () => {
  it("asks a person without an account to sign up, then brings them back", async () => {
    const u = h.user({ id: 601, first_name: "Нурлан", language_code: "ru" });
    const batch = await u.press("menu:profile");
    expect(h.texts(batch)).toEqual([ru("need-signup")]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["signup:profile"]);

    await u.press("signup:profile");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    await u.send("Нурлан");
    await u.send("24");
    await u.press("su-district:auezov");
    await u.send(ru("button-skip"));
    const done = await u.press("su-occupation:work");
    expect(h.texts(done)).toEqual([
      recorded(ru("signup-ask-occupation"), ru("occupation-work")),
      ru("signup-done", { name: "Нурлан" }),
      ru("menu-title"),
      ru("continue-after-signup"),
    ]);
    expect(u.buttons().map((b) => b.callback_data)).toEqual(["menu:profile"]);
    const profile = h.texts(await u.press("menu:profile"))[0];
    expect(profile).toContain("Нурлан");
    expect(profile).toContain(ru("district-auezov"));
    expect(profile).toContain(ru("occupation-work"));
  });

  it("edits every field with the sign-up rules", async () => {
    await registerUser(h.db, 602, { name: "Данияр", age: 20, district: "almaly" });
    const u = h.user({ id: 602, first_name: "Данияр", language_code: "ru" });

    await u.press("profile:edit:name");
    expect(h.texts(await u.send("!!!"))).toEqual([ru("signup-name-invalid", { max: 64 })]);
    expect(h.texts(await u.send("Даниял"))[0]).toBe(ru("profile-saved"));

    await u.press("profile:edit:age");
    expect(h.texts(await u.send("40"))[0]).toBe(ru("profile-age-out-of-range"));
    expect((await findUser(h.db, 602))?.age).toBe(20);
    await u.press("profile:edit:age");
    await u.send("17");
    expect(h.texts(await u.press("su-guardian:no")).slice(0, 2)).toEqual([
      recorded(ru("signup-ask-guardian"), ru("button-guardian-no")),
      ru("profile-age-minor-needs-guardian"),
    ]);
    await u.press("profile:edit:age");
    await u.send("17");
    await u.press("su-guardian:yes");

    await u.press("profile:district");
    await u.press("profile:set-district:medeu");
    await u.press("profile:edit:phone");
    await u.sendContact("+7 701 555 00 11");
    await u.press("profile:occupation");
    await u.press("profile:set-occupation:study");
    await u.press("profile:notifications");

    expect(await findUser(h.db, 602)).toMatchObject({
      name: "Даниял",
      age: 17,
      guardian_consent: 1,
      district: "medeu",
      phone: "+77015550011",
      occupation: "study",
      notifications: 0,
    });

    await u.press("profile:remove-phone");
    expect((await findUser(h.db, 602))?.phone).toBeNull();
  });

  it("changing the phone: a typed number replaces it, and the way out removes it, saying so", async () => {
    await registerUser(h.db, 606, { phone: "+77010000001" });
    const u = h.user({ id: 606, first_name: "Тест", language_code: "ru" });

    await u.press("profile:edit:phone");
    let prompt = h.calls.at(-1)!;
    // With a number stored, the button says what it does: it removes the number.
    expect(prompt.payload.reply_markup.keyboard.flat().map((b: { text: string }) => b.text)).toEqual([
      ru("button-share-phone"),
      ru("button-remove-phone"),
    ]);
    expect(h.texts(await u.send("12345"))).toEqual([ru("signup-phone-invalid", { none: ru("button-remove-phone") })]);
    const typed = await u.send("+7 (702) 555-66-77");
    expect(h.texts(typed)[0]).toBe(ru("profile-saved"));
    expect((await findUser(h.db, 606))?.phone).toBe("+77025556677");

    await u.press("profile:edit:phone");
    const removed = await u.send(ru("button-remove-phone"));
    expect(h.texts(removed)[0]).toBe(ru("profile-phone-removed"));
    expect(removed.find((c) => c.method === "sendMessage")?.payload.reply_markup).toEqual({ remove_keyboard: true });
    expect((await findUser(h.db, 606))?.phone).toBeNull();
    expect(h.texts(removed)[1]).toContain(ru("profile-not-set"));

    // Without a number there is nothing to remove: the way out is "Skip", and it is true.
    await u.press("profile:edit:phone");
    prompt = h.calls.at(-1)!;
    expect(prompt.payload.reply_markup.keyboard.flat().map((b: { text: string }) => b.text)).toContain(ru("button-skip"));
    expect(h.texts(await u.send(ru("button-skip")))[0]).toBe(ru("signup-phone-skipped"));
    expect((await findUser(h.db, 606))?.phone).toBeNull();
  });

  it("asks the age again after a typo instead of refusing it", async () => {
    await registerUser(h.db, 607, { age: 20, language: "kk" });
    const u = h.user({ id: 607, first_name: "Тест", language_code: "kk" });
    await u.press("profile:edit:age");
    expect(h.texts(await u.send("150"))).toEqual([kk("signup-age-typo")]);
    expect((await findUser(h.db, 607))?.age).toBe(20);
    expect(h.texts(await u.send("25"))[0]).toBe(kk("profile-saved"));
    expect((await findUser(h.db, 607))?.age).toBe(25);
  });

  it("offers a way back from each field's choices, and every menu entry opens its screen", async () => {
    await registerUser(h.db, 608, { district: "almaly" });
    const u = h.user({ id: 608, first_name: "Тест", language_code: "ru" });
    for (const picker of ["profile:district", "profile:occupation", "profile:language"]) {
      await u.press(picker);
      expect(u.buttons().at(-1)).toMatchObject({ text: ru("button-back"), callback_data: "menu:profile" });
    }
    expect(h.texts(await u.press("menu:profile"))[0]).toContain(ru("district-almaly"));
    expect((await findUser(h.db, 608))?.district).toBe("almaly");

    // Every entry of the main menu opens a screen of its own, with a way on from it.
    for (const entry of MENU_ENTRIES) {
      const opened = await u.press(`menu:${entry}`);
      expect(opened.some((c) => c.method === "answerCallbackQuery")).toBe(true);
      expect(h.texts(opened).filter((text) => text !== "")).not.toEqual([]);
      expect(h.texts(opened)).not.toContain(ru("menu-title"));
    }
  });

  it("switches the language at once and keeps it", async () => {
    await registerUser(h.db, 603, { language: "ru" });
    const u = h.user({ id: 603, first_name: "Test", language_code: "ru" });
    await u.press("profile:language");
    const batch = await u.press("profile:set-language:kk");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(kk("profile-saved"));
    expect(h.texts(batch)[0]).toContain(kk("profile-not-set"));
    expect(h.texts(await u.send("/menu"))).toEqual([kk("menu-title")]);
  });

  it("rejects forged profile buttons without changing anything", async () => {
    await registerUser(h.db, 604, { district: "almaly" });
    const u = h.user({ id: 604, first_name: "Test", language_code: "ru" });
    const batch = await u.press("profile:set-district:moon");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
    expect((await findUser(h.db, 604))?.district).toBe("almaly");

    const stranger = h.user({ id: 605, first_name: "X", language_code: "ru" });
    await stranger.press("profile:set-district:medeu");
    expect(await findUser(h.db, 605)).toBeUndefined();
  });
});

describe("restart in the middle of sign-up", () => {
  it("resumes the conversation from the database", async () => {
    const u = h.user({ id: 610, first_name: "Test", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:kk");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    await u.send("Мирас");

    const restarted = await createHarness({ store: h.store });
    const again = restarted.user({ id: 610, first_name: "Test", language_code: "ru" });
    expect(restarted.texts(await again.send("23"))).toEqual([kk("signup-ask-district")]);
    await again.press("su-district:nauryzbay");
    await again.send(kk("button-skip"));
    await again.press("su-occupation:study");
    expect(await findUser(h.db, 610)).toMatchObject({ name: "Мирас", age: 23, district: "nauryzbay", language: "kk" });
  });
});
