import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { openDatabase } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { enqueue } from "../../src/db/outbox.js";
import type { Language } from "../../src/domain/language.js";
import { addMinutes } from "../../src/domain/time-math.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { registerUser } from "../support/users.js";
import type { RecordedCall } from "../../src/emulator/bot-api-emulator.js";
import { botEnv, endToEndSetupEachTest, readDb, startBot } from "./bot-process.js";

const PEOPLE = 40;
/** The crash comes once this many reminders have reached Telegram: well inside the run. */
const KILL_AFTER_SENDS = 10;
/** Telegram's answers take this long, so the crash comes while one of them is on its way. */
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

/**
 * Forty people with a consultation tomorrow whose reminder is already due: the process finds
 * them all waiting when it starts. The process runs on the real clock, so "due" is "in the past".
 */
async function seedDueReminders(): Promise<void> {
  const db = openDatabase({ dialect: "sqlite", path: e2e.dbPath });
  try {
    await migrateToLatest(db);
    const now = new Date();
    await insertCenter(db, CENTER);
    const specialist = await insertSpecialist(db, { centerId: CENTER.id, service: "career" });
    for (const [i, p] of people.entries()) {
      await registerUser(db, p.id, { language: p.language });
      e2e.em.addUser({ id: p.id, first_name: `Person ${i}` });
      const startsAt = addMinutes(now, 24 * 60 + 30 * i);
      const bookingId = await insertBooking(db, {
        specialist,
        userId: p.id,
        startsAt: startsAt.toISOString(),
        endsAt: addMinutes(startsAt, 30).toISOString(),
      });
      await enqueue(
        db,
        {
          kind: "booking_reminder",
          dueAt: addMinutes(now, -1),
          expiresAt: startsAt,
          payload: { bookingId, offsetMinutes: 24 * 60 },
          dedupeKey: `booking_reminder:${bookingId}:1440`,
          essential: true,
          urgent: true,
          recipientId: p.id,
          bookingId,
        },
        now,
      );
    }
  } finally {
    await db.destroy();
  }
}

type OutboxState = { id: number; recipient_id: number; state: string };

function outboxStates(): OutboxState[] {
  return readDb(e2e, (db) => db.prepare("select id, recipient_id, state from outbox order by id").all() as OutboxState[]);
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the outbox across a crash", () => {
  it("delivers every due reminder after a SIGKILL mid-dispatch and a restart, each once but the one in flight", { timeout: 60_000 }, async () => {
    await seedDueReminders();
    const env = botEnv(e2e, { LOG_LEVEL: "warn", OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
    const received = () => people.map((p) => e2e.em.messagesTo(p.id).length);

    e2e.em.delayAnswers("sendMessage", ANSWER_DELAY_MS);
    const first = await startBot(e2e.em, env);
    // Killed as soon as Telegram has the message, while its answer is still on the way.
    const lastBeforeCrash = (call: RecordedCall) => e2e.em.callsOf("sendMessage").indexOf(call) === KILL_AFTER_SENDS - 1;
    await e2e.em.waitForCallSince(0, "sendMessage", lastBeforeCrash, DEADLINE_MS);
    await first.kill();
    e2e.em.delayAnswers("sendMessage", 0);
    const beforeCrash = received();
    const sentBeforeCrash = beforeCrash.filter((n) => n > 0).length;
    // The crash really came in the middle: some were sent, not all.
    expect(sentBeforeCrash).toBeGreaterThanOrEqual(KILL_AFTER_SENDS);
    expect(sentBeforeCrash).toBeLessThan(PEOPLE);

    // Telegram has the last row's message, but its answer had not come back: the row is still
    // "sending". A worker has one request in flight at a time, so there is exactly one such row.
    const afterCrash = outboxStates();
    const inFlight = afterCrash.filter((r) => r.state === "sending" && e2e.em.messagesTo(r.recipient_id).length > 0);
    expect(inFlight).toHaveLength(1);
    expect(afterCrash.filter((r) => r.state === "sent")).toHaveLength(sentBeforeCrash - inFlight.length);

    // The restart takes the dead process's rows back at once, long before their lease ends.
    const second = await startBot(e2e.em, env);
    await until("every reminder delivered and recorded", () =>
      received().every((n) => n > 0) && outboxStates().every((r) => r.state === "sent"),
    );
    expect(await second.stop()).toBe(0);

    for (const [i, p] of people.entries()) {
      const messages = e2e.em.messagesTo(p.id);
      // The in-flight row is the one exception the design accepts: without an idempotency key
      // at Telegram, a message accepted just before the crash may come a second time.
      const tolerated = inFlight.some((r) => r.recipient_id === p.id) ? 2 : 1;
      expect(messages.length, `person ${i}`).toBeGreaterThanOrEqual(1);
      expect(messages.length, `person ${i}`).toBeLessThanOrEqual(tolerated);
      // In the person's language: the center's name and the service's name in it.
      expect(messages[0]!.text).toContain(p.language === "kk" ? CENTER.name_kk : CENTER.name_ru);
      expect(messages[0]!.text).toContain(i18n.t(p.language, "service-career"));
    }
    expect(received().filter((n) => n > 1).length).toBeLessThanOrEqual(1);
  });
});
