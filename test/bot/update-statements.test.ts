import { DefaultQueryCompiler } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { savePlacement } from "../../src/db/practice.js";
import { signUp } from "../../src/db/seats.js";
import { seedCatalog } from "../../src/db/seed/index.js";
import { insertEvent } from "../support/events.js";
import { createHarness, createTestDb, type Harness, type HarnessUser } from "../support/harness.js";
import { StatementLog } from "../support/statements.js";
import { insertTeaTalkSession } from "../support/teatalk.js";
import { registerUser, signedUpUser } from "../support/users.js";

let h: Harness;
const log = new StatementLog();
beforeEach(async () => {
  log.clear();
  h = await createHarness({ store: await createTestDb({ log: log.log }) });
  await log.unrecorded(() => seedCatalog(h.db));
});
afterEach(async () => {
  await h.cleanup();
});

/** The statements one update ran. */
async function statementsOf(update: () => Promise<unknown>): Promise<string[]> {
  log.clear();
  await update();
  return [...log.runs];
}

const accountLookUps = (runs: string[]) => runs.filter((sql) => /^select \* from "users" where "id" = (\?|\$1)$/.test(sql)).length;

describe("the statements an update runs", () => {
  it("a menu screen reads the person's account and flows, two statements compiled once for all updates", async () => {
    const u = await log.unrecorded(() => signedUpUser(h, 5002, "kk"));
    await u.press("menu:open");
    const compile = vi.spyOn(DefaultQueryCompiler.prototype, "compileQuery");
    try {
      for (const data of ["menu:open", "menu:teatalk", "menu:open"]) {
        const runs = await statementsOf(() => u.press(data));
        expect(runs).toHaveLength(2);
        expect(accountLookUps(runs)).toBe(1);
      }
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it("a step of a flow reads the person's account twice, outside the flow and in it, however many steps came before", async () => {
    const u: HarnessUser = await log.unrecorded(async () => {
      const u = await signedUpUser(h, 5001, "ru");
      await savePlacement(h.db, 5001, 1, true, h.clock.now());
      return u;
    });
    await u.press("practice:open");
    const lookUps = [accountLookUps(await statementsOf(() => u.press("practice:start")))];
    for (let step = 0; step < 5; step++) {
      const answer = u.buttons().find((b) => /^pr:\w+:\d+:(?!stop$)/.test(b.callback_data ?? ""));
      expect(answer, `step ${step} offers an answer`).toBeDefined();
      lookUps.push(accountLookUps(await statementsOf(() => u.press(answer!.callback_data!))));
    }
    expect(lookUps).toEqual([2, 2, 2, 2, 2, 2]);
  });
});

describe("the lists people open most read what they show in one statement", () => {
  const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

  /**
   * Nine of each ahead (more than a page), every one with one seat, taken by the first of two
   * people; the second waits in line. The list says so of each.
   */
  async function fullEvents(): Promise<HarnessUser> {
    return log.unrecorded(async () => {
      await registerUser(h.db, 701);
      await registerUser(h.db, 702);
      for (let day = 1; day <= 9; day++) {
        const startsAt = new Date(Date.parse("2026-11-23T13:00:00Z") + day * 86_400_000);
        const event = await insertEvent(h.db, { centerId: "almaly-1", startsAt, capacity: 1 });
        const session = await insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt, capacity: 1 });
        for (const id of [event, session]) {
          for (const userId of [701, 702]) await signUp(h.db, { eventId: id, userId }, { reminderMinutes: 60 }, h.clock.now());
        }
      }
      return h.user({ id: 701, first_name: "Тест", language_code: "ru" });
    });
  }

  /** The statements a press ran, and what the bot said to it. */
  async function pressed(u: HarnessUser, data: string): Promise<{ runs: string[]; text: string }> {
    log.clear();
    const batch = await u.press(data);
    return { runs: [...log.runs], text: h.texts(batch).join("\n") };
  }

  const listed = (runs: string[]) => runs.filter((sql) => /"event_signups"/.test(sql) || /from "events"/.test(sql));

  it("the events list: a page of events with their seats and how many pages, whichever page, compiled once for a kind of filter", async () => {
    const u = await fullEvents();
    await log.unrecorded(() => u.press("menu:open"));
    const compile = vi.spyOn(DefaultQueryCompiler.prototype, "compileQuery");
    try {
      for (const [data, page] of [["menu:events", 1], ["ev:l:all:all:all:1", 2], ["ev:l:all:all:all:0", 1]] as const) {
        const { runs, text } = await pressed(u, data);
        expect(runs).toHaveLength(3);
        expect(accountLookUps(runs)).toBe(1);
        // Only the page's rows: the city has thousands of events a year.
        expect(listed(runs)).toEqual([expect.stringMatching(/ limit (\?|\$\d+) offset (\?|\$\d+)$/)]);
        expect(text).toContain(ru("events-list-page", { page, pages: 2 }));
        expect(text).toContain(ru("events-seats-waitlist"));
      }
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });

  it("the tea-talk clubs: a page of sessions with their seats and how many pages, whichever page", async () => {
    const u = await fullEvents();
    for (const [data, page] of [["tt:clubs", 1], ["tt:l:all:all:1", 2]] as const) {
      const { runs, text } = await pressed(u, data);
      expect(runs).toHaveLength(3);
      expect(listed(runs)).toEqual([expect.stringMatching(/ limit (\?|\$\d+) offset (\?|\$\d+)$/)]);
      expect(text).toContain(ru("teatalk-list-page", { page, pages: 2 }));
      expect(text).toContain(ru("teatalk-seats-waitlist"));
    }
  });

  it("one's sign-ups: each with its event and place in line", async () => {
    await fullEvents();
    const waiting = h.user({ id: 702, first_name: "Тест", language_code: "ru" });
    for (const data of ["ev:my", "tt:my"]) {
      const { runs, text } = await pressed(waiting, data);
      expect(runs).toHaveLength(3);
      expect(text).toContain(ru(data === "ev:my" ? "events-status-waitlisted" : "teatalk-status-waitlisted", { position: 1 }));
    }
  });

  it("a district's centers", async () => {
    const u = await log.unrecorded(() => signedUpUser(h, 5004, "ru"));
    const runs = await statementsOf(() => u.press("centers:district:almaly"));
    expect(runs).toHaveLength(3);
    expect(runs.filter((sql) => /from "centers"/.test(sql))).toHaveLength(1);
  });
});

describe("the cards people open most ask for their roles in one statement", () => {
  const rolesAsked = (runs: string[]) => runs.filter((sql) => /from "center_admins"/.test(sql)).length;

  it("an event's and a session's card: the event, one's sign-up and whether one may share it, compiled once for all cards", async () => {
    const startsAt = "2026-11-25T13:00:00Z";
    const [event, session, u] = await log.unrecorded(() =>
      Promise.all([
        insertEvent(h.db, { centerId: "almaly-1", startsAt }),
        insertTeaTalkSession(h.db, { centerId: "almaly-1", startsAt }),
        signedUpUser(h, 5005, "ru"),
      ]),
    );
    for (const data of [`ev:e:${event}`, `tt:s:${session}`]) {
      const runs = await statementsOf(() => u.press(data));
      expect(runs).toHaveLength(5);
      expect(rolesAsked(runs)).toBe(1);
    }
    const compile = vi.spyOn(DefaultQueryCompiler.prototype, "compileQuery");
    try {
      for (const data of [`ev:e:${event}`, `tt:s:${session}`]) await u.press(data);
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });

  it("a center's card: the center, its services and offers, and whether one may share it", async () => {
    const u = await log.unrecorded(() => signedUpUser(h, 5006, "ru"));
    const runs = await statementsOf(() => u.press("centers:center:almaly-1"));
    expect(runs).toHaveLength(6);
    expect(rolesAsked(runs)).toBe(1);
    expect(runs.filter((sql) => /from "specialists"/.test(sql) && !/exists/.test(sql))).toHaveLength(1);
  });
});
