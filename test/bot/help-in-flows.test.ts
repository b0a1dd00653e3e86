import { Rating } from "ts-fsrs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordReview, savePlacement } from "../../src/db/practice.js";
import { findUser } from "../../src/db/users.js";
import { deckItem, newItemsFor } from "../../src/domain/practice/items.js";
import { itemBlock } from "../../src/bot/features/practice/format.js";
import { bookingDetailsText } from "../support/booking-texts.js";
import { insertCenter, insertWeekdayConsultants } from "../support/fixtures.js";
import { storedFlow } from "../support/flow-state.js";
import { createHarness, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { registerUser, signedUpUser } from "../support/users.js";

// Monday 23 November 2026, 09:00 in Almaty.
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T04:00:00Z", env: { PRACTICE_NEW_PER_DAY: "1" } });
  await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
  await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
  await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);
const askDayAtAlmaly1 = () => ru("consult-ask-day", { place: ru("consult-place-center", { center: "Центр almaly-1" }) });
const CRISIS_PHRASE = "я больше не хочу жить";
const TYPED_ITEM = "greetings-001";
const typedItem = () => deckItem(TYPED_ITEM)!;
/** The one new card of the day after the typed review (see toPracticeTyped). */
const newItem = () => newItemsFor(1, new Set([TYPED_ITEM]), 1)[0]!;

/** A message the bot sent, as the person sees it: its text and its buttons. */
function shown(call: ApiCall | undefined): { text: unknown; markup: unknown } {
  return { text: call?.payload.text, markup: call?.payload.reply_markup };
}

const lastShown = (batch: ApiCall[]) => shown(batch.filter((c) => ["sendMessage", "editMessageText"].includes(c.method)).at(-1));

/** Takes the steps in order; the batch of the last one. */
async function walk(steps: readonly (() => Promise<ApiCall[]>)[]): Promise<ApiCall[]> {
  let batch: ApiCall[] = [];
  for (const step of steps) batch = await step();
  return batch;
}

/** A new person who has answered sign-up up to the name step. */
async function toSignupName(id: number): Promise<{ u: HarnessUser; question: ApiCall[] }> {
  const u = h.user({ id, first_name: "Тест", language_code: "ru" });
  const question = await walk([() => u.send("/start"), () => u.press("su-lang:ru"), () => u.press("su-start:go"), () => u.press("su-consent:yes")]);
  return { u, question };
}

/**
 * A learner whose one review is due and old enough to be typed, then one new card: the session
 * opens with the typed exercise and goes on to a flashcard.
 */
async function toPracticeTyped(id: number): Promise<{ u: HarnessUser; question: ApiCall[] }> {
  const longAgo = new Date(h.clock.now().getTime() - 60 * 86_400_000);
  await registerUser(h.db, id, { language: "ru", now: longAgo });
  await savePlacement(h.db, id, 1, true, longAgo);
  let at = longAgo;
  for (let i = 0; i < 3; i++) {
    at = (await recordReview(h.db, { userId: id, itemId: TYPED_ITEM, reviewNumber: i + 1, rating: Rating.Good, kind: "flashcard", now: at })).due;
  }
  const u = h.user({ id, first_name: "Тест", language_code: "ru" });
  return { u, question: await u.press("practice:start") };
}

interface StepCase {
  flow: string;
  step: string;
  /** Brings a new person to the step; `question` is the batch that asked it. */
  reach(id: number): Promise<{ u: HarnessUser; question: ApiCall[] }>;
  /** Answers the step as the person would. */
  answer(u: HarnessUser): Promise<ApiCall[]>;
  /** The first thing the flow says after that answer. */
  next(): string;
  /** What the answer stored, once the flow got that far, if anything. */
  stored?(id: number): Promise<unknown>;
  expected?: unknown;
}

const STEPS: StepCase[] = [
  {
    flow: "sign-up",
    step: "name (text)",
    reach: toSignupName,
    answer: (u) => u.send("Тимур"),
    next: () => ru("signup-ask-age"),
  },
  {
    flow: "sign-up",
    step: "district (buttons)",
    async reach(id) {
      const { u } = await toSignupName(id);
      await u.send("Тимур");
      return { u, question: await u.send("20") };
    },
    answer: (u) => u.press("su-district:medeu"),
    next: () => ru("signup-ask-phone"),
  },
  {
    flow: "sign-up",
    step: "phone (contact button)",
    async reach(id) {
      const { u } = await toSignupName(id);
      await u.send("Тимур");
      await u.send("20");
      return { u, question: await u.press("su-district:medeu") };
    },
    answer: (u) => u.sendContact("+7 701 123 45 67"),
    next: () => ru("signup-phone-saved"),
  },
  {
    flow: "consultation",
    step: "service (buttons)",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      return { u, question: await u.press("menu:consult") };
    },
    answer: (u) => u.press("cs-svc:career"),
    // The profile's district (one center) answers the district step.
    next: () => askDayAtAlmaly1(),
  },
  {
    flow: "consultation",
    step: "topic (text)",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      const steps = ["menu:consult", "cs-svc:career", "cs-day:2026-11-24", "cs-time:10:00"];
      return { u, question: await walk(steps.map((data) => () => u.press(data))) };
    },
    answer: (u) => u.send("Резюме"),
    next: () =>
      ru("consult-summary", {
        details: bookingDetailsText(h, "ru", {
          date: "2026-11-24",
          time: "10:00",
          service: "career",
          center: "Центр almaly-1",
          address: "адрес",
          mode: "in_person",
          topic: "Резюме",
        }),
      }),
  },
  {
    flow: "profile edit",
    step: "name (text)",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      return { u, question: await u.press("profile:edit:name") };
    },
    answer: (u) => u.send("Даниял"),
    next: () => ru("profile-saved"),
    stored: async (id) => (await findUser(h.db, id))?.name,
    expected: "Даниял",
  },
  {
    flow: "profile edit",
    step: "guardian (buttons)",
    async reach(id) {
      const u = await signedUpUser(h, id, "ru");
      await u.press("profile:edit:age");
      return { u, question: await u.send("17") };
    },
    answer: (u) => u.press("su-guardian:yes"),
    next: () => ru("profile-saved"),
    stored: async (id) => (await findUser(h.db, id))?.age,
    expected: 17,
  },
  {
    flow: "practice",
    step: "typed answer (text)",
    reach: toPracticeTyped,
    answer: (u) => u.send(typedItem().kk),
    next: () => ru("practice-right", { item: itemBlock(ru, typedItem()) }),
    stored: (id) => h.db.selectFrom("practice_reviews").select("kind").where("user_id", "=", id).where("kind", "=", "typed").execute(),
    expected: [{ kind: "typed" }],
  },
  {
    flow: "practice",
    step: "flashcard (buttons)",
    async reach(id) {
      const { u } = await toPracticeTyped(id);
      return { u, question: await u.send(typedItem().kk) };
    },
    answer: (u) => u.click(ru("practice-button-show")),
    next: () => ru("practice-flashcard-back", { item: itemBlock(ru, newItem()) }),
  },
];

describe.each(STEPS.map((s, i) => ({ ...s, id: 3000 + i * 10 })))("help in the $flow flow, at the $step step", (c) => {
  it("/help shows the help lines at once, then the same question; the answer then goes on", async () => {
    const { u, question } = await c.reach(c.id);
    const before = await storedFlow(h, c.id);
    expect(before).toBeDefined();

    const help = await u.send("/help");
    expect(h.texts(help)).toEqual([ru("help-crisis"), lastShown(question).text]);
    expect(lastShown(help)).toEqual(lastShown(question));
    // Asking for help is not an answer: the flow is saved as it was.
    expect(await storedFlow(h, c.id)).toBe(before);

    expect(h.texts(await c.answer(u))).toContain(c.next());
    if (c.stored) expect(await c.stored(c.id)).toEqual(c.expected);
  });

  it("a crisis phrase gets the help lines, then the same question, and is not taken as the answer", async () => {
    const { u, question } = await c.reach(c.id);
    const before = await storedFlow(h, c.id);

    const crisis = await u.send(CRISIS_PHRASE);
    expect(h.texts(crisis)).toEqual([ru("crisis-detected"), ru("help-crisis"), lastShown(question).text]);
    expect(lastShown(crisis)).toEqual(lastShown(question));
    expect(await storedFlow(h, c.id)).toBe(before);

    expect(h.texts(await c.answer(u))).toContain(c.next());
    if (c.stored) expect(await c.stored(c.id)).toEqual(c.expected);
  });
});

describe("help in a flow", () => {
  it("the 🆘 button of an earlier menu shows the help lines and keeps the flow where it was", async () => {
    const u = await signedUpUser(h, 3500, "ru");
    await u.send("/start");
    const question = await u.press("menu:consult");
    const help = await u.press("menu:help");
    expect(help.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text)).toEqual([undefined]);
    expect(h.texts(help)).toEqual([ru("help-crisis"), ru("consult-ask-service")]);
    expect(lastShown(help)).toEqual(lastShown(question));
    expect(h.texts(await u.press("cs-svc:career"))).toEqual([askDayAtAlmaly1()]);
  });

  it("a crisis phrase at the topic step is not kept as the topic of the booking", async () => {
    const u = await signedUpUser(h, 3510, "ru");
    for (const data of ["menu:consult", "cs-svc:career", "cs-day:2026-11-24", "cs-time:10:00"]) await u.press(data);
    expect(h.texts(await u.send(CRISIS_PHRASE)).at(-1)).toBe(ru("consult-ask-topic", { max: 300 }));
    await u.press("cs-topic:skip");
    await u.press("cs-ok:yes");
    const bookings = await h.db.selectFrom("bookings").select(["status", "topic"]).where("user_id", "=", 3510).execute();
    expect(bookings).toEqual([{ status: "confirmed", topic: null }]);
  });

  it("outside any flow, the help lines come alone and nothing is saved as a flow", async () => {
    const u = await signedUpUser(h, 3520, "ru");
    expect(h.texts(await u.send("/help"))).toEqual([ru("help-crisis")]);
    const button = await u.press("menu:help");
    expect(button.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(h.texts(button)).toEqual([ru("help-crisis")]);
    expect(h.texts(await u.send(CRISIS_PHRASE))).toEqual([ru("crisis-detected"), ru("help-crisis")]);
    expect(await storedFlow(h, 3520)).toBeUndefined();
  });
});
