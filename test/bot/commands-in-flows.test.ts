import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Specialist } from "../../src/db/schema.js";
import { findUser } from "../../src/db/users.js";
import { insertCenter, insertWeekdayConsultants } from "../support/fixtures.js";
import { storedFlow } from "../support/flow-state.js";
import { createHarness, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { signedUpUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
let psychologist: Specialist;
const SPECIALIST_ID = 9001;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z" });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  ({ psychologist } = await insertWeekdayConsultants(h.db, {
    psychologistCenterId: "medeu-1",
    psychologistTelegramId: SPECIALIST_ID,
    careerCenterId: "almaly-1",
  }));
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const staffMenu = () => ru("staff-menu", { name: psychologist.display_name, service: ru("service-psychologist"), center: "Центр medeu-1" });

/** Takes the steps in order; the batch of the last one. */
async function walk(steps: readonly (() => Promise<ApiCall[]>)[]): Promise<ApiCall[]> {
  let batch: ApiCall[] = [];
  for (const step of steps) batch = await step();
  return batch;
}

async function toSignupName(id: number): Promise<HarnessUser> {
  const u = h.user({ id, first_name: "Тест", language_code: "ru" });
  await walk([() => u.send("/start"), () => u.press("su-lang:ru"), () => u.press("su-start:go"), () => u.press("su-consent:yes")]);
  return u;
}

interface FlowCase {
  flow: string;
  step: string;
  /** Brings a new person to the step. */
  reach(id: number): Promise<HarnessUser>;
  /** What /start and /menu show after the flow-left line. */
  start: () => string[];
  menu: () => string[];
  /** The step's answer, given once the flow is left. */
  answer(u: HarnessUser): Promise<ApiCall[]>;
  /** What that answer would have stored in the flow. */
  stored(id: number): Promise<unknown>;
}

const FLOWS: FlowCase[] = [
  {
    flow: "sign-up",
    step: "name",
    reach: toSignupName,
    // A new person's /start begins the sign-up again, from its first question.
    start: () => [ru("signup-choose-language")],
    menu: () => [ru("menu-title")],
    answer: (u) => u.send("Тимур"),
    stored: async (id) => (await findUser(h.db, id))?.name ?? null,
  },
  {
    flow: "sign-up",
    step: "phone (a reply keyboard)",
    async reach(id) {
      const u = await toSignupName(id);
      await walk([() => u.send("Тимур"), () => u.send("20"), () => u.press("su-district:medeu")]);
      return u;
    },
    start: () => [ru("signup-choose-language")],
    menu: () => [ru("menu-title")],
    answer: (u) => u.sendContact("+7 701 123 45 67"),
    stored: async (id) => (await findUser(h.db, id))?.phone ?? null,
  },
  {
    flow: "consultation",
    step: "service",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      await u.press("menu:consult");
      return u;
    },
    start: () => [ru("menu-title")],
    menu: () => [ru("menu-title")],
    answer: (u) => u.press("cs-svc:career"),
    stored: (id) => h.db.selectFrom("bookings").select("id").where("user_id", "=", id).execute(),
  },
  {
    flow: "consultation",
    step: "topic",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      await walk(["menu:consult", "cs-svc:career", "cs-day:2026-11-24", "cs-time:10:00"].map((data) => () => u.press(data)));
      return u;
    },
    start: () => [ru("menu-title")],
    menu: () => [ru("menu-title")],
    answer: (u) => u.send("Резюме"),
    stored: (id) => h.db.selectFrom("bookings").select("id").where("user_id", "=", id).execute(),
  },
  {
    flow: "profile edit",
    step: "name",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      await u.press("profile:edit:name");
      return u;
    },
    start: () => [ru("menu-title")],
    menu: () => [ru("menu-title")],
    answer: (u) => u.send("Даниял"),
    stored: async (id) => (await findUser(h.db, id))?.name,
  },
  {
    flow: "block-time",
    step: "start time",
    async reach() {
      const u = h.user({ id: SPECIALIST_ID, first_name: "Айжан", language_code: "ru" });
      await walk([() => u.press("staff:block"), () => u.press("stb-date:2026-11-24")]);
      return u;
    },
    // A specialist's /start is the staff menu, as outside a flow.
    start: () => [staffMenu()],
    menu: () => [ru("menu-title")],
    answer: (u) => u.press("stb-start:10:00"),
    stored: () => h.db.selectFrom("blocked_times").select("id").execute(),
  },
];

const CASES = FLOWS.map((c, i) => ({ ...c, id: c.flow === "block-time" ? SPECIALIST_ID : 6000 + i * 10 }));

describe.each(CASES)("commands in the $flow flow, at the $step step", (c) => {
  it.each(["/start", "/menu"] as const)("%s leaves the flow, says so in one line, and does what it says", async (command) => {
    const u = await c.reach(c.id);
    const before = await storedFlow(h, c.id);
    expect(before).toBeDefined();
    const nothingYet = await c.stored(c.id);

    const sent = await u.send(command);
    expect(h.texts(sent)).toEqual([ru("flow-left"), ...(command === "/start" ? c.start() : c.menu())]);
    // The step's reply keyboard (the phone button) goes with the flow.
    expect(sent.find((call) => call.payload.text === ru("flow-left"))?.payload.reply_markup).toEqual({ remove_keyboard: true });
    expect(await storedFlow(h, c.id)).not.toBe(before);

    // The left step's answer is no longer taken.
    await c.answer(u);
    expect(await c.stored(c.id)).toEqual(nothingYet);
  });

  it("/help shows the help lines and asks the same question; the flow stays", async () => {
    const u = await c.reach(c.id);
    const question = u.messages().at(-1)!.text;
    const before = await storedFlow(h, c.id);
    expect(h.texts(await u.send("/help"))).toEqual([ru("help-crisis"), question]);
    expect(await storedFlow(h, c.id)).toBe(before);
  });

  it.each(["/profile", "/mydata", "/somethingelse"])("%s keeps the flow and the hint, and asks the same question", async (command) => {
    const u = await c.reach(c.id);
    const question = u.messages().at(-1)!.text;
    const before = await storedFlow(h, c.id);
    expect(h.texts(await u.send(command))).toEqual([ru("command-mid-flow"), question]);
    expect(await storedFlow(h, c.id)).toBe(before);
  });
});

describe("/start in the middle of sign-up", () => {
  it("begins the sign-up again, which then goes through as a new one", async () => {
    const u = await toSignupName(6500);
    await u.send("/start");
    expect(h.texts(await u.press("su-lang:ru"))).toEqual([ru("signup-overview")]);
    expect(h.texts(await u.press("su-start:go"))).toEqual([ru("signup-consent")]);
    expect(h.texts(await u.press("su-consent:yes"))).toEqual([ru("signup-ask-name")]);
    expect(h.texts(await u.send("Тимур"))).toEqual([ru("signup-ask-age")]);
  });
});
