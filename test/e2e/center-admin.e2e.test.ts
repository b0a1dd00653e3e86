import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { insertCenter, insertSpecialist } from "../support/fixtures.js";
import { TEST_TOKEN } from "../support/harness.js";
import { htmlToPlainText, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot } from "./bot-process.js";
import { expectReplies, expectScreen, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-center-admin-");

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));

const admin: TestUser = { id: 700900, first_name: "Admin", language_code: "ru" };
const manager: TestUser = { id: 700901, first_name: "Манар", language_code: "ru" };
const CENTER = "almaly-1";
const OTHER = "bostandyk-1";

describe("a center administrator invited by a city administrator, in the bot process", () => {
  it("opens the link, gets /admin for their center, invites its specialist, and loses it all when revoked", async () => {
    const env = botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, ADMIN_IDS: String(admin.id), LOG_LEVEL: "warn" });
    const migrated = await runBotCommand(["migrate"], env);
    expect(migrated.code, `${migrated.stdout}${migrated.stderr}`).toBe(0);
    await insertCenter(e2e.db, { id: CENTER });
    await insertCenter(e2e.db, { id: OTHER, district: "bostandyk" });
    await insertSpecialist(e2e.db, { centerId: CENTER, service: "career", displayName: "Мадина Оспанова" });
    await insertSpecialist(e2e.db, { centerId: OTHER, service: "career", displayName: "Тимур Ким" });
    const bot = await startBot(e2e.em, env);
    e2e.em.addUser(admin);
    e2e.em.addUser(manager);

    await expectReplies(e2e, admin, () => e2e.em.sendText(admin, "/admin"), [ru("admin-home-city")]);
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("admin-button-invite")), ru("staff-invite-choose-kind"));
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("staff-invite-kind-center-admin")), ru("staff-invite-choose-center-admin"));
    const [created] = await expectReplies(e2e, admin, () => e2e.em.clickButton(admin, `Центр ${CENTER}`), [expect.any(String)]);
    const payload = /start=(cadm_[A-Za-z0-9_-]+)/.exec(textOf(created!))?.[1];
    expect(payload, textOf(created!)).toBeDefined();

    await expectReplies(e2e, manager, () => e2e.em.sendText(manager, `/start ${payload}`), [
      ru("staff-center-admin-linked", { center: `Центр ${CENTER}` }),
      ru("admin-home-centers", { centers: `Центр ${CENTER}` }),
    ]);
    expect(e2e.em.commandsFor({ type: "chat", chat_id: manager.id }, "ru").map((c) => c.command)).toContain("admin");
    await expectScreen(e2e, manager, () => e2e.em.clickButton(manager, ru("admin-button-invite")), ru("staff-invite-choose-kind"));
    // Their own center's specialist only.
    await expectScreen(e2e, manager, () => e2e.em.clickButton(manager, ru("staff-invite-kind-specialist")), ru("staff-invite-choose"));
    await expectReplies(e2e, manager, () => e2e.em.clickButton(manager, /^Мадина Оспанова/), [expect.stringContaining("start=staff_")]);

    await expectReplies(e2e, admin, () => e2e.em.sendText(admin, "/admin"), [ru("admin-home-city")]);
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("admin-button-people")), ru("admin-people", { count: 1 }));
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, /^Администратор центра/), expect.stringContaining(ru("admin-role-center-admin")));
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("admin-button-revoke")), expect.stringContaining(`Центр ${CENTER}`));
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("admin-button-revoke-yes")), expect.stringContaining(ru("admin-people-none")));
    await expectReplies(e2e, manager, () => e2e.em.sendText(manager, "/admin"), [ru("staff-not-allowed")]);
    expect(e2e.em.commandsFor({ type: "chat", chat_id: manager.id }, "ru").map((c) => c.command)).not.toContain("admin");

    expect(await readDb(e2e, sql`select actor_id, action from audit_log order by id`)).toEqual([
      { actor_id: admin.id, action: "invite.create" },
      { actor_id: manager.id, action: "role.grant" },
      { actor_id: manager.id, action: "invite.create" },
      { actor_id: admin.id, action: "role.revoke" },
    ]);
    expect(await bot.stop()).toBe(0);
  });
});
