import { sql } from "kysely";
import { BotError } from "grammy";
import type { Message, Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dialectOf } from "../../src/db/dialect.js";
import { noticeRenderers } from "../../src/bot/notices.js";
import { MAX_CALLBACK_BYTES } from "../../src/bot/shared/callback-data.js";
import { seedCatalog, seedDemo } from "../../src/db/seed/index.js";
import { seedEventsDemo } from "../../src/db/seed/events.js";
import { seedPartnersDemo } from "../../src/db/seed/partners.js";
import { seedTeaTalkDemo } from "../../src/db/seed/teatalk.js";
import { seedTeamsDemo } from "../../src/db/seed/teams.js";
import { signCardToken } from "../../src/domain/card.js";
import { DISTRICTS } from "../../src/domain/districts.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { OutboxDispatcher } from "../../src/scheduler/dispatcher.js";
import { createHarness, type ApiCall, type Harness } from "../support/harness.js";
import { contactMessage, Dice, forgedData, hostileCommand, hostileText, locationMessage, mutatedData, press, privateContent, strangeUpdate, textMessage } from "../support/hostile.js";
import { seededRandom } from "../support/random.js";
import { checkTelegramHtml } from "../support/telegram-html.js";
import type { TestUser } from "../support/updates.js";
import { registerUser } from "../support/users.js";

/**
 * 10,000 updates from 50 people, realistic steps mixed with hostile ones so that the hostile
 * input lands inside flows too. A failure names the seed and the update: `HOSTILE_SEED=<seed>`
 * repeats the run.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261202);
const UPDATES = 10_000;
const CARD_SECRET = "a-card-secret-for-the-hostile-suite-0123456789";

const FIRST_ID = 710_000;
/** Who is who among the 50: the roles the product shows other people's data to. */
const ADMIN = FIRST_ID;
const SPECIALISTS = [FIRST_ID + 1, FIRST_ID + 2, FIRST_ID + 3];
const COORDINATOR = FIRST_ID + 4;
const PARTNER = FIRST_ID + 5;
const HOST = FIRST_ID + 6;
/** Everyone up to here has finished sign-up before the run; the rest meet the bot during it. */
const SIGNED_UP = 30;
const PEOPLE = 50;

/** Every piece of a person's data carries their id, so that a text shows whose it is. */
const marker = {
  name: (id: number) => `Nm${id}q`,
  firstName: (id: number) => `Fn${id}q`,
  username: (id: number) => `un${id}z`,
  topic: (id: number) => `Tp${id}q`,
};
const phoneOf = (id: number) => `+7707${id}`;
/** A marker in a text: its kind, and whose it is. */
const MARKER = /(Nm|Fn|un|Tp|\+7707)(\d{6})[qz]?/g;

const people: TestUser[] = [...Array(PEOPLE).keys()].map((i) => ({
  id: FIRST_ID + i,
  first_name: marker.firstName(FIRST_ID + i),
  username: marker.username(FIRST_ID + i),
  language_code: i % 3 === 0 ? "kk" : i % 3 === 1 ? "ru" : "en",
}));

let h: Harness;
let logger: Logger;
const errorLines: string[] = [];

beforeAll(async () => {
  // Practice draws its exercises at random: drawn from the seed, the whole run repeats.
  vi.spyOn(Math, "random").mockImplementation(seededRandom(SEED + 1));
  logger = createLogger("error", [], { write: (line: string) => void errorLines.push(line) });
  h = await createHarness({ env: { ADMIN_IDS: String(ADMIN), CARD_SECRET }, logger });
  const now = h.clock.now();
  await seedCatalog(h.db);
  await seedDemo(h.db, now);
  await seedTeaTalkDemo(h.db, now);
  await seedEventsDemo(h.db, now);
  await seedTeamsDemo(h.db, now);
  await seedPartnersDemo(h.db, now);
  for (const [i, person] of people.slice(0, SIGNED_UP).entries()) {
    await registerUser(h.db, person.id, {
      name: marker.name(person.id),
      phone: phoneOf(person.id),
      age: i % 5 === 0 ? 16 : 18 + (i % 17),
      guardianConsent: i % 5 === 0 ? true : null,
      district: i % 4 === 0 ? DISTRICTS[i % DISTRICTS.length] : "almaly",
      language: i % 2 === 0 ? "kk" : "ru",
      now,
    });
  }
  // The staff work where most people book: the district most profiles name.
  const almaly = await h.db.selectFrom("specialists").select("id").where("center_id", "like", "almaly-%").orderBy("id").limit(SPECIALISTS.length).execute();
  for (const [i, s] of almaly.entries()) {
    await h.db.updateTable("specialists").set({ telegram_id: SPECIALISTS[i]! }).where("id", "=", s.id).execute();
  }
  const team = await h.db.selectFrom("teams").select("id").orderBy("id").executeTakeFirstOrThrow();
  await h.db.updateTable("teams").set({ coordinator_id: COORDINATOR }).where("id", "=", team.id).execute();
  const partner = await h.db.selectFrom("partners").select("id").orderBy("id").executeTakeFirstOrThrow();
  await h.db.insertInto("partner_accounts").values({ telegram_id: PARTNER, partner_id: partner.id, linked_at: now.toISOString() }).execute();
  await h.db.updateTable("events").set({ host_telegram_id: HOST }).where("category", "=", "teatalk").execute();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await h?.cleanup();
});

/** Whether the product means `viewer` to see this piece of `owner`'s data. */
async function mayShow(viewer: number, owner: number, kind: string): Promise<boolean> {
  if (viewer === owner) return true;
  const db = h.db;
  // A specialist sees their clients; a host the people signed up to their sessions.
  const client = await db
    .selectFrom("bookings")
    .innerJoin("specialists", "specialists.id", "bookings.specialist_id")
    .select("bookings.id")
    .where("specialists.telegram_id", "=", viewer)
    .where("bookings.user_id", "=", owner)
    .executeTakeFirst();
  if (client) return true;
  const guest = await db
    .selectFrom("event_signups")
    .innerJoin("events", "events.id", "event_signups.event_id")
    .leftJoin("specialists", "specialists.id", "events.host_specialist_id")
    .select("event_signups.id")
    .where("event_signups.user_id", "=", owner)
    .where((eb) => eb.or([eb("events.host_telegram_id", "=", viewer), eb("specialists.telegram_id", "=", viewer)]))
    .executeTakeFirst();
  if (guest) return true;
  // A coordinator sees who asked to join their team.
  const applicant = await db
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .select("team_members.id")
    .where("teams.coordinator_id", "=", viewer)
    .where("team_members.user_id", "=", owner)
    .executeTakeFirst();
  if (applicant) return true;
  // A card's holder is named, by first name alone, to a partner checking it and an administrator looking it up.
  if (kind !== "Nm") return false;
  if (viewer === ADMIN) return (await db.selectFrom("cards").select("id").where("user_id", "=", owner).executeTakeFirst()) !== undefined;
  const checked = await db
    .selectFrom("card_checks")
    .innerJoin("cards", "cards.id", "card_checks.card_id")
    .select("card_checks.id")
    .where("card_checks.checked_by", "=", viewer)
    .where("cards.user_id", "=", owner)
    .executeTakeFirst();
  return checked !== undefined;
}

/** What a person reads of a call: its text or caption, and its buttons. */
function readable(p: Record<string, any>): string {
  const markup = p.reply_markup as { inline_keyboard?: any[][]; keyboard?: any[][] } | undefined;
  const buttons = [...(markup?.inline_keyboard ?? []), ...(markup?.keyboard ?? [])].flat().map((b) => `${b.text} ${b.url ?? ""}`);
  return [p.text, p.caption, ...buttons].filter((s) => typeof s === "string").join("\n");
}

/** The text as shown: tags gone, entities read. */
function shown(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Why Telegram would refuse the call, or undefined when it takes it. */
function invalidity(call: ApiCall): string | undefined {
  const p = call.payload;
  const html = p.parse_mode === "HTML";
  for (const [field, limit] of [
    ["text", 4_096],
    ["caption", 1_024],
  ] as const) {
    const value = p[field];
    if (value === undefined) continue;
    if (typeof value !== "string") return `${field} is not a string`;
    if (html) {
      const check = checkTelegramHtml(value);
      if (check.kind === "invalid") return `${field} is not Telegram HTML: ${check.reason}`;
    }
    const visible = html ? shown(value) : value;
    if (visible.length > limit) return `${field} of ${visible.length} characters`;
    if (field === "text" && visible.trim() === "") return "empty text";
  }
  if (call.method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > 200) return "callback answer over 200 characters";
  const markup = p.reply_markup as { inline_keyboard?: unknown; keyboard?: unknown } | undefined;
  for (const rows of [markup?.inline_keyboard, markup?.keyboard]) {
    if (rows === undefined) continue;
    if (!Array.isArray(rows) || rows.some((row) => !Array.isArray(row) || row.length === 0)) return "keyboard is not rows of buttons";
    for (const button of rows.flat() as Record<string, unknown>[]) {
      if (typeof button.text !== "string" || button.text.trim() === "") return "button without a label";
      if (rows !== markup?.inline_keyboard) continue;
      const actions = Object.keys(button).filter((k) => k !== "text" && k !== "style");
      if (actions.length !== 1) return `inline button with ${actions.length} actions`;
      const data = button.callback_data;
      if (data !== undefined && (typeof data !== "string" || data.length === 0 || Buffer.byteLength(data) > MAX_CALLBACK_BYTES)) {
        return "callback data that is not 1 to 64 bytes of text";
      }
    }
  }
  return undefined;
}

const known = new Set(people.map((p) => p.id));

/** Sends what the outbox holds due (reminders, offers, notices to staff), as the scheduler does. */
async function dispatchDue(): Promise<ApiCall[]> {
  const from = h.calls.length;
  const deps = { config: h.config, db: h.db, logger, clock: h.clock, api: h.bot.api, i18n: h.i18n, renderers: noticeRenderers };
  await new OutboxDispatcher(deps, { sleep: async (ms) => h.clock.advance(ms) }).dispatchDue();
  return h.calls.slice(from);
}

/** Everything wrong with what the bot did for one update (none: the scheduler's run). */
async function problemsOf(update: Update | undefined, batch: ApiCall[]): Promise<string[]> {
  const problems: string[] = [];
  const queryId = update?.callback_query?.id;
  if (queryId !== undefined) {
    const answers = batch.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId).length;
    if (answers !== 1) problems.push(`callback query answered ${answers} times`);
  }
  // Whatever a person writes in private gets an answer, even if only "I did not understand".
  const written = update?.message?.chat.type === "private" ? update.message.chat.id : undefined;
  if (written !== undefined && !batch.some((c) => c.method.startsWith("send") && Number(c.payload.chat_id) === written)) {
    problems.push("a private message left without an answer");
  }
  const apology = [h.i18n.t("ru", "error-generic"), h.i18n.t("kk", "error-generic")];
  for (const call of batch) {
    const wrong = invalidity(call);
    if (wrong) problems.push(`${call.method}: ${wrong}`);
    const chat = call.payload.chat_id;
    if (chat === undefined) continue;
    if (!known.has(Number(chat))) problems.push(`${call.method} to chat ${chat}, not a person's private chat`);
    const text = readable(call.payload);
    if (apology.includes(text)) problems.push(`${call.method}: the apology for an unexpected error`);
    for (const [seen, kind, owner] of text.matchAll(MARKER)) {
      // A phone number typed by someone is no one's marker.
      if (!known.has(Number(owner))) continue;
      if (!(await mayShow(Number(chat), Number(owner), kind!))) problems.push(`${call.method} to ${chat} shows ${seen}, someone else's`);
    }
  }
  if (errorLines.length > 0) problems.push(`logged an error: ${errorLines.splice(0).join(" | ").slice(0, 500)}`);
  return problems;
}

/** The run's memory of what the bot sent: buttons and links to press again, as anyone. */
const seenData: string[] = [];
const seenPayloads: string[] = [];
const replyKeyboards = new Map<number, Record<string, unknown>[]>();

function remember(batch: ApiCall[]): void {
  for (const { payload: p } of batch) {
    for (const button of (p.reply_markup?.inline_keyboard?.flat() ?? []) as { callback_data?: string }[]) {
      if (button.callback_data && !seenData.includes(button.callback_data)) seenData.push(button.callback_data);
    }
    for (const [, payload] of readable(p).matchAll(/start=([\w-]{1,64})/g)) if (!seenPayloads.includes(payload!)) seenPayloads.push(payload!);
    if (p.chat_id === undefined) continue;
    if (p.reply_markup?.keyboard) replyKeyboards.set(Number(p.chat_id), p.reply_markup.keyboard.flat());
    if (p.reply_markup?.remove_keyboard) replyKeyboards.delete(Number(p.chat_id));
  }
}

function keyboardOf(m: Message): { callback_data?: string }[] {
  return ((m.reply_markup?.inline_keyboard ?? []) as { callback_data?: string }[][]).flat();
}

/** A text answering the person's latest question as a person would (their name, their age, a few words). */
function answerTo(dice: Dice, person: TestUser): string {
  const asked = String(h.user(person).messages().at(-1)?.text ?? "");
  if (/Сколько вам лет|Жасыңыз нешеде/.test(asked)) return String(dice.int(12, 36));
  if (/Как вас зовут|Атыңыз кім/.test(asked)) return dice.chance(0.8) ? marker.name(person.id) : `${marker.name(person.id)} Серикова`;
  return dice.pick([
    `${marker.topic(person.id)}: хочу поговорить о стрессе перед экзаменами`,
    `${marker.topic(person.id)} — хочу помогать в команде`,
    marker.name(person.id),
    String(dice.int(14, 35)),
    phoneOf(person.id),
    "Иә",
    "сәлем",
    "не хочу жить",
  ]);
}

/** Someone going through the bot for a while: their steps come one after another. */
let streak = { person: people[0]!, left: 0 };

/** The next update: often a person going through a flow, often something hostile, in or out of one. */
async function nextUpdate(dice: Dice): Promise<Update> {
  if (streak.left > 0) {
    streak.left--;
    if (dice.chance(0.85)) return realisticStep(dice, streak.person);
    return hostileStep(dice, streak.person);
  }
  const person = dice.pick(people);
  if (dice.chance(0.3)) streak = { person, left: dice.int(5, 40) };
  return dice.chance(0.4) ? realisticStep(dice, person) : hostileStep(dice, person);
}

async function realisticStep(dice: Dice, person: TestUser): Promise<Update> {
  const chat = h.user(person);
  const data = chat
    .buttons()
    .map((b) => b.callback_data)
    // Erasing one's data is rare; without this, half the people would be gone within minutes.
    .filter((d): d is string => d !== undefined && (d !== "privacy:erase:yes" || dice.chance(0.05)));
  const keyboard = replyKeyboards.get(person.id);
  // The latest message without buttons is most likely a question to answer in words.
  const asked = !chat.messages().at(-1)?.reply_markup;
  const step = dice.weighted<string>([
    [data.length > 0 ? (asked ? 2 : 12) : 0, "press"],
    [keyboard ? 3 : 0, "reply-keyboard"],
    [asked ? 12 : 3, "text"],
    [1, "command"],
    [1, "card-check"],
  ]);
  switch (step) {
    case "press": {
      const chosen = dice.pick(data);
      const on = chat.messages().filter((m) => keyboardOf(m).some((b) => b.callback_data === chosen)).at(-1);
      return press(person, chosen, on);
    }
    case "reply-keyboard": {
      const button = dice.pick(keyboard!);
      if (button.request_contact) return contactMessage(person, phoneOf(person.id));
      if (button.request_location) return locationMessage(person, 43.25, 76.92);
      return textMessage(person, String(button.text));
    }
    case "text":
      return textMessage(person, answerTo(dice, person));
    case "command":
      return textMessage(person, dice.pick(["/start", "/menu", "/help", "/cancel", "/profile", "/mydata", "/card", "/staff", "/host", "/team", "/invite"]));
    default: {
      // A partner (or anyone) scans someone's card; or opens a link the bot sent someone.
      const cards = await h.db.selectFrom("cards").selectAll().orderBy("id").execute();
      if (cards.length > 0 && dice.chance(0.6)) {
        const card = dice.pick(cards);
        const token = signCardToken(CARD_SECRET, { cardId: card.id, issue: card.issue, expiresAt: new Date(card.expires_at) });
        return textMessage(dice.chance(0.7) ? people.find((p) => p.id === PARTNER)! : person, `/start card_${token}`);
      }
      if (seenPayloads.length > 0) return textMessage(person, `/start ${dice.pick(seenPayloads)}`);
      return textMessage(person, "/start");
    }
  }
}

function hostileStep(dice: Dice, person: TestUser): Update {
  const chat = h.user(person);
  const anyData = () => (seenData.length > 0 && dice.chance(0.7) ? dice.pick(seenData) : forgedData(dice));
  const step = dice.weighted<string>([
    [8, "text"],
    [6, "command"],
    [5, "press-stale"],
    [5, "press-someone-elses"],
    [5, "press-mutated"],
    [5, "press-forged"],
    [5, "content"],
    [5, "strange"],
  ]);
  switch (step) {
    case "text":
      return textMessage(person, hostileText(dice));
    case "command":
      return textMessage(person, hostileCommand(dice));
    case "press-stale": {
      const older = chat.messages().filter((m) => keyboardOf(m).some((b) => b.callback_data));
      if (older.length === 0) return press(person, anyData());
      const m = dice.pick(older);
      return press(person, dice.pick(keyboardOf(m).filter((b) => b.callback_data)).callback_data!, m);
    }
    case "press-someone-elses": {
      // Another person's button, pressed on a message of one's own or on one that does not exist.
      const own = chat.messages().filter((m) => m.reply_markup);
      return press(person, anyData(), own.length > 0 && dice.chance(0.5) ? dice.pick(own) : undefined);
    }
    case "press-mutated":
      return press(person, mutatedData(dice, anyData()), chat.messages().at(-1));
    case "press-forged":
      return press(person, forgedData(dice), dice.chance(0.5) ? chat.messages().at(-1) : undefined);
    case "content":
      return privateContent(dice, person, dice.pick(people));
    default:
      return strangeUpdate(dice, person, anyData);
  }
}

describe("hostile input", () => {
  it(`leaves no error, no unanswered press, no one's data shown to another, nothing Telegram refuses (seed ${SEED})`, async () => {
    const dice = new Dice(seededRandom(SEED));
    const kinds = new Map<string, number>();
    for (let i = 0; i < UPDATES; i++) {
      const update = await nextUpdate(dice);
      const kind = Object.keys(update).find((k) => k !== "update_id")!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const batch = await h.feed(update).catch((error: unknown) => {
        // The error itself, without grammY's context around it (the whole bot, written out).
        const cause = error instanceof BotError ? error.error : error;
        throw new Error(`seed ${SEED}, update ${i + 1} threw; the update:\n${JSON.stringify(update).slice(0, 2_000)}`, { cause });
      });
      const problems = await problemsOf(update, batch);
      if (problems.length > 0) {
        const sent = batch.map((c) => `${c.method} ${JSON.stringify(c.payload).slice(0, 300)}`).join("\n");
        throw new Error(`seed ${SEED}, update ${i + 1}: ${problems.join("; ")}\n${JSON.stringify(update).slice(0, 2_000)}\n--- the bot's calls:\n${sent}`);
      }
      remember(batch);
      // About three days pass in the run: bookings made early come due, reminders and offers go out.
      h.clock.advance(25_000);
      if (i % 200 === 199) {
        const sent = await dispatchDue();
        const wrong = await problemsOf(undefined, sent);
        if (wrong.length > 0) throw new Error(`seed ${SEED}, the outbox after update ${i + 1}: ${wrong.join("; ")}`);
        remember(sent);
      }
    }
    // The run reached every kind of update it means to, and the hostile input met people inside flows.
    expect([...kinds.keys()]).toEqual(expect.arrayContaining(["message", "callback_query", "edited_message", "my_chat_member", "inline_query", "channel_post"]));
    const rowsOf = async (table: "bookings" | "event_signups" | "team_members" | "card_checks") =>
      (await h.db.selectFrom(table).select("id").execute()).length;
    for (const table of ["bookings", "event_signups", "team_members", "card_checks"] as const) expect(await rowsOf(table)).toBeGreaterThan(0);
    const newcomers = await h.db.selectFrom("users").select("id").where("id", ">=", FIRST_ID + SIGNED_UP).where("registered_at", "is not", null).execute();
    expect(newcomers.length).toBeGreaterThan(0);
    // SQLite's file checks; PostgreSQL enforces its foreign keys on every write and has no such check.
    if (dialectOf(h.db) === "sqlite") {
      const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(h.db);
      expect(rows.map((r) => r.integrity_check)).toEqual(["ok"]);
      const { rows: orphans } = await sql`PRAGMA foreign_key_check`.execute(h.db);
      expect(orphans).toEqual([]);
    }
  }, 120_000);
});
