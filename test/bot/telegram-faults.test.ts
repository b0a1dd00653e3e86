import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationKey } from "../../src/db/conversation-state.js";
import { insertCenter, insertWeekdayConsultants } from "../support/fixtures.js";
import { createHarness, type ApiCall, type Harness, type TelegramFault } from "../support/harness.js";
import { signedUpUser } from "../support/users.js";

/** After the service, the flow goes straight to the days of the profile's district (Almaly). */
const askDayAtProfileDistrict = () => ru("consult-ask-day", { place: ru("consult-place-center", { center: "Центр almaly-1" }) });

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const ru = (key: string, vars?: Record<string, string | number>) => h.i18n.t("ru", key, vars);

/** What Telegram does now and then: slow down (for a second), fail inside, drop the connection. */
const TRANSIENT: [string, TelegramFault][] = [
  ["a 429 with retry_after 1", { error_code: 429, retry_after: 1 }],
  ["a 500", { error_code: 500 }],
  ["a 502", { error_code: 502 }],
  ["a connection reset", "connection reset"],
];
/** How many attempts a call gets before its failure reaches the handler. */
const ATTEMPTS = 4;

const savedFlow = async (chatId: number) =>
  h.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(chatId)).executeTakeFirst();
const answersTo = (batch: ApiCall[], queryId: string) =>
  batch.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId);
const queryIdOf = (batch: ApiCall[]) => String(batch.find((c) => c.method === "answerCallbackQuery")?.payload.callback_query_id);

describe("one failed Bot API call while a flow answers a step", () => {
  for (const [fault, injected] of TRANSIENT) {
    it(`does not lose sign-up after ${fault}: the person sees the next step`, async () => {
      const u = h.user({ id: 601, first_name: "Айгерим", language_code: "ru" });
      await u.send("/start");
      h.failNext("editMessageText", injected);
      const step = await u.press("su-lang:ru");

      expect(h.failed.map((c) => c.method)).toEqual(["editMessageText"]);
      expect(h.texts(step)).toEqual([ru("signup-overview")]);
      // A press edits its message into the next step: the edit went through once, on the retry;
      // the query was answered once.
      expect(step.filter((c) => c.method === "editMessageText")).toHaveLength(1);
      expect(answersTo(step, queryIdOf(step))).toHaveLength(1);
      expect(h.texts(await u.press("su-start:go"))).toEqual([ru("signup-consent")]);
    });

    it(`does not lose the booking's service step after ${fault}`, async () => {
      await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
      await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
      await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
      const u = await signedUpUser(h, 602, "ru");
      expect(h.texts(await u.press("menu:consult"))).toEqual([ru("consult-ask-service")]);
      h.failNext("editMessageText", injected);
      const step = await u.press("cs-svc:career");

      expect(h.failed.map((c) => c.method)).toEqual(["editMessageText"]);
      expect(h.texts(step)).toEqual([askDayAtProfileDistrict()]);
      expect(h.texts(step)).not.toContain(ru("error-generic"));
      expect(h.texts(step)).not.toContain(ru("stale-button"));
      expect(answersTo(step, queryIdOf(step))).toHaveLength(1);
    });
  }
});

describe("a Bot API call that keeps failing while a flow answers a step", () => {
  it("apologises once, keeps the flow where it was, and the same press works once Telegram is back", async () => {
    const u = h.user({ id: 603, first_name: "Айгерим", language_code: "ru" });
    await u.send("/start");
    await u.press("su-lang:ru");
    const before = await savedFlow(u.id);

    h.failNext("editMessageText", { error_code: 502 }, ATTEMPTS);
    const failedStep = await u.press("su-start:go");
    expect(h.failed.filter((c) => c.method === "editMessageText")).toHaveLength(ATTEMPTS);
    expect(h.texts(failedStep)).toEqual([ru("error-generic")]);
    // The step answered the query before its edit failed; the error handler does not again.
    expect(answersTo(failedStep, queryIdOf(failedStep))).toHaveLength(1);
    expect(await savedFlow(u.id)).toEqual(before);

    expect(h.texts(await u.press("su-start:go"))).toEqual([ru("signup-consent")]);
    expect(h.texts(await u.press("su-consent:yes"))).toEqual([ru("signup-ask-name")]);
  });

  it("keeps the booking's service step: the same service press works once Telegram is back", async () => {
    await insertCenter(h.db, { id: "almaly-1", district: "almaly" });
    await insertCenter(h.db, { id: "medeu-1", district: "medeu" });
    await insertWeekdayConsultants(h.db, { psychologistCenterId: "medeu-1", psychologistTelegramId: 9001, careerCenterId: "almaly-1" });
    const u = await signedUpUser(h, 606, "ru");
    await u.press("menu:consult");
    const before = await savedFlow(u.id);

    h.failNext("editMessageText", "connection reset", ATTEMPTS);
    const failedStep = await u.press("cs-svc:career");
    expect(h.texts(failedStep)).toEqual([ru("error-generic")]);
    expect(answersTo(failedStep, queryIdOf(failedStep))).toHaveLength(1);
    expect(await savedFlow(u.id)).toEqual(before);

    expect(h.texts(await u.press("cs-svc:career"))).toEqual([askDayAtProfileDistrict()]);
  });

  it("keeps a typed answer's step too: typing again works", async () => {
    const u = h.user({ id: 604, first_name: "Айгерим", language_code: "ru" });
    await u.send("/start");
    for (const data of ["su-lang:ru", "su-start:go", "su-consent:yes"]) await u.press(data);

    h.failNext("sendMessage", "connection reset", ATTEMPTS);
    expect(h.texts(await u.send("Дана"))).toEqual([ru("error-generic")]);
    expect(h.texts(await u.send("Дана"))).toEqual([ru("signup-ask-age")]);
    expect(h.texts(await u.send("22"))).toEqual([ru("signup-ask-district")]);
  });

  it("goes on with a press whose query Telegram no longer takes an answer for, as after a restart", async () => {
    const u = h.user({ id: 607, first_name: "Айгерим", language_code: "ru" });
    await u.send("/start");
    const expired = "Bad Request: query is too old and response timeout expired or query ID is invalid";
    h.failNext("answerCallbackQuery", { error_code: 400, description: expired });
    const step = await u.press("su-lang:ru");

    expect(h.failed.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(h.texts(step)).toEqual([ru("signup-overview")]);
    expect(h.texts(await u.press("su-start:go"))).toEqual([ru("signup-consent")]);
  });

  it("answers the query in the error handler when the step could not", async () => {
    const u = h.user({ id: 605, first_name: "Айгерим", language_code: "ru" });
    await u.send("/start");
    h.failNext("answerCallbackQuery", { error_code: 500 }, ATTEMPTS);
    const failedStep = await u.press("su-lang:ru");
    const queryId = String(h.failed.find((c) => c.method === "answerCallbackQuery")?.payload.callback_query_id);

    expect(answersTo(failedStep, queryId)).toHaveLength(1);
    expect(h.texts(failedStep)).toEqual([ru("error-generic")]);
    expect(h.texts(await u.press("su-lang:ru"))).toEqual([ru("signup-overview")]);
  });
});
