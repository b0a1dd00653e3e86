import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { dateWithYearOf } from "../../src/bot/shared/format.js";
import { createPartner, linkPartnerAccount } from "../../src/db/cards.js";
import { cardNumberOf } from "../../src/domain/card.js";
import { TEST_TOKEN } from "../support/harness.js";
import { decodeQr } from "../support/qr.js";
import { registerUser } from "../support/users.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import type { TestUser } from "../support/updates.js";
import { botEnv, endToEndSetupEachTest, readDb, runBotCommand, startBot } from "./bot-process.js";
import { expectReplies, textOf } from "./dialogue.js";

const e2e = endToEndSetupEachTest("jastar-e2e-card-");

const i18n = createI18n();
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));

const holder: TestUser = { id: 700501, first_name: "Айгерім", language_code: "ru" };
const cashier: TestUser = { id: 700740, first_name: "Кассир", language_code: "ru" };

describe("the discount card, in the bot process", () => {
  it("is signed with a key made at the first start and kept: a code shown before a restart is valid after it", async () => {
    // No CARD_SECRET: the token is all the configuration there is.
    const env = botEnv(e2e, { BOT_TOKEN: TEST_TOKEN, LOG_LEVEL: "warn" });
    const migrated = await runBotCommand(["migrate"], env);
    expect(migrated.code, `${migrated.stdout}${migrated.stderr}`).toBe(0);
    await registerUser(e2e.db, holder.id, { name: "Айгерім Сейтқали", age: 19 });
    const partner = await createPartner(e2e.db, { name: "Театр", category: "culture", benefitKk: null, benefitRu: null }, new Date());
    await linkPartnerAccount(e2e.db, partner.id, cashier.id, new Date());

    let bot = await startBot(e2e.em, env);
    const cardSecret = () => readDb(e2e, sql`select value from settings where key = 'card_secret'`);
    const key = await cardSecret();
    expect(key).toEqual([{ value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }]);
    e2e.em.addUser(holder);
    e2e.em.addUser(cashier);
    const [shown] = await expectReplies(e2e, holder, () => e2e.em.sendText(holder, "/card"), [expect.any(String)]);
    const [card] = await readDb(e2e, sql<{ id: number; expires_at: string }>`select id, expires_at from cards`);
    const band = i18n.t("ru", "card-age-band", { from: 18, to: 24 });
    expect(textOf(shown!)).toBe(ru("card-caption", { number: cardNumberOf(card!.id), holder: `Айгерім, ${band}`, until: dateWithYearOf(card!.expires_at) }));
    const [photo] = e2e.em.callsOf("sendPhoto");
    const link = decodeQr(photo!.files.photo!.content);
    const payload = /\?start=(card_[A-Za-z0-9_-]+)$/.exec(link ?? "")?.[1];
    expect(payload, String(link)).toBeDefined();
    expect(await bot.stop()).toBe(0);

    bot = await startBot(e2e.em, env);
    expect(await cardSecret()).toEqual(key);
    await expectReplies(e2e, cashier, () => e2e.em.sendText(cashier, `/start ${payload}`), [
      ru("card-check-valid", { holder: `Айгерім, ${band}` }),
    ]);
    expect(await readDb(e2e, sql`select checked_by, result from card_checks`)).toEqual([{ checked_by: cashier.id, result: "valid" }]);
    expect(await bot.stop()).toBe(0);
  });
});
