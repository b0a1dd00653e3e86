import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { formatDay, localDateOf } from "../../src/domain/time.js";
import { insertCenter } from "../support/fixtures.js";
import { TEST_TOKEN } from "../support/harness.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { htmlToPlainText, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot } from "./bot-process.js";
import { expectReplies, expectScreen, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-host-invite-");

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));
const kk = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("kk", key, vars));

const admin: TestUser = { id: 700900, first_name: "Admin", language_code: "ru" };
const volunteer: TestUser = { id: 700301, first_name: "Айгерім", language_code: "kk" };
const CENTER = "almaly-1";

describe("a tea-talk host invited by an administrator, in the bot process", () => {
  it("opens the administrator's link and finds today's session under /host and in the command menu", async () => {
    const env = botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, ADMIN_IDS: String(admin.id), LOG_LEVEL: "warn" });
    const migrated = await runBotCommand(["migrate"], env);
    expect(migrated.code, `${migrated.stdout}${migrated.stderr}`).toBe(0);
    // A session that starts now is today's in Almaty, whatever the hour.
    const startsAt = new Date();
    await insertCenter(e2e.db, { id: CENTER });
    await insertTeaTalkSession(e2e.db, { centerId: CENTER, startsAt, hostName: "Айгерім" });
    const bot = await startBot(e2e.em, env);
    e2e.em.addUser(admin);
    e2e.em.addUser(volunteer);

    await expectReplies(e2e, admin, () => e2e.em.sendText(admin, "/invite"), [ru("staff-invite-choose-kind")]);
    await expectScreen(e2e, admin, () => e2e.em.clickButton(admin, ru("staff-invite-kind-host")), ru("staff-invite-choose-host"));
    const [created] = await expectReplies(e2e, admin, () => e2e.em.clickButton(admin, /^Айгерім · /), [expect.any(String)]);
    const payload = /start=(host_[A-Za-z0-9_-]+)/.exec(textOf(created!))?.[1];
    expect(payload, textOf(created!)).toBeDefined();

    await expectReplies(e2e, volunteer, () => e2e.em.sendText(volunteer, `/start ${payload}`), [
      kk("staff-host-linked", { name: "Айгерім", center: `Орталық ${CENTER}` }),
    ]);
    expect(e2e.em.commandsFor({ type: "chat", chat_id: volunteer.id }, "kk").map((c) => c.command)).toContain("host");
    const day = formatDay(localDateOf(startsAt), "kk");
    await expectReplies(e2e, volunteer, () => e2e.em.sendText(volunteer, "/host"), [
      kk("teatalk-host-title", { day }),
      expect.stringContaining(kk("teatalk-host-no-participants")),
    ]);
    expect(await readDb(e2e, sql`select host_telegram_id from events`)).toEqual([{ host_telegram_id: volunteer.id }]);
    expect(await bot.stop()).toBe(0);
  });
});
