import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noticeRenderers } from "../../src/bot/notices.js";
import type { Team } from "../../src/db/schema.js";
import type { Language } from "../../src/domain/language.js";
import { createLogger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { insertCenter, insertCenterAdmin } from "../support/fixtures.js";
import { CENTER_ADMIN, CITY_ADMIN, NOBODY, createAdminHarness, type AdminHarness } from "../support/admins.js";
import type { ApiCall } from "../support/harness.js";
import { insertTeam } from "../support/teams.js";
import { registerUser } from "../support/users.js";

let h: AdminHarness;
let ours: Team;
let theirs: Team;

beforeEach(async () => {
  // Wednesday 2 December 2026, 10:00 in Almaty.
  h = await createAdminHarness();
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenterAdmin(h.db, { telegramId: CENTER_ADMIN, centerId: "almaly-1", grantedBy: CITY_ADMIN });
  ours = await insertTeam(h.db, { name_kk: "Жасыл Алмалы", name_ru: "Зелёный Алмалы", category: "ecology", center_id: "almaly-1", district: "almaly" });
  theirs = await insertTeam(h.db, { name_kk: "Медеу еріктілері", name_ru: "Волонтёры Медеу", center_id: "medeu-1", district: "medeu" });
});
afterEach(async () => {
  await h.cleanup();
});

const t = (lang: Language) => (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
const ru = t("ru");
const kk = t("kk");

async function teamRow(id: number) {
  return h.db.selectFrom("teams").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function audit() {
  return h.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

async function dispatch(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger: createLogger("silent"), clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

const sentTo = (batch: ApiCall[], chatId: number) => batch.filter((c) => c.method === "sendMessage" && c.payload.chat_id === chatId).map((c) => String(c.payload.text));

describe("NGO teams from /admin", () => {
  it("a city administrator adds a team working across a district, with its audit record", async () => {
    const admin = h.admin();
    await admin.send("/admin");
    await admin.click(ru("admin-button-teams"));
    await admin.click(ru("tmadm-button-new"));
    expect(h.texts(await admin.send("Ж"))).toEqual([ru("admin-text-invalid", { max: 80 })]);
    await admin.send("Патриоттар");
    await admin.send("Патриоты");
    await admin.send("Тарихи орындарды зерттейміз");
    await admin.send("Изучаем исторические места");
    await admin.click(ru("team-category-patriotic"));
    expect(admin.buttons().map((b) => b.text)).toContain(ru("district-turksib"));
    expect(h.texts(await admin.click(ru("district-turksib")))).toContain(ru("tmadm-created", { name: "Патриоты" }));

    const team = await h.db.selectFrom("teams").selectAll().where("name_ru", "=", "Патриоты").executeTakeFirstOrThrow();
    expect(team).toMatchObject({ category: "patriotic", center_id: null, district: "turksib", active: 1, description_kk: "Тарихи орындарды зерттейміз" });
    expect(await audit()).toMatchObject([{ actor_id: CITY_ADMIN, action: "team.create", subject: `team:${team.id}`, before: null }]);
    // Young people see it at once.
    const person = h.user({ id: 501, first_name: "A", language_code: "ru" });
    expect(h.texts(await person.press("menu:teams"))[0]).toContain("Патриоты");
  });

  it("a center administrator lists and changes their center's teams only", async () => {
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    await admin.press("tmadm:list");
    expect(admin.buttons().map((b) => b.text)).toEqual([`Зелёный Алмалы · ${ru("team-category-ecology")}`, ru("tmadm-button-new"), ru("button-back")]);
    await admin.click(/Зелёный Алмалы/);
    await admin.click(ru("tmadm-button-names"));
    await admin.send("Жасыл әлем");
    expect(h.texts(await admin.send("Зелёный мир"))).toEqual([ru("admin-saved")]);
    expect(await teamRow(ours.id)).toMatchObject({ name_kk: "Жасыл әлем", name_ru: "Зелёный мир" });
    const [record] = await audit();
    expect(record).toMatchObject({ actor_id: CENTER_ADMIN, action: "team.edit", center_id: "almaly-1" });
    expect(JSON.parse(record!.before!)).toMatchObject({ name_ru: "Зелёный Алмалы" });
    expect(JSON.parse(record!.after!)).toMatchObject({ name_ru: "Зелёный мир" });

    // Only their own centers are places to move a team to: no district, no other center.
    await admin.press(`tmadm:edit:${ours.id}:place`);
    expect(admin.buttons().map((b) => b.text)).toEqual(["Центр almaly-1"]);
    expect(h.texts(await admin.press("tmn-place:d:medeu"))).toContain(ru("need-button"));
  });

  it("refuses a center administrator another center's team, and anyone without a role, whatever they forge", async () => {
    const center = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    const nobody = h.user({ id: NOBODY, first_name: "X", language_code: "ru" });
    for (const [who, buttons] of [
      [center, [`tmadm:team:${theirs.id}`, `tmadm:edit:${theirs.id}:names`, `tmadm:close:${theirs.id}`, `tmadm:close-yes:${theirs.id}`]],
      [nobody, ["tmadm:list", "tmadm:new", `tmadm:close-yes:${ours.id}`, `tmadm:edit:${ours.id}:category`]],
    ] as const) {
      for (const data of buttons) {
        const batch = await who.press(data);
        expect(batch.find((c) => c.method === "answerCallbackQuery")?.payload.text).toBe(ru("staff-not-allowed"));
        expect(h.texts(batch)).toEqual([ru("staff-not-allowed")]);
      }
    }
    expect((await teamRow(theirs.id)).active).toBe(1);
    expect((await teamRow(ours.id)).active).toBe(1);
    expect(await audit()).toEqual([]);
  });

  it("winding a team up tells its members and those waiting for an answer once, each in their language", async () => {
    const at = "2026-11-20T10:00:00.000Z";
    for (const [id, language, status] of [
      [11, "kk", "member"],
      [12, "ru", "member"],
      [13, "ru", "requested"],
      [14, "ru", "left"],
    ] as const) {
      await registerUser(h.db, id, { language });
      await h.db.insertInto("team_members").values({ team_id: ours.id, user_id: id, status, message: null, created_at: at, updated_at: at }).execute();
    }
    const admin = h.user({ id: CENTER_ADMIN, first_name: "Center", language_code: "ru" });
    await admin.press(`tmadm:team:${ours.id}`);
    await admin.click(ru("tmadm-button-close"));
    const done = h.texts(await admin.click(ru("tmadm-button-close-yes")));
    expect(done[0]).toContain(ru("tmadm-closed", { name: "Зелёный Алмалы", count: 3 }));
    expect((await teamRow(ours.id)).active).toBe(0);
    expect(await audit()).toMatchObject([{ action: "team.deactivate", subject: `team:${ours.id}`, before: '{"active":1}', after: '{"active":0}' }]);

    const sent = await dispatch();
    expect(sentTo(sent, 11)).toEqual([kk("teams-notice-closed", { team: "Жасыл Алмалы" })]);
    expect(sentTo(sent, 12)).toEqual([ru("teams-notice-closed", { team: "Зелёный Алмалы" })]);
    expect(sentTo(sent, 13)).toHaveLength(1);
    expect(sentTo(sent, 14)).toEqual([]);
    expect(sentTo(await dispatch(), 11)).toEqual([]);

    // A kept button winds up nothing twice.
    await admin.press(`tmadm:close-yes:${ours.id}`);
    expect(await audit()).toHaveLength(1);
  });
});
