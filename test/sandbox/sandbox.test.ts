import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { toInstant } from "../../src/domain/time.js";
import { parseSandboxArgs, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { adminIds, PERSONAS } from "../../src/sandbox/personas.js";

const START = "2026-12-07T09:00";
const kazakh = PERSONAS[0]!.user;
const specialist = PERSONAS.find((p) => p.role === "specialist")!.user;
const partner = PERSONAS.find((p) => p.role === "partner")!.user;
const coordinator = PERSONAS.find((p) => p.role === "coordinator")!.user;

interface ChatState {
  version: number;
  now: string;
  today: string;
  people: { id: number; name: string; role: string; language: string }[];
  messages: { message_id: number; fromBot: boolean; text?: string; reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] } }[];
  answers: { id: string; text: string; alert: boolean }[];
}

async function post(sandbox: Sandbox, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(sandbox.url + path, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

async function stateOf(sandbox: Sandbox, person: number, language = "kk"): Promise<ChatState> {
  const res = await fetch(`${sandbox.url}/api/state?person=${person}&since=0&language=${language}`);
  return (await res.json()) as ChatState;
}

/** Waits until the person's chat satisfies `done`, reading it as the page does. */
async function waitForChat(sandbox: Sandbox, person: number, done: (s: ChatState) => boolean): Promise<ChatState> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await stateOf(sandbox, person);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`chat of ${person} never got there: ${JSON.stringify(state.messages.slice(-3))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the sandbox's command line", () => {
  it("reads the database, the port and the starting time", () => {
    expect(parseSandboxArgs(["--db", "x.db", "--port", "0", "--time", START])).toEqual({
      dbPath: join(process.cwd(), "x.db"),
      port: 0,
      startAt: toInstant("2026-12-07", "09:00"),
    });
    expect(parseSandboxArgs([]).dbPath).toBeUndefined();
  });

  it.each([[["--port", "http"]], [["--time", "tomorrow"]], [["--db"]], [["--token", "x"]]])("refuses %j with a line naming it", (args) => {
    expect(() => parseSandboxArgs(args)).toThrow(ConfigError);
  });
});

describe("the sandbox", () => {
  let dir = "";
  let sandbox: Sandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jastar-sandbox-test-"));
    sandbox = await startSandbox({ dbPath: join(dir, "kept.db"), port: 0, startAt: toInstant("2026-12-07", "09:00") });
  });
  afterAll(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the page and its words in both languages", async () => {
    const page = await fetch(sandbox.url + "/");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script src="/app.js"');
    const kk = (await (await fetch(`${sandbox.url}/api/labels?language=kk`)).json()) as { labels: Record<string, string> };
    const ru = (await (await fetch(`${sandbox.url}/api/labels?language=ru`)).json()) as { labels: Record<string, string> };
    expect(kk.labels["sandbox-plus-day"]).toBe("+1 күн");
    expect(ru.labels["sandbox-plus-day"]).toBe("+1 день");
  });

  it("prepares the people: a Kazakh and a Russian speaker, a specialist with bookings, an administrator, a card partner, a team coordinator", async () => {
    const state = await stateOf(sandbox, kazakh.id);
    expect(state.people.map((p) => [p.role, p.language])).toEqual([
      ["youth", "kk"],
      ["youth", "ru"],
      ["specialist", "kk"],
      ["admin", "ru"],
      ["partner", "ru"],
      ["coordinator", "kk"],
    ]);
    expect(state.today).toBe("7 желтоқсан, дүйсенбі");
    const db = new Database(join(dir, "kept.db"), { readonly: true });
    try {
      const linked = db.prepare("select id, service from specialists where telegram_id = ?").get(specialist.id) as { id: number; service: string };
      expect(linked.service).toBe("psychologist");
      const booked = db.prepare("select count(*) as n from bookings where specialist_id = ? and status = 'confirmed'").get(linked.id) as { n: number };
      expect(booked.n).toBe(2);
      // The partner and the coordinator hold their roles through invites an administrator made and they opened.
      expect(db.prepare("select p.demo, p.active from partner_accounts a join partners p on p.id = a.partner_id where a.telegram_id = ?").get(partner.id)).toEqual({
        demo: 1,
        active: 1,
      });
      expect(db.prepare("select demo from teams where coordinator_id = ?").all(coordinator.id)).toEqual([{ demo: 1 }]);
      const invites = db.prepare("select kind, used_by, created_by from staff_invites order by kind").all();
      expect(invites).toEqual([
        { kind: "coordinator", used_by: coordinator.id, created_by: adminIds()[0] },
        { kind: "partner", used_by: partner.id, created_by: adminIds()[0] },
      ]);
      // The demo events are there too, one of them with a map point.
      expect(db.prepare("select count(*) as n from events where latitude is not null").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it("lets a person talk and press buttons, and shows them the bot's answers", async () => {
    expect((await post(sandbox, "/api/send", { person: kazakh.id, text: "/start" })).status).toBe(200);
    const asked = await waitForChat(sandbox, kazakh.id, (s) => s.messages.some((m) => m.fromBot && m.reply_markup?.inline_keyboard));
    expect(asked.messages[0]).toMatchObject({ fromBot: false, text: "/start" });
    const prompt = asked.messages.find((m) => m.reply_markup?.inline_keyboard)!;
    const kazakhButton = prompt.reply_markup!.inline_keyboard!.flat().find((b) => b.text === "Қазақша")!;
    await post(sandbox, "/api/press", { person: kazakh.id, messageId: prompt.message_id, data: kazakhButton.callback_data });
    await waitForChat(sandbox, kazakh.id, (s) => s.messages.some((m) => m.text?.includes("14 пен 35")));
  });

  it("answers what the page gets wrong with a status, and goes on", async () => {
    expect((await post(sandbox, "/api/send", { person: 999, text: "hi" })).status).toBe(404);
    expect((await post(sandbox, "/api/send", { person: kazakh.id, text: "  " })).status).toBe(400);
    expect((await post(sandbox, "/api/press", { person: kazakh.id, messageId: 9999, data: "menu:open" })).status).toBe(409);
    expect((await post(sandbox, "/api/location", { person: kazakh.id, place: 99 })).status).toBe(400);
    expect((await post(sandbox, "/api/clock", { step: "week" })).status).toBe(400);
    expect((await post(sandbox, "/api/send", "not json")).status).toBe(400);
    expect((await fetch(`${sandbox.url}/api/files/nothing`)).status).toBe(404);
    expect((await post(sandbox, "/api/scan", { file: "nothing" })).status).toBe(404);
    expect((await fetch(`${sandbox.url}/etc/passwd`)).status).toBe(404);
    expect((await stateOf(sandbox, kazakh.id)).people).toHaveLength(PERSONAS.length);
  });

  it("adds a person, who starts with an empty chat", async () => {
    const { json } = await post(sandbox, "/api/people", { name: "", language: "ru" });
    const state = await stateOf(sandbox, json.id as number);
    expect(state.people.at(-1)).toEqual({ id: json.id, name: "Гость 1", role: "guest", language: "ru" });
    expect(state.messages).toEqual([]);
  });

  it("moves the clock an hour, and to the next planned message or says there is none", async () => {
    const before = new Date((await stateOf(sandbox, kazakh.id)).now).getTime();
    expect((await post(sandbox, "/api/clock", { step: "hour" })).json).toEqual({ moved: true });
    const afterHour = new Date((await stateOf(sandbox, kazakh.id)).now).getTime();
    expect(afterHour - before).toBeGreaterThanOrEqual(3_600_000);
    expect(afterHour - before).toBeLessThan(3_600_000 + 5_000);

    // The demo bookings have reminders planned: the clock lands on the first of them, and it goes out.
    const db = new Database(join(dir, "kept.db"), { readonly: true });
    const nextDue = () =>
      db.prepare("select min(due_at) as at from outbox where state = 'pending' and due_at > ?").get(new Date(afterHour).toISOString()) as { at: string | null };
    try {
      const due = nextDue().at!;
      expect((await post(sandbox, "/api/clock", { step: "next" })).json).toEqual({ moved: true });
      const now = new Date((await stateOf(sandbox, kazakh.id)).now).getTime();
      expect(now).toBeGreaterThan(new Date(due).getTime());
      expect(now).toBeLessThan(new Date(due).getTime() + 5_000);
      const row = db.prepare("select state from outbox where due_at = ? order by id limit 1").get(due) as { state: string };
      expect(row.state).toBe("sent");
    } finally {
      db.close();
    }
    // Far enough on, nothing is planned any more.
    for (let i = 0; i < 30; i++) await post(sandbox, "/api/clock", { step: "day" });
    expect((await post(sandbox, "/api/clock", { step: "next" })).json).toEqual({ moved: false });
  });
});

describe("a sandbox database kept with --db", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is found again: the same people, no second set of demo data", async () => {
    dir = mkdtempSync(join(tmpdir(), "jastar-sandbox-kept-"));
    const dbPath = join(dir, "kept.db");
    const counts = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return db
          .prepare(
            "select (select count(*) from specialists) as s, (select count(*) from bookings) as b, (select count(*) from events) as e, (select count(*) from staff_invites) as i, (select count(*) from partner_accounts) as p, (select count(*) from teams where coordinator_id is not null) as c",
          )
          .get();
      } finally {
        db.close();
      }
    };
    const first = await startSandbox({ dbPath, port: 0 });
    await first.stop();
    const before = counts();
    const second = await startSandbox({ dbPath, port: 0 });
    await second.stop();
    expect(counts()).toEqual(before);
  });
});
