import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { Language } from "../../src/domain/language.js";
import type { RecordedCall } from "../../src/emulator/bot-api-emulator.js";
import { SENDS_IN_FLIGHT } from "../../src/scheduler/dispatcher.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";
import { seedDueReminders } from "./due-reminders.js";

const PEOPLE = 40;
/**
 * A crash comes once this many messages in all have reached Telegram: three crashes, each well
 * inside a run, each followed by a restart.
 */
const KILL_AFTER_SENDS = [8, 19, 27];
/** Telegram's answers take this long, so each crash comes while one of them is on its way. */
const ANSWER_DELAY_MS = 150;
/**
 * Far longer than the test may take: the rows the killed process had claimed must come back
 * because the restarted process sees that their claimer is gone, not because a lease ran out.
 */
const LEASE_SECONDS = 600;
const DEADLINE_MS = 30_000;

const i18n = createI18n();
const CENTER = { id: "almaly-1", name_kk: "Алмалы жастар орталығы", name_ru: "Алмалинский молодёжный центр" };

const e2e = endToEndSetupEachTest("jastar-e2e-outbox-");

const people = Array.from({ length: PEOPLE }, (_, i): { id: number; language: Language } => ({ id: 900_001 + i, language: i % 2 ? "ru" : "kk" }));

type OutboxState = { id: number; recipient_id: number; state: string };

function outboxStates(): Promise<OutboxState[]> {
  return readDb(e2e, sql<OutboxState>`select id, recipient_id, state from outbox order by id`);
}

async function until(what: string, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the outbox across crashes", () => {
  it("delivers every due reminder through three SIGKILLs mid-dispatch and restarts, each once but those in flight at each crash", { timeout: 60_000 }, async () => {
    await seedDueReminders(e2e.db, people, [e2e.em], CENTER);
    const env = botEnv(e2e, { LOG_LEVEL: "warn", OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
    const received = () => people.map((p) => e2e.em.messagesTo(p.id).length);
    /** Per crash, the rows whose message Telegram had while their sender had not heard back. */
    const inFlightAtCrashes: OutboxState[][] = [];
    const crashesInFlight = (id: number) => inFlightAtCrashes.flat().filter((r) => r.recipient_id === id).length;

    e2e.em.delayAnswers("sendMessage", ANSWER_DELAY_MS);
    for (const sends of KILL_AFTER_SENDS) {
      const bot = await startBot(e2e.em, env);
      // Killed as soon as Telegram has that message, while its answer is still on the way.
      const crashPoint = (call: RecordedCall) => e2e.em.callsOf("sendMessage").indexOf(call) === sends - 1;
      await e2e.em.waitForCallSince(0, "sendMessage", crashPoint, DEADLINE_MS);
      await bot.kill();
      // The crash really came in the middle: not everyone has their reminder yet.
      expect(received().filter((n) => n > 0).length).toBeLessThan(PEOPLE);

      // The last rows' messages are at Telegram, but their answers had not come back: the rows are
      // still "sending". A worker has at most SENDS_IN_FLIGHT requests in flight, so there are at
      // most that many such rows, and at least the one the crash waited for.
      // (Telegram has a message of an earlier crash's flight again only once it was sent again.)
      const hasNew = (id: number) => e2e.em.messagesTo(id).length > crashesInFlight(id);
      const inFlight = (await outboxStates()).filter((r) => r.state === "sending" && hasNew(r.recipient_id));
      expect(inFlight.length).toBeGreaterThanOrEqual(1);
      expect(inFlight.length).toBeLessThanOrEqual(SENDS_IN_FLIGHT);
      // Every other message Telegram has is recorded sent.
      const sentRows = (await outboxStates()).filter((r) => r.state === "sent");
      const unanswered = new Set(inFlight.map((r) => r.recipient_id));
      expect(new Set(sentRows.map((r) => r.recipient_id))).toEqual(new Set(people.filter((p) => hasNew(p.id) && !unanswered.has(p.id)).map((p) => p.id)));
      inFlightAtCrashes.push(inFlight);
    }
    expect(e2e.em.callsOf("sendMessage").length).toBeGreaterThanOrEqual(KILL_AFTER_SENDS.at(-1)!);

    // Each restart takes the dead process's rows back at once, long before their lease ends.
    e2e.em.delayAnswers("sendMessage", 0);
    const last = await startBot(e2e.em, env);
    await until("every reminder delivered and recorded", async () =>
      received().every((n) => n > 0) && (await outboxStates()).every((r) => r.state === "sent"),
    );
    expect(await last.stop()).toBe(0);

    // The bound: a message comes again only if it was in flight at a crash, so at most
    // SENDS_IN_FLIGHT messages per crash; each of those came once more, and no other did.
    for (const [i, p] of people.entries()) {
      const messages = e2e.em.messagesTo(p.id);
      expect(messages.length, `person ${i}`).toBe(1 + crashesInFlight(p.id));
      // In the person's language: the center's name and the service's name in it.
      expect(messages[0]!.text).toContain(p.language === "kk" ? CENTER.name_kk : CENTER.name_ru);
      expect(messages[0]!.text).toContain(i18n.t(p.language, "service-career"));
    }
    expect(received().reduce((a, b) => a + b, 0)).toBe(PEOPLE + inFlightAtCrashes.flat().length);
  });
});
