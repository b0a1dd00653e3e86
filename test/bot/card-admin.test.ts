import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPartner, currentCard, linkPartnerAccount } from "../../src/db/cards.js";
import type { Partner } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import { cardNumberOf } from "../../src/domain/card.js";
import { CITY_ADMIN as ADMIN, alerts, createAdminHarness, type AdminHarness } from "../support/admins.js";
import { BOT_INFO, recorded, type ApiCall, type HarnessUser } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { registerUser } from "../support/users.js";

const HOLDER = 501;
const INVITE_RE = new RegExp(`https://t\\.me/${BOT_INFO.username}\\?start=(partner_[A-Za-z0-9_-]+)`);

let h: AdminHarness;
let admin: HarnessUser;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty (UTC+5).
  h = await createAdminHarness();
  await registerUser(h.db, HOLDER, { name: "Айгерім Сейтқали", age: 27 });
  admin = h.admin();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const kk = (key: string, vars?: Record<string, string | number>) => h.i18n.t("kk", key, vars);
/** The audit log as who did what to what, with the state before and after. */
async function audit() {
  return h.db.selectFrom("audit_log").select(["at", "actor_id", "action", "subject", "before", "after"]).orderBy("id").execute();
}

async function partners() {
  return h.db.selectFrom("partners").select(["id", "name", "category", "benefit_kk", "benefit_ru", "active"]).orderBy("id").execute();
}

/** The deep link payload of the partner invite in a batch. */
function invitePayload(batch: ApiCall[]): string {
  const text = h.texts(batch).find((t) => INVITE_RE.test(t));
  if (!text) throw new Error(`no partner link in: ${h.texts(batch).join(" | ")}`);
  return INVITE_RE.exec(text)![1]!;
}

/** The holder's card link, through "My card". */
async function cardLink(): Promise<string> {
  const batch = await h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" }).press("menu:card");
  const photo = batch.find((c) => c.method === "sendPhoto")!;
  return decodeQr(photo.files!.photo!)!.split("start=")[1]!;
}

describe("partners and their invites", () => {
  it("an administrator adds a partner from /invite and gets a link that makes a new account check cards for it", async () => {
    await admin.send("/invite");
    expect(admin.buttons().map((b) => b.text)).toContain(ru("staff-invite-kind-partner"));
    expect(h.texts(await admin.click(ru("staff-invite-kind-partner")))).toEqual([ru("card-admin-partners-none")]);

    await admin.click(ru("card-admin-button-new-partner"));
    expect(h.texts(await admin.send("Б"))).toEqual([ru("card-admin-name-invalid", { max: 64 })]);
    expect(h.texts(await admin.send("  Спорт   <зал> "))).toEqual([ru("card-admin-ask-category")]);
    await admin.click(ru("card-category-sport"));
    expect(h.texts(await admin.send("Абонементке 15%"))).toEqual([ru("card-admin-ask-benefit-ru", { max: 150 })]);
    const created = await admin.click(ru("button-skip"));
    expect(await partners()).toEqual([
      { id: expect.any(Number), name: "Спорт <зал>", category: "sport", benefit_kk: "Абонементке 15%", benefit_ru: null, active: 1 },
    ]);
    const [partner] = await partners();
    const payload = invitePayload(created);
    expect(payload.length).toBeLessThanOrEqual(64);
    const invite = await h.db.selectFrom("staff_invites").selectAll().executeTakeFirstOrThrow();
    expect(payload).toBe(`partner_${invite.token}`);
    expect(invite).toMatchObject({ kind: "partner", partner_id: partner!.id, created_by: ADMIN, used_at: null });
    expect(h.texts(created)).toEqual([
      recorded(ru("card-admin-ask-benefit-ru", { max: 150 }), ru("button-skip")),
      ru("card-admin-partner-added", { name: "Спорт &lt;зал&gt;" }),
      ru("staff-invite-partner-created", {
        name: "Спорт &lt;зал&gt;",
        category: ru("card-category-sport"),
        link: `https://t.me/${BOT_INFO.username}?start=${payload}`,
        until: "5 декабря, суббота, 10:00",
      }),
    ]);

    // The partner and its staff's invite are in the log, the partner as it was added.
    const at = h.clock.now().toISOString();
    expect(await audit()).toEqual([
      {
        at,
        actor_id: ADMIN,
        action: "partner.create",
        subject: `partner:${partner!.id}`,
        before: null,
        after: JSON.stringify({ name: "Спорт <зал>", category: "sport", benefit_kk: "Абонементке 15%", benefit_ru: null, active: 1 }),
      },
      {
        at,
        actor_id: ADMIN,
        action: "invite.create",
        subject: `partner:${partner!.id}`,
        before: null,
        after: JSON.stringify({ role: "partner", expires_at: invite.expires_at }),
      },
    ]);

    // Someone who never used the bot, in a Kazakh client.
    const cashier = h.user({ id: 7400, first_name: "Кассир", language_code: "kk" });
    expect(h.texts(await cashier.send(`/start ${payload}`))).toEqual([kk("card-partner-linked", { partner: "Спорт &lt;зал&gt;" })]);
    expect(await h.db.selectFrom("partner_accounts").select(["telegram_id", "partner_id"]).execute()).toEqual([{ telegram_id: 7400, partner_id: partner!.id }]);
    expect(await findUser(h.db, 7400)).toMatchObject({ language: "kk", registered_at: null });
    // Opened again by the same account: still theirs. By anyone else: used.
    expect(h.texts(await cashier.send(`/start ${payload}`))).toEqual([kk("card-partner-linked-already", { partner: "Спорт &lt;зал&gt;" })]);
    const other = h.user({ id: 7401, first_name: "Другой", language_code: "ru" });
    expect(h.texts(await other.send(`/start ${payload}`))).toEqual([ru("staff-invite-used")]);

    // And the account checks cards.
    const link = await cardLink();
    expect(h.texts(await cashier.send(`/start ${link}`))).toEqual([kk("card-check-valid", { holder: `Айгерім, ${kk("card-age-band", { from: 25, to: 35 })}` })]);
  });

  it("a signed-up young person's account becomes a partner's and keeps its own profile and card", async () => {
    const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    await admin.press(`card-admin:partner:${partner.id}`);
    const payload = invitePayload(await admin.click(ru("card-admin-button-link")));
    const u = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    expect(h.texts(await u.send(`/start ${payload}`))).toEqual([ru("card-partner-linked", { partner: "Театр" })]);
    expect(await findUser(h.db, HOLDER)).toMatchObject({ name: "Айгерім Сейтқали", registered_at: expect.any(String) });
    // Their own card is still theirs, not a check.
    expect(h.texts(await u.send(`/start ${await cardLink()}`))).toEqual([ru("card-check-own")]);
  });

  it("an expired link, or one of a partnership ended since, links nothing", async () => {
    const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    await admin.press(`card-admin:partner:${partner.id}`);
    const expiring = invitePayload(await admin.click(ru("card-admin-button-link")));
    await admin.press(`card-admin:partner:${partner.id}`);
    const spare = invitePayload(await admin.click(ru("card-admin-button-link")));
    const cashier = h.user({ id: 7400, first_name: "Кассир", language_code: "ru" });
    h.clock.advance(72 * 3_600_000);
    expect(h.texts(await cashier.send(`/start ${expiring}`))).toEqual([ru("staff-invite-expired")]);
    h.clock.advance(-3_600_000);
    await h.db.updateTable("partners").set({ active: 0 }).execute();
    expect(h.texts(await cashier.send(`/start ${spare}`))).toEqual([ru("staff-invite-unknown")]);
    expect(await h.db.selectFrom("partner_accounts").selectAll().execute()).toEqual([]);
  });

  it("an administrator ends a partnership after a confirmation: its accounts no longer check, and it leaves the list", async () => {
    const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: "Билетке 20%", benefitRu: null }, h.clock.now());
    await linkPartnerAccount(h.db, partner.id, 7400, h.clock.now());
    await admin.press("card-admin:partners:0");
    expect(admin.buttons().map((b) => b.text)).toEqual([`Театр · ${ru("card-category-culture")}`, ru("card-admin-button-new-partner"), ru("button-back")]);
    expect(h.texts(await admin.click(`Театр · ${ru("card-category-culture")}`))).toEqual([
      ru("card-admin-partner", {
        name: "Театр",
        category: ru("card-category-culture"),
        benefitKk: "Билетке 20%",
        benefitRu: ru("card-admin-benefit-none"),
        accounts: 1,
      }),
    ]);
    expect(h.texts(await admin.click(ru("card-admin-button-remove")))).toEqual([ru("card-admin-remove-confirm", { name: "Театр" })]);
    // Back keeps it.
    await admin.click(ru("button-back"));
    expect((await partners())[0]).toMatchObject({ active: 1 });
    await admin.click(ru("card-admin-button-remove"));
    expect(h.texts(await admin.click(ru("card-admin-button-remove-yes")))).toEqual([
      `${ru("card-admin-partner-removed", { name: "Театр" })}\n\n${ru("card-admin-partners-none")}`,
    ]);
    expect((await partners())[0]).toMatchObject({ active: 0 });
    expect(await audit()).toEqual([
      {
        at: h.clock.now().toISOString(),
        actor_id: ADMIN,
        action: "partner.deactivate",
        subject: `partner:${partner.id}`,
        before: JSON.stringify({ active: 1 }),
        after: JSON.stringify({ active: 0 }),
      },
    ]);
    // A stale button of the ended partner says so instead of acting.
    expect(h.texts(await admin.press(`card-admin:link:${partner.id}`))[0]).toContain(ru("card-admin-partner-gone"));
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);

    const cashier = h.user({ id: 7400, first_name: "Кассир", language_code: "ru" });
    expect(h.texts(await cashier.send(`/start ${await cardLink()}`))).toEqual([ru("card-partner-removed", { partner: "Театр" })]);
    const holder = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    expect(h.texts(await holder.press("card:category:culture:0"))[0]).toContain(ru("card-partners-none"));
  });
});

describe("an administrator's /card", () => {
  it("finds a card by its number, and revokes it after a confirmation: its code is invalid, and its holder is told", async () => {
    const link = await cardLink();
    const card = await currentCard(h.db, HOLDER, h.clock.now());
    const number = cardNumberOf(card.id);
    const shown = ru("card-admin-card", {
      number,
      holder: `Айгерім, ${ru("card-age-band", { from: 25, to: 35 })}`,
      issue: 1,
      issued: "02.12.2026",
      until: "02.12.2027",
      checks: 0,
      status: ru("card-admin-status-active"),
    });
    expect(h.texts(await admin.send(`/card ${number}`))).toEqual([shown]);
    expect(admin.buttons().map((b) => b.text)).toEqual([ru("card-admin-button-revoke"), ru("button-menu")]);
    expect(h.texts(await admin.click(ru("card-admin-button-revoke")))).toEqual([ru("card-admin-revoke-confirm", { number })]);
    expect(h.texts(await admin.click(ru("button-back")))).toEqual([shown]);

    h.clock.advance(3_600_000);
    await admin.click(ru("card-admin-button-revoke"));
    const revoked = await admin.click(ru("card-admin-button-revoke-yes"));
    expect(h.texts(revoked)[0]).toBe(
      `${ru("card-admin-revoked", { number })}\n\n${ru("card-admin-card", {
        number,
        holder: `Айгерім, ${ru("card-age-band", { from: 25, to: 35 })}`,
        issue: 1,
        issued: "02.12.2026",
        until: "02.12.2027",
        checks: 0,
        status: ru("card-admin-status-revoked", { date: "02.12.2026" }),
      })}`,
    );
    expect(admin.buttons().map((b) => b.text)).toEqual([ru("card-admin-button-restore"), ru("button-menu")]);
    expect(await h.db.selectFrom("cards").select(["revoked_at", "revoked_by"]).executeTakeFirstOrThrow()).toEqual({
      revoked_at: "2026-12-02T06:00:00.000Z",
      revoked_by: ADMIN,
    });
    expect(await audit()).toEqual([
      {
        at: "2026-12-02T06:00:00.000Z",
        actor_id: ADMIN,
        action: "card.revoke",
        subject: `card:${card.id}`,
        before: JSON.stringify({ revoked_at: null }),
        after: JSON.stringify({ revoked_at: "2026-12-02T06:00:00.000Z" }),
      },
    ]);

    const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    await linkPartnerAccount(h.db, partner.id, 7400, h.clock.now());
    expect(h.texts(await h.user({ id: 7400, first_name: "Кассир", language_code: "ru" }).send(`/start ${link}`))).toEqual([ru("card-check-invalid")]);

    // The holder sees that it was revoked, with no code, and cannot reissue it.
    const holder = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    const mine = await holder.press("menu:card");
    expect(mine.map((c) => c.method)).not.toContain("sendPhoto");
    expect(h.texts(mine)).toEqual([ru("card-revoked", { number, date: "02.12.2026" })]);
    const reissue = await holder.press("card:reissue-yes");
    expect(reissue.map((c) => c.method)).not.toContain("sendPhoto");
    expect(await h.db.selectFrom("cards").select("issue").executeTakeFirstOrThrow()).toEqual({ issue: 1 });
  });

  it("issues a revoked card anew: it works again under a new code, and the revoked code stays invalid", async () => {
    const link = await cardLink();
    const card = await currentCard(h.db, HOLDER, h.clock.now());
    const number = cardNumberOf(card.id);
    await admin.send(`/card ${number}`);
    await admin.click(ru("card-admin-button-revoke"));
    await admin.click(ru("card-admin-button-revoke-yes"));
    h.clock.advance(86_400_000);
    const restored = await admin.click(ru("card-admin-button-restore"));
    expect(h.texts(restored)[0]).toBe(
      `${ru("card-admin-restored", { number })}\n\n${ru("card-admin-card", {
        number,
        holder: `Айгерім, ${ru("card-age-band", { from: 25, to: 35 })}`,
        issue: 2,
        issued: "03.12.2026",
        until: "03.12.2027",
        checks: 0,
        status: ru("card-admin-status-active"),
      })}`,
    );
    expect(await h.db.selectFrom("cards").select(["issue", "revoked_at", "revoked_by"]).executeTakeFirstOrThrow()).toEqual({
      issue: 2,
      revoked_at: null,
      revoked_by: null,
    });
    expect((await audit()).at(-1)).toEqual({
      at: "2026-12-03T05:00:00.000Z",
      actor_id: ADMIN,
      action: "card.restore",
      subject: `card:${card.id}`,
      before: JSON.stringify({ issue: 1, revoked_at: "2026-12-02T05:00:00.000Z" }),
      after: JSON.stringify({ issue: 2, revoked_at: null }),
    });
    const partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    await linkPartnerAccount(h.db, partner.id, 7400, h.clock.now());
    const cashier = h.user({ id: 7400, first_name: "Кассир", language_code: "ru" });
    expect(h.texts(await cashier.send(`/start ${link}`))).toEqual([ru("card-check-invalid")]);
    const fresh = await cardLink();
    expect(fresh).not.toBe(link);
    expect(h.texts(await cashier.send(`/start ${fresh}`))).toEqual([ru("card-check-valid", { holder: `Айгерім, ${ru("card-age-band", { from: 25, to: 35 })}` })]);
  });

  it("tells a mistyped number, a malformed one and an unknown one apart", async () => {
    const card = await currentCard(h.db, HOLDER, h.clock.now());
    const digits = cardNumberOf(card.id).replace(" ", "");
    const mistyped = digits.slice(0, -1) + String((Number(digits.at(-1)) + 1) % 10);
    expect(h.texts(await admin.send(`/card ${mistyped}`))).toEqual([ru("card-admin-mistyped")]);
    expect(h.texts(await admin.send("/card 12"))).toEqual([ru("card-admin-usage")]);
    expect(h.texts(await admin.send(`/card ${cardNumberOf(4242)}`))).toEqual([ru("card-admin-unknown", { number: cardNumberOf(4242) })]);
  });
});

describe("forged administrator buttons and commands from anyone else", () => {
  let partner: Partner;
  let cardId: number;

  beforeEach(async () => {
    partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, h.clock.now());
    cardId = (await currentCard(h.db, HOLDER, h.clock.now())).id;
  });

  it("change nothing and are answered as not allowed", async () => {
    const holder = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    const forged = [
      `card-admin:revoke-yes:${cardId}`,
      `card-admin:revoke:${cardId}`,
      `card-admin:restore:${cardId}`,
      `card-admin:card:${cardId}`,
      `card-admin:remove-yes:${partner.id}`,
      `card-admin:link:${partner.id}`,
      `card-admin:partner:${partner.id}`,
      "card-admin:partners:0",
      "card-admin:new",
    ];
    for (const data of forged) {
      const batch = await holder.press(data);
      expect(alerts(batch)).toEqual([ru("staff-not-allowed")]);
      expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
    }
    expect(h.texts(await holder.send(`/card ${cardNumberOf(cardId)}`))).toEqual([ru("staff-not-allowed")]);
    expect(await h.db.selectFrom("cards").select(["revoked_at", "revoked_by"]).executeTakeFirstOrThrow()).toEqual({ revoked_at: null, revoked_by: null });
    expect((await partners())[0]).toMatchObject({ active: 1 });
    expect(await h.db.selectFrom("staff_invites").selectAll().execute()).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it("cannot give a revoked card back", async () => {
    await h.db.updateTable("cards").set({ revoked_at: "2026-12-01T00:00:00.000Z", revoked_by: ADMIN }).execute();
    const holder = h.user({ id: HOLDER, first_name: "Айгерім", language_code: "ru" });
    expect(alerts(await holder.press(`card-admin:restore:${cardId}`))).toEqual([ru("staff-not-allowed")]);
    expect(await h.db.selectFrom("cards").select(["issue", "revoked_by"]).executeTakeFirstOrThrow()).toEqual({ issue: 1, revoked_by: ADMIN });
  });
});
