import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCenter } from "../../src/db/catalog.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import type { Language } from "../../src/domain/language.js";
import { insertSpecialist } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { insertTeam } from "../support/teams.js";
import { signedUpUser } from "../support/users.js";

const ADMIN = 9001;

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN) } });
  await seedCatalog(h.db);
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

const photos = (batch: ApiCall[]) => batch.filter((c) => c.method === "sendPhoto");

describe("link and QR for a card", () => {
  it("gives an administrator a center's link and a QR image that reads back as it", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    const center = (await findCenter(h.db, "almaly-1"))!;
    await admin.press("centers:center:almaly-1");
    expect(admin.buttons().map((b) => b.text)).toContain(ru("link-button-share"));
    const batch = await admin.click(ru("link-button-share"));
    const [photo] = photos(batch);
    const link = "https://t.me/jastar_test_bot?start=center_almaly-1";
    expect(photo!.payload.caption).toBe(ru("link-qr-caption-center", { name: center.name_ru, link }));
    expect(decodeQr(photo!.files!.photo!)).toBe(link);
  });

  it("gives a team's coordinator and a specialist the team's link, in their language", async () => {
    const team = await insertTeam(h.db, { name_kk: "Жасыл қала", coordinator_id: 9100 });
    await insertSpecialist(h.db, { centerId: "almaly-1", service: "career", telegramId: 9200 });
    for (const [id, lang] of [[9100, "kk"], [9200, "ru"]] as const) {
      const u = h.user({ id, first_name: "Staff", language_code: lang });
      await u.press(`teams:team:${team.id}`);
      const [photo] = photos(await u.click(t(lang)("link-button-share")));
      const link = `https://t.me/jastar_test_bot?start=team_${team.id}`;
      expect(decodeQr(photo!.files!.photo!)).toBe(link);
      if (lang === "kk") expect(photo!.payload.caption).toBe(kk("link-qr-caption-team", { name: "Жасыл қала", link }));
    }
  });

  it("is not offered to a young person, and a forged press sends nothing", async () => {
    const u = await signedUpUser(h, 902, "ru");
    await u.press("centers:center:almaly-1");
    expect(u.buttons().map((b) => b.text)).not.toContain(ru("link-button-share"));
    const batch = await u.press("share:center_almaly-1");
    expect(photos(batch)).toEqual([]);
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
    expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
  });

  it("says so when the card is gone, and sends no image", async () => {
    const admin = h.user({ id: ADMIN, first_name: "Admin", language_code: "ru" });
    for (const card of ["center_nowhere-9", "team_77", "nothing"]) {
      const batch = await admin.press(`share:${card}`);
      expect(photos(batch)).toEqual([]);
      expect(h.texts(batch)).toEqual([ru("link-not-found")]);
    }
  });
});
