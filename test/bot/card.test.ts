import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cardSecret, createPartner, linkPartnerAccount } from "../../src/db/cards.js";
import type { Partner } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import { cardNumberOf, verifyCardToken } from "../../src/domain/card.js";
import { createLogger } from "../../src/logger.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { BOT_INFO, createHarness, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { registerUser } from "../support/users.js";

const ADMIN = 900;
const HOLDER = 501;
const PARTNER_ACCOUNT = 7400;
const LINK_RE = new RegExp(`^https://t\\.me/${BOT_INFO.username}\\?start=(card_[A-Za-z0-9_-]+)$`);

let h: Harness;
let sport: Partner;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty (UTC+5).
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN) }, now: "2026-12-02T05:00:00Z" });
  await registerUser(h.db, HOLDER, { name: "Айгерім Сейтқали", age: 19, phone: "+77010000001" });
  sport = await createPartner(h.db, { name: "Спорт <зал>", category: "sport", benefitKk: "Абонементке 15%", benefitRu: "15% на абонемент" }, h.clock.now());
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);
const alerts = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
const methods = (batch: ApiCall[]) => batch.filter((c) => c.method !== "answerCallbackQuery").map((c) => c.method);

function holder(language = "ru"): HarnessUser {
  return h.user({ id: HOLDER, first_name: "Айгерім", language_code: language });
}

/** A partner's account, linked to `partner` without going through an invite. */
async function partnerAccount(partner: Partner = sport, id = PARTNER_ACCOUNT): Promise<HarnessUser> {
  await linkPartnerAccount(h.db, partner.id, id, h.clock.now());
  return h.user({ id, first_name: "Кассир", language_code: "ru" });
}

/** The card photo in a batch, with the deep link its QR code holds, read back from the PNG. */
function cardPhoto(batch: ApiCall[]): { caption: string; link: string; payload: string } {
  const call = batch.find((c) => c.method === "sendPhoto");
  if (!call?.files?.photo) throw new Error(`no card photo among: ${methods(batch).join(", ")}`);
  const link = decodeQr(call.files.photo);
  const payload = LINK_RE.exec(link ?? "")?.[1];
  if (!payload) throw new Error(`the QR code holds no card link: ${link}`);
  return { caption: String(call.payload.caption), link: link!, payload };
}

async function cardRow() {
  return h.db.selectFrom("cards").selectAll().where("user_id", "=", HOLDER).executeTakeFirstOrThrow();
}

async function checks() {
  return h.db.selectFrom("card_checks").select(["card_id", "partner_id", "checked_by", "checked_at", "result"]).orderBy("id").execute();
}

/** The holder's card link, as "My card" shows it. */
async function myCardLink(u = holder()): Promise<string> {
  return cardPhoto(await u.press("menu:card")).payload;
}

describe("My card", () => {
  it("shows the card as a QR photo whose code holds the signed deep link, with the number, first name and age band", async () => {
    const u = holder();
    const batch = await u.press("menu:card");
    expect(alerts(batch)).toEqual([undefined]);
    const { caption, payload } = cardPhoto(batch);
    const card = await cardRow();
    expect(card).toMatchObject({ issue: 1, issued_at: "2026-12-02T05:00:00.000Z", expires_at: "2027-12-02T05:00:00.000Z", revoked_at: null });
    expect(caption).toBe(
      ru("card-caption", { number: cardNumberOf(card.id), holder: `Айгерім, ${ru("card-age-band", { from: 18, to: 24 })}`, until: "02.12.2027" }),
    );
    // Neither the surname nor the phone goes on the card.
    expect(caption).not.toContain("Сейтқали");
    expect(caption).not.toContain("7010000001");
    // Signed with the key generated for this install and kept in the database.
    const secret = await cardSecret(h.db, undefined, h.clock.now());
    expect(verifyCardToken(secret, payload.slice("card_".length), h.clock.now())).toMatchObject({ kind: "valid", cardId: card.id, issue: 1 });
    expect(u.buttons()).toEqual([
      { text: ru("card-button-partners"), callback_data: "card:partners" },
      { text: ru("card-button-reissue"), callback_data: "card:reissue" },
      { text: ru("button-menu"), callback_data: "menu:open" },
    ]);
    // Opened again, the same card and the same code.
    expect(cardPhoto(await u.send("/card")).payload).toBe(payload);
    expect(await h.db.selectFrom("cards").select("id").execute()).toHaveLength(1);
  });

  it("is signed with CARD_SECRET when it is configured", async () => {
    const secret = "an-operator-chosen-key-of-enough-length";
    const configured = await createHarness({ env: { CARD_SECRET: secret }, now: "2026-12-02T05:00:00Z", store: h.store });
    const { payload } = cardPhoto(await configured.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" }).press("menu:card"));
    expect(verifyCardToken(secret, payload.slice("card_".length), h.clock.now()).kind).toBe("valid");
    expect(await h.db.selectFrom("settings").selectAll().execute()).toEqual([]);
  });

  it("is in Kazakh for a Kazakh speaker", async () => {
    await registerUser(h.db, 502, { name: "Данияр", age: 16, guardianConsent: true, language: "kk" });
    const u = h.user({ id: 502, first_name: "Данияр", language_code: "kk" });
    const { caption } = cardPhoto(await u.press("menu:card"));
    expect(caption).toContain(`Данияр, ${kk("card-age-band", { from: 14, to: 17 })}`);
    expect(u.buttons().map((b) => b.text)).toEqual([kk("card-button-partners"), kk("card-button-reissue"), kk("button-menu")]);
  });

  it("asks someone not signed up to sign up first, and brings them back to the card", async () => {
    const u = h.user({ id: 600, first_name: "Жаңа", language_code: "ru" });
    const batch = await u.press("menu:card");
    expect(methods(batch)).not.toContain("sendPhoto");
    expect(h.texts(batch)).toEqual([ru("need-signup")]);
    expect(u.buttons()).toEqual([{ text: ru("button-signup"), callback_data: "signup:card" }]);
    expect(await h.db.selectFrom("cards").selectAll().execute()).toEqual([]);
  });

  it("lists the partners by category, below the card photo, in the reader's language", async () => {
    await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    await createPartner(h.db, { name: "Ушедший", category: "sport", benefitKk: null, benefitRu: "—" }, h.clock.now()).then((p) =>
      h.db.updateTable("partners").set({ active: 0 }).where("id", "=", p.id).execute(),
    );
    const u = holder();
    await u.press("menu:card");
    const categories = await u.click(ru("card-button-partners"));
    // The photo stays in the chat to be shown at the venue: the list comes as a message of its own.
    expect(methods(categories)).toEqual(["sendMessage"]);
    expect(h.texts(categories)).toEqual([ru("card-partners-title")]);
    expect(u.buttons().map((b) => b.text)).toEqual([
      `${ru("card-category-transport")} (0)`,
      `${ru("card-category-sport")} (1)`,
      `${ru("card-category-culture")} (1)`,
      ru("button-menu"),
    ]);
    const sportList = await u.click(`${ru("card-category-sport")} (1)`);
    expect(methods(sportList)).toEqual(["editMessageText"]);
    expect(h.texts(sportList)).toEqual([
      [ru("card-partners-in-category", { category: ru("card-category-sport") }), ru("card-partner-line", { name: "Спорт &lt;зал&gt;", benefit: "15% на абонемент" })].join("\n"),
    ]);
    await u.click(ru("button-back"));
    expect(h.texts(await u.click(`${ru("card-category-transport")} (0)`))).toEqual([
      [ru("card-partners-in-category", { category: ru("card-category-transport") }), ru("card-partners-none")].join("\n"),
    ]);

    const k = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "kk" });
    await h.db.updateTable("users").set({ language: "kk" }).where("id", "=", HOLDER).execute();
    expect(h.texts(await k.press("card:category:sport:0"))[0]).toContain(kk("card-partner-line", { name: "Спорт &lt;зал&gt;", benefit: "Абонементке 15%" }));
  });

  it("reissues after a confirmation: the old code stops working, the new photo's code works", async () => {
    const u = holder();
    const old = await myCardLink(u);
    const ask = await u.click(ru("card-button-reissue"));
    expect(methods(ask)).toEqual(["sendMessage"]);
    expect(h.texts(ask)).toEqual([ru("card-reissue-confirm")]);

    expect(h.texts(await u.click(ru("card-button-reissue-no")))).toEqual([ru("card-reissue-kept")]);
    expect(await cardRow()).toMatchObject({ issue: 1 });

    await u.press("card:reissue");
    const done = await u.click(ru("card-button-reissue-yes"));
    expect(h.texts(done)[0]).toBe(ru("card-reissued"));
    const fresh = cardPhoto(done).payload;
    expect(fresh).not.toBe(old);
    expect(await cardRow()).toMatchObject({ issue: 2 });

    const partner = await partnerAccount();
    expect(h.texts(await partner.send(`/start ${old}`))).toEqual([ru("card-check-invalid")]);
    expect(h.texts(await partner.send(`/start ${fresh}`))).toEqual([ru("card-check-valid", { holder: `Айгерім, ${ru("card-age-band", { from: 18, to: 24 })}` })]);
    expect((await checks()).map((c) => c.result)).toEqual(["reissued", "valid"]);
  });
});

describe("a card's link opened", () => {
  it("by a partner: valid, with only the first name and age band, and the check is recorded", async () => {
    const link = await myCardLink();
    const partner = await partnerAccount();
    const card = await cardRow();
    h.clock.advance(3_600_000);
    const batch = await partner.send(`/start ${link}`);
    expect(h.texts(batch)).toEqual([ru("card-check-valid", { holder: `Айгерім, ${ru("card-age-band", { from: 18, to: 24 })}` })]);
    expect(h.texts(batch)[0]).not.toMatch(/Сейтқали|7010000001|501|\d{4} \d{4}/);
    expect(await checks()).toEqual([{ card_id: card.id, partner_id: sport.id, checked_by: PARTNER_ACCOUNT, checked_at: "2026-12-02T06:00:00.000Z", result: "valid" }]);
  });

  it("by a partner: invalid, with no reason, when it is altered, forged, expired or revoked; each reason is recorded", async () => {
    const link = await myCardLink();
    const card = await cardRow();
    const partner = await partnerAccount();
    const last = link.at(-1) === "A" ? "B" : "A";
    const invalid = [ru("card-check-invalid")];
    expect(h.texts(await partner.send(`/start ${link.slice(0, -1)}${last}`))).toEqual(invalid);
    expect(h.texts(await partner.send("/start card_made-up"))).toEqual(invalid);
    expect(h.texts(await partner.send("/start card_"))).toEqual(invalid);
    h.clock.set(card.expires_at);
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual(invalid);
    h.clock.set("2026-12-03T05:00:00Z");
    await h.db.updateTable("cards").set({ revoked_at: "2026-12-03T00:00:00.000Z", revoked_by: ADMIN }).execute();
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual(invalid);
    expect((await checks()).map((c) => [c.card_id, c.result])).toEqual([
      [null, "forged"],
      [null, "forged"],
      [null, "forged"],
      [card.id, "expired"],
      [card.id, "revoked"],
    ]);
  });

  it("by someone who is not a partner: only what the card is and how to get one; nothing is recorded", async () => {
    const link = await myCardLink();
    const stranger = h.user({ id: 650, first_name: "Кто-то", language_code: "ru" });
    const batch = await stranger.send(`/start ${link}`);
    expect(h.texts(batch)).toEqual([ru("card-foreign")]);
    expect(stranger.buttons()).toEqual([{ text: ru("card-button-get"), callback_data: "menu:card" }]);
    // A forged link reads the same: nothing tells a valid code from another.
    expect(h.texts(await stranger.send("/start card_made-up"))).toEqual([ru("card-foreign")]);
    expect(await checks()).toEqual([]);
    // "Get your own card" leads to sign-up, which comes back to the card.
    expect(h.texts(await stranger.click(ru("card-button-get")))).toEqual([ru("need-signup")]);
  });

  it("by the holder: their own card, not a check", async () => {
    const link = await myCardLink();
    const u = holder();
    expect(h.texts(await u.send(`/start ${link}`))).toEqual([ru("card-check-own")]);
    expect(u.buttons()).toEqual([{ text: ru("menu-card"), callback_data: "menu:card" }]);
    // Also when the holder checks cards for a partner.
    await linkPartnerAccount(h.db, sport.id, HOLDER, h.clock.now());
    expect(h.texts(await u.send(`/start ${link}`))).toEqual([ru("card-check-own")]);
    expect(await checks()).toEqual([]);
  });

  it("by a removed partner's account: told the partnership ended; nothing is recorded", async () => {
    const link = await myCardLink();
    const partner = await partnerAccount();
    await h.db.updateTable("partners").set({ active: 0 }).where("id", "=", sport.id).execute();
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual([ru("card-partner-removed", { partner: "Спорт &lt;зал&gt;" })]);
    expect(await checks()).toEqual([]);
  });

  it("by a specialist who checks cards too: the check, not the staff menu", async () => {
    await insertCenter(h.db, { id: "almaly-1" });
    await insertSpecialist(h.db, { centerId: "almaly-1", service: "career", telegramId: PARTNER_ACCOUNT });
    const link = await myCardLink();
    const partner = await partnerAccount();
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual([ru("card-check-valid", { holder: `Айгерім, ${ru("card-age-band", { from: 18, to: 24 })}` })]);
  });

  it("in the middle of a flow: the flow is left and the check is made", async () => {
    const link = await myCardLink();
    const partner = await partnerAccount();
    await partner.send("/start");
    // A partner who is not signed up is in the sign-up flow now.
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual([ru("flow-left"), ru("card-check-valid", { holder: `Айгерім, ${ru("card-age-band", { from: 18, to: 24 })}` })]);
  });
});

describe("the card and the person's data", () => {
  it("/mydata lists the card's number and every check of it", async () => {
    const link = await myCardLink();
    const card = await cardRow();
    const partner = await partnerAccount();
    h.clock.advance(3_600_000);
    await partner.send(`/start ${link}`);
    const batch = await holder().send("/mydata");
    const [readable, json] = batch.filter((c) => c.method === "sendDocument").map((c) => String(c.payload.document));
    expect(readable).toContain(
      [
        ru("mydata-card-title"),
        ru("mydata-card", { number: cardNumberOf(card.id), issue: 1, issued: "02.12.2026", until: "02.12.2027" }),
        ru("mydata-card-check", { when: "02.12.2026, 11:00", partner: "Спорт <зал>", result: ru("mydata-card-check-valid") }),
      ].join("\n"),
    );
    expect(JSON.parse(json!).card).toEqual({
      card: { ...card, number: cardNumberOf(card.id) },
      checks: [{ partner: "Спорт <зал>", checked_at: "2026-12-02T06:00:00.000Z", result: "valid" }],
    });
  });

  it("/deleteme erases the card: its code names no card any more, and its checks stay without it", async () => {
    const link = await myCardLink();
    const partner = await partnerAccount();
    await partner.send(`/start ${link}`);
    const u = holder();
    await u.send("/deleteme");
    await u.press("privacy:erase:yes");
    expect(await findUser(h.db, HOLDER)).toBeUndefined();
    expect(await h.db.selectFrom("cards").selectAll().execute()).toEqual([]);
    expect(h.texts(await partner.send(`/start ${link}`))).toEqual([ru("card-check-invalid")]);
    expect((await checks()).map((c) => [c.card_id, c.result])).toEqual([
      [null, "valid"],
      [null, "unknown"],
    ]);
  });
});

describe("the log", () => {
  it("holds no card's code, number or holder's name, whatever happens to the card", async () => {
    const lines: string[] = [];
    const logged = await createHarness({
      env: { ADMIN_IDS: String(ADMIN) },
      now: "2026-12-02T05:00:00Z",
      store: h.store,
      logger: createLogger("trace", [], { write: (line: string) => void lines.push(line) }),
    });
    const u = logged.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    const first = cardPhoto(await u.press("menu:card")).payload;
    await u.press("card:reissue-yes");
    const second = cardPhoto(await u.press("menu:card")).payload;
    await linkPartnerAccount(h.db, sport.id, PARTNER_ACCOUNT, h.clock.now());
    const partner = logged.user({ id: PARTNER_ACCOUNT, first_name: "Кассир", language_code: "ru" });
    await partner.send(`/start ${first}`);
    await partner.send(`/start ${second}`);
    const card = await cardRow();
    const number = cardNumberOf(card.id);
    const admin = logged.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    await admin.send(`/card ${number}`);
    await admin.press(`card-admin:revoke-yes:${card.id}`);
    expect(await cardRow()).toMatchObject({ revoked_by: ADMIN });

    const log = lines.join("\n");
    // The log did record what happened.
    expect(log).toContain("card checked");
    expect(log).toContain("card revoked");
    for (const secret of [first.slice("card_".length), second.slice("card_".length), number, number.replace(" ", ""), "Айгерім", "Сейтқали"]) {
      expect(log).not.toContain(secret);
    }
  });
});
