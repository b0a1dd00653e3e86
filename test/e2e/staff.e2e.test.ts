import { describe, expect, it } from "vitest";
import { botEnv, endToEndSetupEachTest, startBot } from "./bot-process.js";

const e2e = endToEndSetupEachTest("jastar-e2e-staff-");

const ADMIN = 700900;

describe("staff command menus of the bot process", () => {
  it("gives an administrator /invite in a menu of their own chat at start-up; the general menu has none", async () => {
    const bot = await startBot(e2e.em, botEnv(e2e, { ADMIN_IDS: String(ADMIN), LOG_LEVEL: "warn" }));
    const chat = { type: "chat", chat_id: ADMIN };
    for (const lang of ["kk", "ru", undefined]) {
      expect(e2e.em.commandsFor(chat, lang).map((c) => c.command), `chat menu ${lang}`).toContain("invite");
      expect(e2e.em.commandsFor(undefined, lang).map((c) => c.command), `general menu ${lang}`).not.toContain("invite");
    }
    expect(e2e.em.commandsFor(chat, "kk").find((c) => c.command === "invite")?.description).not.toBe(
      e2e.em.commandsFor(chat, "ru").find((c) => c.command === "invite")?.description,
    );
    expect(await bot.stop()).toBe(0);
  });
});
