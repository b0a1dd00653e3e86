import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/users.js";
import { createHarness, recorded, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (t: string, vars?: Record<string, string | number>) => h.i18n.t("ru", t, vars);
const kk = (t: string, vars?: Record<string, string | number>) => h.i18n.t("kk", t, vars);

describe("sign-up", () => {
  it("registers a Russian-speaking adult step by step, repeating every step on wrong input", async () => {
    const u = h.user({ id: 501, first_name: "Айгерим", language_code: "ru" });

    expect(h.texts(await u.send("/start"))).toEqual([ru("signup-choose-language")]);
    // Free text where a button is expected: the step repeats with a hint.
    expect(h.texts(await u.send("русский"))).toEqual([ru("need-button"), ru("signup-choose-language")]);
    expect(h.texts(await u.sendSticker())).toEqual([ru("need-button"), ru("signup-choose-language")]);
    await u.press("su-lang:ru");

    expect(h.texts(await u.send("/profile"))).toEqual([ru("command-mid-flow"), ru("signup-overview")]);
    expect(h.texts(await u.press("su-start:go"))).toEqual([ru("signup-consent")]);
    expect(h.texts(await u.sendPhoto())).toEqual([ru("need-button"), ru("signup-consent")]);
    expect(h.texts(await u.press("su-consent:yes"))).toEqual([ru("signup-ask-name")]);

    expect(h.texts(await u.send("12345"))).toEqual([ru("signup-name-invalid", { max: 64 })]);
    expect(h.texts(await u.send("x".repeat(600)))).toEqual([ru("text-too-long", { max: 500 })]);
    expect(h.texts(await u.sendSticker())).toEqual([ru("need-text"), ru("signup-ask-name")]);
    expect(h.texts(await u.send("Айгерим"))).toEqual([ru("signup-ask-age")]);

    expect(h.texts(await u.send("двадцать"))).toEqual([ru("signup-age-invalid")]);
    expect(h.texts(await u.send("22"))).toEqual([ru("signup-ask-district")]);

    expect(h.texts(await u.send("Медеу"))).toEqual([ru("need-button"), ru("signup-ask-district")]);
    expect(h.texts(await u.press("su-district:medeu"))).toEqual([recorded(ru("signup-ask-district"), ru("district-medeu")), ru("signup-ask-phone")]);

    // Someone else's contact is not accepted; the own contact is.
    const none = { none: ru("button-skip") };
    expect(h.texts(await u.sendContact("+7 701 000 00 00", 999))).toEqual([ru("signup-phone-not-own", none), ru("signup-ask-phone")]);
    expect(h.texts(await u.sendContact("+7 701 123 45 67"))).toEqual([ru("signup-phone-saved"), ru("signup-ask-occupation")]);

    const done = await u.press("su-occupation:neither");
    // The last question stays as a record of the answer, above what comes of it.
    expect(h.texts(done)).toEqual([
      recorded(ru("signup-ask-occupation"), ru("occupation-neither")),
      ru("signup-done", { name: "Айгерим" }),
      ru("menu-title"),
    ]);

    const user = await findUser(h.db, 501);
    expect(user).toMatchObject({
      language: "ru",
      name: "Айгерим",
      age: 22,
      guardian_consent: null,
      district: "medeu",
      phone: "+77011234567",
      occupation: "neither",
      consent_version: expect.any(String),
    });
    expect(user?.registered_at).toBe(h.clock.now().toISOString());
  });

  it("follows a Kazakh Telegram client, and a minor confirms the guardian's agreement", async () => {
    const u = h.user({ id: 502, first_name: "Ерасыл", language_code: "kk" });
    expect(h.texts(await u.send("/start"))).toEqual([kk("signup-choose-language")]);
    await u.press("su-lang:kk");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    // The name Telegram knows is offered as a button.
    expect(u.buttons().map((b) => b.text)).toEqual([kk("button-use-name", { name: "Ерасыл" })]);
    await u.press("su-name:telegram");
    expect(h.texts(await u.send("16"))).toEqual([kk("signup-ask-guardian")]);
    expect(h.texts(await u.send("иә"))).toEqual([kk("need-button"), kk("signup-ask-guardian")]);
    await u.press("su-guardian:yes");
    await u.press("su-district:turksib");
    expect(h.texts(await u.send(kk("button-skip")))).toEqual([kk("signup-phone-skipped"), kk("signup-ask-occupation")]);
    await u.press("su-occupation:skip");

    expect(await findUser(h.db, 502)).toMatchObject({
      language: "kk",
      name: "Ерасыл",
      age: 16,
      guardian_consent: 1,
      phone: null,
      occupation: null,
      district: "turksib",
    });
  });

  it("lets a Russian client switch to Kazakh on the first screen and keeps Kazakh afterwards", async () => {
    const u = h.user({ id: 503, first_name: "Dana", language_code: "en" });
    expect(h.texts(await u.send("/start"))).toEqual([ru("signup-choose-language")]);
    expect(h.texts(await u.press("su-lang:kk"))).toEqual([kk("signup-overview")]);
    expect(h.texts(await u.press("su-start:browse"))).toEqual([kk("menu-title")]);
    expect((await findUser(h.db, 503))?.language).toBe("kk");
    expect((await findUser(h.db, 503))?.registered_at).toBeNull();
    expect(h.texts(await u.send("/help"))[0]).toBe(kk("help-crisis"));
  });

  it("explains kindly and registers nobody outside 14–35 or without a guardian's agreement", async () => {
    for (const [id, age, key] of [
      [511, "13", "signup-too-young"],
      [512, "36", "signup-too-old"],
    ] as const) {
      const u = h.user({ id, first_name: "Test", language_code: "ru" });
      await u.send("/start");
      await u.press("su-lang:ru");
      await u.press("su-start:go");
      await u.press("su-consent:yes");
      await u.send("Тест");
      expect(h.texts(await u.send(age))).toEqual([ru(key), ru("menu-title")]);
      expect((await findUser(h.db, id))?.registered_at).toBeNull();
    }
    const minor = h.user({ id: 513, first_name: "Test", language_code: "ru" });
    await minor.send("/start");
    await minor.press("su-lang:ru");
    await minor.press("su-start:go");
    await minor.press("su-consent:yes");
    await minor.send("Тест");
    await minor.send("15");
    expect(h.texts(await minor.press("su-guardian:no"))).toEqual([
      recorded(ru("signup-ask-guardian"), ru("button-guardian-no")),
      ru("signup-guardian-declined"),
      ru("menu-title"),
    ]);
    expect((await findUser(h.db, 513))?.age).toBeNull();
  });

  it("asks the age again after a typo, and takes a typed Kazakhstan number", async () => {
    const u = h.user({ id: 504, first_name: "Тест", language_code: "kk" });
    await u.send("/start");
    await u.press("su-lang:kk");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    await u.send("Асель");
    // 150 is a slip of the finger, not a reason to turn the person away.
    expect(h.texts(await u.send("150"))).toEqual([kk("signup-age-typo")]);
    expect(h.texts(await u.send("101 жас"))).toEqual([kk("signup-age-typo")]);
    expect(h.texts(await u.send("жиырма"))).toEqual([kk("signup-age-invalid")]);
    expect(h.texts(await u.send("21"))).toEqual([kk("signup-ask-district")]);
    await u.press("su-district:almaly");

    const none = { none: kk("button-skip") };
    // A number that is not a Kazakhstan one, or words around it, is refused plainly.
    expect(h.texts(await u.send("+7 916 123 45 67"))).toEqual([kk("signup-phone-invalid", none)]);
    expect(h.texts(await u.send("менің нөмірім 87011234567"))).toEqual([kk("signup-phone-invalid", none)]);
    expect(h.texts(await u.sendSticker())).toEqual([kk("signup-phone-invalid", none), kk("signup-ask-phone")]);
    const saved = await u.send("8 (701) 123-45-67");
    expect(h.texts(saved)).toEqual([kk("signup-phone-saved"), kk("signup-ask-occupation")]);
    expect(saved.find((c) => c.method === "sendMessage")?.payload.reply_markup).toEqual({ remove_keyboard: true });
    await u.press("su-occupation:study");

    expect(await findUser(h.db, 504)).toMatchObject({ age: 21, phone: "+77011234567", registered_at: expect.any(String) });
  });

  it("declining consent stores nothing personal", async () => {
    const u = h.user({ id: 520, first_name: "Test", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    expect(h.texts(await u.press("su-consent:no"))).toEqual([
      recorded(ru("signup-consent"), ru("button-consent-no")),
      ru("signup-consent-declined"),
      ru("menu-title"),
    ]);
    expect(await findUser(h.db, 520)).toMatchObject({ name: null, consent_at: null, registered_at: null });
  });

  it("/cancel leaves the flow, and a crisis message gets help without counting as an answer", async () => {
    const u = h.user({ id: 530, first_name: "Test", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.press("su-start:go");
    await u.press("su-consent:yes");
    const crisis = h.texts(await u.send("я больше не хочу жить"));
    // Still on the name step, asked again: the crisis message was not taken as a name.
    expect(crisis).toEqual([ru("crisis-detected"), ru("help-crisis"), ru("signup-ask-name")]);
    expect(h.texts(await u.send("Тимур"))).toEqual([ru("signup-ask-age")]);
    expect(h.texts(await u.send("/cancel"))).toEqual([ru("cancelled"), ru("menu-title")]);
    expect(h.texts(await u.send("25"))).toEqual([ru("unknown-message"), ru("menu-title")]);
    expect((await findUser(h.db, 530))?.name).toBeNull();
  });

  it("a button from an abandoned step is answered as stale", async () => {
    const u = h.user({ id: 540, first_name: "Test", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    await u.send("/cancel");
    const batch = await u.press("su-start:go");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("stale-button-alert"));
    expect(h.texts(batch)).toEqual([ru("stale-button"), ru("menu-title")]);
  });
});
