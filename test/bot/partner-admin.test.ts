import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPartner } from "../../src/db/cards.js";
import type { Partner } from "../../src/db/schema.js";
import { insertCenter, insertCenterAdmin } from "../support/fixtures.js";
import { CENTER_ADMIN, CITY_ADMIN as ADMIN, NOBODY, alerts, createAdminHarness, type AdminHarness } from "../support/admins.js";
import type { HarnessUser } from "../support/harness.js";

let h: AdminHarness;
let admin: HarnessUser;
let partner: Partner;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty (UTC+5).
  h = await createAdminHarness();
  admin = h.admin();
  partner = await createPartner(h.db, { name: "Театр", category: "culture", benefitKk: "Билетке 20%", benefitRu: "20% на билеты" }, h.clock.now());
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

async function partnerRow() {
  return h.db.selectFrom("partners").select(["category", "benefit_kk", "benefit_ru", "active"]).where("id", "=", partner.id).executeTakeFirstOrThrow();
}

async function audit() {
  return (await h.db.selectFrom("audit_log").selectAll().orderBy("id").execute()).map((r) => ({
    actor: r.actor_id,
    action: r.action,
    subject: r.subject,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

describe("card partners from /admin", () => {
  it("a city administrator changes a partner's category and benefits, each change in the audit log", async () => {
    await admin.send("/admin");
    await admin.click(ru("admin-button-partners"));
    await admin.click(`Театр · ${ru("card-category-culture")}`);
    await admin.click(ru("card-admin-button-category"));
    expect(h.texts(await admin.click(ru("card-category-sport")))[0]).toContain(ru("admin-saved"));
    expect(await partnerRow()).toMatchObject({ category: "sport" });

    await admin.click(ru("card-admin-button-benefits"));
    // A sticker is no benefit; the question stays.
    expect(h.texts(await admin.sendSticker())).toContain(ru("need-text"));
    await admin.send("Абонементке 30%");
    // Skipping the Russian text leaves it as it was.
    expect(h.texts(await admin.click(ru("button-skip")))).toContain(ru("admin-saved"));
    expect(await partnerRow()).toEqual({ category: "sport", benefit_kk: "Абонементке 30%", benefit_ru: "20% на билеты", active: 1 });

    expect(await audit()).toEqual([
      {
        actor: ADMIN,
        action: "partner.edit",
        subject: `partner:${partner.id}`,
        before: expect.objectContaining({ category: "culture" }),
        after: expect.objectContaining({ category: "sport" }),
      },
      {
        actor: ADMIN,
        action: "partner.edit",
        subject: `partner:${partner.id}`,
        before: expect.objectContaining({ benefit_kk: "Билетке 20%", benefit_ru: "20% на билеты" }),
        after: expect.objectContaining({ benefit_kk: "Абонементке 30%", benefit_ru: "20% на билеты" }),
      },
    ]);
  });

  it("ends a partnership and takes it up again: back in the holders' list, both in the audit log", async () => {
    await admin.press(`card-admin:partner:${partner.id}`);
    await admin.click(ru("card-admin-button-remove"));
    await admin.click(ru("card-admin-button-remove-yes"));
    expect(await partnerRow()).toMatchObject({ active: 0 });

    await admin.click(ru("card-admin-button-ended", { count: 1 }));
    const screen = h.texts(await admin.click(`Театр · ${ru("card-category-culture")}`));
    expect(screen[0]).toContain(ru("card-admin-partner-ended"));
    expect(admin.buttons().map((b) => b.text)).toEqual([ru("card-admin-button-reactivate"), ru("button-back")]);
    expect(h.texts(await admin.click(ru("card-admin-button-reactivate")))[0]).toContain(ru("card-admin-partner-reactivated", { name: "Театр" }));
    expect(await partnerRow()).toMatchObject({ active: 1 });
    // A second press of the kept button records nothing more.
    await admin.press(`card-admin:reactivate:${partner.id}`);

    expect((await audit()).map((a) => [a.action, a.before, a.after])).toEqual([
      ["partner.deactivate", { active: 1 }, { active: 0 }],
      ["partner.reactivate", { active: 0 }, { active: 1 }],
    ]);
    const holder = h.user({ id: 501, first_name: "Айгерім", language_code: "ru" });
    expect(h.texts(await holder.press("card:category:culture:0"))[0]).toContain("Театр");
  });

  it("ends the list with the way back to /admin, as every administrative list does", async () => {
    await admin.send("/admin");
    await admin.click(ru("admin-button-partners"));
    expect(admin.buttons().at(-1)).toEqual({ text: ru("button-back"), callback_data: "adm:home" });
    expect(h.texts(await admin.click(ru("button-back")))).toEqual([ru("admin-home-city")]);
  });

  it("lists the partners eight to a page, with arrows to the pages before and after", async () => {
    // Театр and nine more, listed by name.
    for (let i = 1; i <= 9; i++) await createPartner(h.db, { name: `Спортзал ${i}`, category: "sport", benefitKk: null, benefitRu: null }, h.clock.now());
    const listed = (buttons: { callback_data?: string }[]) => buttons.filter((b) => b.callback_data?.startsWith("card-admin:partner:")).length;
    await admin.send("/admin");
    await admin.click(ru("admin-button-partners"));
    expect(listed(admin.buttons())).toBe(8);
    expect(admin.buttons().map((b) => b.text)).toContain(ru("staff-page-next"));
    expect(admin.buttons().map((b) => b.text)).not.toContain(ru("staff-page-prev"));
    const next = await admin.click(ru("staff-page-next"));
    expect(next.map((c) => c.method)).toContain("editMessageText");
    expect(listed(admin.buttons())).toBe(2);
    expect(admin.buttons().map((b) => b.text)).toContain(ru("staff-page-prev"));
    expect(admin.buttons().map((b) => b.text)).not.toContain(ru("staff-page-next"));
    // A page gone since (partnerships ended) shows the last one there is.
    await h.db.updateTable("partners").set({ active: 0 }).where("name", "like", "Спортзал%").execute();
    await admin.click(ru("staff-page-prev"));
    await admin.press("card-admin:partners:1");
    expect(listed(admin.buttons())).toBe(1);
    expect(admin.buttons().map((b) => b.text)).not.toContain(ru("staff-page-prev"));
  });

  it("records a new partner's creation, and the invite for its staff", async () => {
    await admin.press("card-admin:new");
    await admin.send("Бассейн");
    await admin.click(ru("card-category-sport"));
    await admin.click(ru("button-skip"));
    await admin.click(ru("button-skip"));
    const created = await h.db.selectFrom("partners").select("id").where("name", "=", "Бассейн").executeTakeFirstOrThrow();
    expect(await audit()).toEqual([
      { actor: ADMIN, action: "partner.create", subject: `partner:${created.id}`, before: null, after: expect.objectContaining({ name: "Бассейн", category: "sport" }) },
      { actor: ADMIN, action: "invite.create", subject: `partner:${created.id}`, before: null, after: expect.objectContaining({ role: "partner" }) },
    ]);
  });

  it("refuses a center administrator and anyone else, whatever button they forge", async () => {
    await insertCenter(h.db, { id: "almaly-1" });
    await insertCenterAdmin(h.db, { telegramId: CENTER_ADMIN, centerId: "almaly-1", grantedBy: ADMIN });
    await h.db.updateTable("partners").set({ active: 0 }).execute();
    for (const id of [CENTER_ADMIN, NOBODY]) {
      const someone = h.user({ id, first_name: "X", language_code: "ru" });
      expect((await someone.send("/admin")).length).toBeGreaterThan(0);
      expect(someone.buttons().map((b) => b.text)).not.toContain(ru("admin-button-partners"));
      for (const data of [
        `card-admin:set-category:${partner.id}:sport`,
        `card-admin:category:${partner.id}`,
        `card-admin:benefits:${partner.id}`,
        `card-admin:reactivate:${partner.id}`,
        "card-admin:ended",
      ]) {
        const batch = await someone.press(data);
        expect(alerts(batch)).toEqual([ru("staff-not-allowed")]);
        expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
      }
    }
    expect(await partnerRow()).toMatchObject({ category: "culture", active: 0 });
    expect(await audit()).toEqual([]);
  });
});
