import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { loadStoreConfig } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { enqueueAll } from "../../src/db/outbox.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { addDays, formatDay, toInstant, type LocalDate, type LocalTime } from "../../src/domain/time.js";
import { htmlToPlainText, type EmulatedUser, type SentMessage } from "../../src/emulator/bot-api-emulator.js";
import { insertSpecialist } from "../support/fixtures.js";
import { botEnv, endToEndSetupEachTest, startWebhookBot, webhookEndpoint, type WebhookEndpoint } from "./bot-process.js";
import { ProcessClock } from "./process-clock.js";
import { textOf } from "./dialogue.js";

// Monday 23 November 2026, 09:00 in Almaty: every person books a day from Tuesday on.
const NOW = new Date("2026-11-23T04:00:00Z");
const FIRST_DAY: LocalDate = "2026-11-24";
/** The consultant's hours, an hour a consultation: twelve times a day. */
const TIMES: LocalTime[] = Array.from({ length: 12 }, (_, h) => `${String(9 + h).padStart(2, "0")}:00`);
const PEOPLE = 60;
const NOTICES = 2_000;
/** Of the updates posted, about this share is posted to the other instance too, as Telegram does again after a timeout. */
const POSTED_AGAIN = 0.15;
/** Upper bound of each step of a person's dialogue, on a loaded machine. */
const STEP_MS = 30_000;

const i18n = createI18n();
const html = (key: string, vars?: Record<string, string | number>) => i18n.t("ru", key, vars);
const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(html(key, vars));

const e2e = endToEndSetupEachTest("jastar-e2e-instances-");
let balancer: Server | undefined;
afterEach(async () => {
  balancer?.closeAllConnections();
  await new Promise((resolve) => (balancer ? balancer.close(resolve) : resolve(undefined)));
  balancer = undefined;
});

/** Repeatable choices: the same run sprays the same updates the same way. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A load balancer in front of the instances, at the address the webhook is set to: each update
 * goes to an instance chosen at random, and some also to the other one, at once or once the
 * first has answered. Telegram is answered as the first instance answered.
 */
async function startBalancer(instances: WebhookEndpoint[], random: () => number): Promise<{ url: string; posts: number[] }> {
  const posts = instances.map(() => 0);
  const forward = async (to: number, body: Buffer, req: IncomingMessage): Promise<number> => {
    posts[to]!++;
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": String(req.headers["x-telegram-bot-api-secret-token"]) };
    try {
      const res = await fetch(instances[to]!.url, { method: "POST", headers, body });
      await res.arrayBuffer();
      return res.status;
    } catch {
      // The instance is gone (the test is over): Telegram would post again.
      return 502;
    }
  };
  balancer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const first = random() < 0.5 ? 0 : 1;
      const again = random() < POSTED_AGAIN ? (random() < 0.5 ? "at once" : "after") : undefined;
      const answered = forward(first, body, req);
      if (again === "at once") void forward(1 - first, body, req);
      void answered.then(async (status) => {
        if (again === "after") await forward(1 - first, body, req);
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => balancer!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(balancer.address() as AddressInfo).port}/telegram`, posts };
}

/** The catalog, a career consultant in Almaly working every day, and `NOTICES` due notices to people of their own. */
async function prepare(db: Db, recipients: number[]): Promise<void> {
  await migrateToLatest(db);
  await seedCatalog(db);
  await insertSpecialist(db, { centerId: "almaly-1", service: "career", online: false, slotMinutes: 60, hours: [{ start: "09:00", end: "21:00" }] });
  const payload = { role: "host", label_kk: "Шай үстінде", label_ru: "Чай-толк" };
  const notices = recipients.map((recipientId) => ({
    kind: "role_revoked" as const,
    recipientId,
    payload,
    dueAt: new Date(NOW.getTime() - 60_000),
    expiresAt: null,
    essential: true,
    urgent: true,
    dedupeKey: `role_revoked:${recipientId}`,
  }));
  await enqueueAll(db, notices, NOW);
}

/** Resolves once the chat shows, since call number `mark`, a message that `matches`. */
async function shown(u: EmulatedUser, mark: number, matches: (m: SentMessage) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  while (!e2e.em.shownSince(u.id, mark).some(matches)) {
    if (Date.now() > deadline) throw new Error(`person ${u.id} never saw ${what}; last: ${textOf(e2e.em.lastMessageTo(u.id) ?? ({} as SentMessage))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const withButton = (label: string) => (m: SentMessage) =>
  m.reply_markup !== undefined && JSON.stringify(m.reply_markup).includes(JSON.stringify(label));
const saying = (text: string) => (m: SentMessage) => textOf(m) === text;

/**
 * A person signs up (typing the name and the age ahead, in one go) and books a career
 * consultation on `date` at `time`, waiting at each step only for what the next step needs.
 */
async function signUpAndBook(u: EmulatedUser, date: LocalDate, time: LocalTime): Promise<void> {
  const { em } = e2e;
  const step = async (act: () => unknown, matches: (m: SentMessage) => boolean, what: string) => {
    const mark = em.mark();
    act();
    await shown(u, mark, matches, what);
  };
  await step(() => em.sendText(u, "/start"), withButton(html("language-ru")), "the languages");
  await step(() => em.clickButton(u, html("language-ru")), withButton(html("button-signup-start")), "the overview");
  await step(() => em.clickButton(u, html("button-signup-start")), withButton(html("button-consent-yes")), "the consent");
  await step(() => em.clickButton(u, html("button-consent-yes")), saying(ru("signup-ask-name")), "the name's question");
  await step(
    () => {
      em.sendText(u, u.first_name);
      em.sendText(u, "20");
    },
    withButton(html("district-almaly")),
    "the districts",
  );
  await step(() => em.clickButton(u, html("district-almaly")), withButton(html("button-skip")), "the phone's question");
  await step(() => em.clickButton(u, html("button-skip")), withButton(html("occupation-study")), "the occupations");
  await step(() => em.clickButton(u, html("occupation-study")), withButton(html("menu-consult")), "the menu");
  await step(() => em.clickButton(u, html("menu-consult")), withButton(html("service-career")), "the services");
  await step(() => em.clickButton(u, html("service-career")), withButton(formatDay(date, "ru")), "the days");
  await step(() => em.clickButton(u, formatDay(date, "ru")), withButton(time), "the times");
  await step(() => em.clickButton(u, time), withButton(html("button-skip")), "the topic's question");
  await step(() => em.clickButton(u, html("button-skip")), withButton(html("consult-button-confirm")), "the summary");
  await step(() => em.clickButton(u, html("consult-button-confirm")), saying(ru("consult-ics-caption")), "the calendar file");
}

describe("two instances behind one webhook, on one database", () => {
  it(
    "take updates sprayed across both, some posted to both, and 2,000 due notices: each handled or sent exactly once",
    { timeout: 120_000 },
    async () => {
      // One database both instances share: PostgreSQL in that run, one SQLite file otherwise.
      const url = botEnv(e2e).DATABASE_URL;
      // Names are letters only: each person's own, from the tens and units of their number.
      const letters = "abcdefghij";
      const people: EmulatedUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
        id: 780_001 + i,
        first_name: `Ali${letters[Math.floor(i / 10)]}${letters[i % 10]}`,
        language_code: "ru",
      }));
      const recipients = Array.from({ length: NOTICES }, (_, i) => 790_001 + i);
      for (const id of recipients) e2e.em.addUser({ id, first_name: `Recipient ${id}` });
      const db = openDatabase(loadStoreConfig({ DATABASE_URL: url }).database);
      try {
        await prepare(db, recipients);

        const instances = [await webhookEndpoint(), await webhookEndpoint()];
        const { url: publicUrl, posts } = await startBalancer(instances, seededRandom(20261202));
        const clock = new ProcessClock(join(e2e.dir, "clock"), NOW);
        // Faster than Telegram's pace: the emulator has no limit, and the test need not wait a minute.
        const env = { DATABASE_URL: url, LOG_LEVEL: "warn", WEBHOOK_URL: publicUrl, OUTBOX_SENDS_PER_SECOND: "1000", ...clock.env };
        await Promise.all(instances.map((webhook) => startWebhookBot(e2e.em, env, webhook)));

        const slotOf = (i: number) => ({ date: addDays(FIRST_DAY, Math.floor(i / TIMES.length)), time: TIMES[i % TIMES.length]! });
        await Promise.all(people.map((u, i) => signUpAndBook(u, slotOf(i).date, slotOf(i).time)));

        // Every notice reached its person exactly once, from one instance or the other.
        const deadline = Date.now() + 60_000;
        while (recipients.some((id) => e2e.em.messagesTo(id).length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(recipients.filter((id) => e2e.em.messagesTo(id).length !== 1)).toEqual([]);
        const notices = await db.selectFrom("outbox").select(["state"]).where("kind", "=", "role_revoked").execute();
        expect(notices.filter((n) => n.state !== "sent")).toEqual([]);

        // Both instances took updates, some the same ones.
        expect(posts.every((n) => n > 0)).toBe(true);
        const delivered = new Set(e2e.em.webhookDeliveries.map((d) => d.update_id));
        expect(posts[0]! + posts[1]!).toBeGreaterThan(delivered.size);

        // Every person signed up and has exactly the booking they chose.
        const users = await db.selectFrom("users").select(["id", "name", "age", "district"]).where("id", ">=", people[0]!.id).where("id", "<=", people.at(-1)!.id).orderBy("id").execute();
        expect(users).toEqual(people.map((u) => ({ id: u.id, name: u.first_name, age: 20, district: "almaly" })));
        const bookings = await db.selectFrom("bookings").select(["user_id", "starts_at", "status"]).orderBy("user_id").execute();
        expect(bookings).toEqual(people.map((u, i) => ({ user_id: u.id, starts_at: toInstant(slotOf(i).date, slotOf(i).time).toISOString(), status: "confirmed" })));
        // No step was taken for another, out of order or twice.
        for (const u of people) {
          const said = e2e.em.messagesTo(u.id).map(textOf);
          expect(said.filter((t) => [ru("need-button"), ru("need-text"), ru("error-generic")].includes(t)), `person ${u.id}`).toEqual([]);
        }

        // Each update was handled once, and none is left waiting.
        const handled = await db.selectFrom("handled_updates").select("update_id").execute();
        expect(handled.map((h) => Number(h.update_id)).sort((a, b) => a - b)).toEqual([...delivered].sort((a, b) => a - b));
        const waiting = await db.selectFrom("received_updates").select("update_id").execute();
        expect(waiting).toEqual([]);
      } finally {
        await db.destroy();
      }
    },
  );
});
