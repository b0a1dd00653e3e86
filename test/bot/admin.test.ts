import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/db/audit.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, createAdminHarness, type AdminHarness } from "../support/admins.js";

let h: AdminHarness;

beforeEach(async () => {
  h = await createAdminHarness({ catalog: true });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

async function centerNamesRu(ids: string[]): Promise<string> {
  const rows = await h.db.selectFrom("centers").select(["id", "name_ru"]).where("id", "in", ids).orderBy("id").execute();
  return rows.map((r) => r.name_ru).join(", ");
}

describe("/admin", () => {
  it("shows a city administrator every section, card partners and the audit log among them, two to a row", async () => {
    const admin = h.admin();
    expect(h.texts(await admin.send("/admin"))).toEqual([ru("admin-home-city")]);
    const keyboard = admin.messages().at(-1)!.reply_markup!.inline_keyboard.map((row) => row.map((b) => b.text));
    expect(keyboard).toEqual([
      [ru("admin-button-invite"), ru("admin-button-people")],
      [ru("admin-button-centers"), ru("admin-button-events")],
      [ru("admin-button-teams"), ru("admin-button-partners")],
      [ru("admin-button-broadcasts"), ru("admin-button-figures")],
      [ru("admin-button-csv"), ru("admin-button-audit")],
      [ru("button-menu")],
    ]);
  });

  it("shows a center administrator their centers only, without the city's audit log", async () => {
    const [first, second] = await h.db.selectFrom("centers").select("id").orderBy("id").limit(2).execute();
    await h.grantCenter(CENTER_ADMIN, first!.id);
    await h.grantCenter(CENTER_ADMIN, second!.id);
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    expect(h.texts(await admin.send("/admin"))).toEqual([ru("admin-home-centers", { centers: await centerNamesRu([first!.id, second!.id]) })]);
    expect(admin.buttons().map((b) => b.text)).toEqual([
      ru("admin-button-invite"),
      ru("admin-button-people"),
      ru("admin-button-centers"),
      ru("admin-button-events"),
      ru("admin-button-teams"),
      ru("admin-button-broadcasts"),
      ru("admin-button-figures"),
      ru("admin-button-csv"),
      ru("button-menu"),
    ]);
  });

  it("refuses anyone else, a revoked center administrator too, also when they press a kept button", async () => {
    const [center] = await h.db.selectFrom("centers").select("id").orderBy("id").limit(1).execute();
    await h.grantCenter(NOBODY, center!.id, "2026-12-02T04:00:00.000Z");
    const person = h.user({ id: NOBODY, first_name: "Someone", language_code: "ru" });
    expect(h.texts(await person.send("/admin"))).toEqual([ru("staff-not-allowed")]);
    const batch = await person.press("adm:home");
    expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
    expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
  });
});

describe("the audit log", () => {
  it("keeps who changed what, when, with the state before and after as JSON", async () => {
    await recordAudit(
      h.db,
      { actorId: CITY_ADMIN, action: "center.edit", subject: "center:x", centerId: null, before: { address: "old" }, after: { address: "new" } },
      new Date("2026-12-02T05:00:00Z"),
    );
    expect(await h.db.selectFrom("audit_log").selectAll().execute()).toEqual([
      {
        id: expect.any(Number),
        at: "2026-12-02T05:00:00.000Z",
        actor_id: CITY_ADMIN,
        action: "center.edit",
        subject: "center:x",
        center_id: null,
        before: '{"address":"old"}',
        after: '{"address":"new"}',
      },
    ]);
  });
});
