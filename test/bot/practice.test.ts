import { Rating, State } from "ts-fsrs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { itemBlock } from "../../src/bot/features/practice/format.js";
import { escapeHtml } from "../../src/bot/shared/format.js";
import { renderPracticeNudge } from "../../src/bot/features/reminders/practice-nudge.js";
import { findPracticeSettings, loadCards, practiceProgress, recordReview, savePlacement } from "../../src/db/practice.js";
import { planPracticeNudges, setPracticeNudgeTime } from "../../src/db/practice-nudges.js";
import { findUser } from "../../src/db/users.js";
import { NUDGE_TIMES } from "../../src/domain/practice-nudge.js";
import { KAZAKH_LOOKALIKES } from "../../src/domain/kazakh-letters.js";
import { DECK, type DeckItem } from "../../src/domain/practice/deck/index.js";
import { exerciseKindFor } from "../../src/domain/practice/exercises.js";
import { deckItem, newItemsFor } from "../../src/domain/practice/items.js";
import { phraseOfTheDay } from "../../src/domain/practice/phrase-of-the-day.js";
import { toInstant } from "../../src/domain/time.js";
import type { Language } from "../../src/domain/language.js";
import { screenCalls } from "../support/edits.js";
import { handleWithFlowStateLost } from "../support/flow-state.js";
import { createHarness, type ApiCall, type Harness, type HarnessUser } from "../support/harness.js";
import { textNotice } from "../support/notices.js";
import { registerUser } from "../support/users.js";
import { callbackUpdate } from "../support/updates.js";

let h: Harness;
beforeEach(async () => {
  // 09:00 in Almaty on Monday 23 November.
  h = await createHarness({ now: "2026-11-23T04:00:00Z", env: { PRACTICE_NEW_PER_DAY: "2" } });
});
afterEach(async () => {
  await h.cleanup();
});

const DAY = 86_400_000;

function translator(lang: Language) {
  return (key: string, vars?: Record<string, string | number>) => h.i18n.t(lang, key, vars);
}

function answer(batch: ApiCall[]): Record<string, any> | undefined {
  return batch.find((c) => c.method === "answerCallbackQuery")?.payload;
}

/** The Kazakh in bold in the latest question: the item a question is about. */
function askedItem(u: HarnessUser): DeckItem {
  const text = u.messages().at(-1)!.text!;
  const kk = /<b>([^<]+)<\/b>(?!.*<b>)/s.exec(text)![1]!;
  return DECK.find((item) => escapeHtml(item.kk) === kk)!;
}

/** A learner who took the quiz at `level` and has reviewed `reviews[i]` items i+1 times, long ago. */
async function seedLearner(id: number, language: Language, reviews: string[]): Promise<void> {
  const longAgo = new Date(h.clock.now().getTime() - 60 * DAY);
  await registerUser(h.db, id, { language, now: longAgo });
  await savePlacement(h.db, id, 1, true, longAgo);
  for (const [i, itemId] of reviews.entries()) {
    let at = longAgo;
    for (let r = 0; r <= i; r++) {
      const card = await recordReview(h.db, { userId: id, itemId, reviewNumber: r + 1, rating: Rating.Good, kind: "flashcard", now: at });
      at = card.due;
    }
  }
}

describe.each<Language>(["ru", "kk"])("a practice session in the %s interface", (lang) => {
  it("runs flashcards, multiple choice both ways and a typed answer, storing every review", async () => {
    const t = translator(lang);
    const id = lang === "ru" ? 801 : 802;
    // Reviewed once, twice and three times: multiple choice kk→ru, ru→kk, then typed.
    const [once, twice, thrice] = ["greetings-002", "greetings-003", "greetings-001"].map((i) => deckItem(i)!);
    await seedLearner(id, lang, [once!.id, twice!.id, thrice!.id]);
    const u = h.user({ id, first_name: "Дана", language_code: lang });

    const seeded = await loadCards(h.db, id);
    expect(seeded.every((c) => c.card.due < h.clock.now())).toBe(true);
    expect(seeded.map((c) => exerciseKindFor(c.card.reps)).sort()).toEqual(["choice-kk-ru", "choice-ru-kk", "typed"]);
    const fresh = newItemsFor(1, new Set(seeded.map((c) => c.itemId)), 2);
    // Due reviews first, most overdue first; then today's two new items.
    const order = [...seeded.map((c) => c.itemId), ...fresh.map((i) => i.id)];
    const total = order.length;
    const step = (n: number, body: string) => `${t("practice-step", { n, total })}\n${body}`;

    await u.press("practice:open");
    const started = await u.press("practice:start");
    expect(h.texts(started)[0]).toBe(t("practice-session-start", { total, due: 3, fresh: 2 }));

    let batch = started;
    const prompt = () => h.texts(batch).at(-1);
    for (const [i, itemId] of order.entries()) {
      const n = i + 1;
      const item = deckItem(itemId)!;
      const next = order[n] ? deckItem(order[n])! : undefined;
      if (item === once) {
        expect(prompt()).toBe(step(n, t("practice-choice-kk-ru", { kk: escapeHtml(item.kk) })));
        expect(u.buttons().filter((b) => !b.callback_data!.endsWith(":stop"))).toHaveLength(4);
        batch = await u.click(item.ru);
        expect(h.texts(batch)[1]).toBe(t("practice-right", { item: itemBlock(t, item) }));
      } else if (item === twice) {
        expect(prompt()).toBe(step(n, t("practice-choice-ru-kk", { ru: escapeHtml(item.ru) })));
        const wrong = u.buttons().find((b) => b.text !== item.kk && !b.callback_data!.endsWith(":stop"))!;
        expect(deckItem(DECK.find((d) => d.kk === wrong.text)!.id)!.theme).toBe(item.theme);
        batch = await u.click(wrong.text);
        expect(h.texts(batch)[1]).toBe(t("practice-wrong", { item: itemBlock(t, item) }));
      } else if (item === thrice) {
        const typedPrompt = step(n, t("practice-typed", { ru: escapeHtml(item.ru) }));
        expect(prompt()).toBe(typedPrompt);
        // A sticker where text is expected: the step repeats with a hint.
        expect(h.texts(await u.sendSticker())).toEqual([t("need-text"), typedPrompt]);
        // Russian look-alikes, capitals and punctuation: accepted, with the letters named.
        const typed = item.kk.replace(/[әғқңөұүһі]/g, (ch) => KAZAKH_LOOKALIKES[ch]!).toUpperCase() + "!";
        batch = await u.send(typed);
        const slips = [t("practice-slip", { right: "ә", typed: "а" }), t("practice-slip", { right: "і", typed: "и" })].join("; ");
        expect(h.texts(batch)[0]).toBe(t("practice-typed-lookalike", { kk: escapeHtml(item.kk), slips }));
      } else {
        const front = step(n, t("practice-flashcard-new", { kk: escapeHtml(item.kk) }));
        expect(prompt()).toBe(front);
        if (item === fresh[0]) {
          // Free text, a command and a sticker where a button is expected: repeated with a hint.
          expect(h.texts(await u.send("не знаю"))).toEqual([t("need-button"), front]);
          expect(h.texts(await u.send("/profile"))).toEqual([t("command-mid-flow"), front]);
        }
        expect(h.texts(await u.click(t("practice-button-show")))).toEqual([t("practice-flashcard-back", { item: itemBlock(t, item) })]);
        expect(u.buttons().map((b) => b.text)).toEqual([
          t("practice-rate-again"),
          t("practice-rate-hard"),
          t("practice-rate-good"),
          t("practice-rate-easy"),
          t("practice-button-stop"),
        ]);
        batch = await u.click(t(item === fresh[0] ? "practice-rate-easy" : "practice-rate-again"));
      }
      if (next) expect(h.texts(batch).at(-1)).toContain(step(n + 1, "").trim());
    }

    // Remembered: the right choice, the typed answer and the easy card. Those rated Again come
    // back in a minute, not now: nothing is due yet, as the session below finds too.
    const progress = await practiceProgress(h.db, id, h.clock.now());
    // After the record of the last card's rating.
    expect(h.texts(batch).slice(1)).toEqual([
      t("practice-session-done", { remembered: 3, total }),
      t("practice-home", {
        level: t("practice-level-1"),
        seen: 5,
        learned: progress.learned,
        streak: 1,
        due: 0,
        fresh: 0,
      }),
    ]);

    const reviews = await h.db
      .selectFrom("practice_reviews")
      .select(["item_id", "kind", "rating", "reviewed_at"])
      .where("user_id", "=", id)
      .where("reviewed_at", "=", h.clock.now().toISOString())
      .orderBy("id")
      .execute();
    const expected = {
      [once!.id]: ["choice-kk-ru", Rating.Good],
      [twice!.id]: ["choice-ru-kk", Rating.Again],
      [thrice!.id]: ["typed", Rating.Hard],
      [fresh[0]!.id]: ["flashcard", Rating.Easy],
      [fresh[1]!.id]: ["flashcard", Rating.Again],
    };
    expect(reviews.map((r) => [r.item_id, r.kind, r.rating])).toEqual(order.map((itemId) => [itemId, ...expected[itemId]!]));

    const cards = new Map((await loadCards(h.db, id)).map((c) => [c.itemId, c]));
    expect(cards.get(once!.id)!.card.reps).toBe(2);
    expect(cards.get(thrice!.id)!.card.reps).toBe(4);
    expect(cards.get(twice!.id)!.card.lapses).toBe(1);
    for (const item of fresh) {
      expect(cards.get(item.id)).toMatchObject({ introducedAt: h.clock.now(), card: { reps: 1, last_review: h.clock.now() } });
    }
    // Rated Easy lies further ahead than rated Again.
    expect(cards.get(fresh[0]!.id)!.card.due.getTime()).toBeGreaterThan(cards.get(fresh[1]!.id)!.card.due.getTime());

    // Nothing is due right now and today's two new items are done.
    const again = await u.press("practice:start");
    expect(h.texts(again)[0]).toBe(t("practice-nothing-due"));
  });
});

describe("what the practice screen counts as due", () => {
  /** A card met today and reviewed once, then moved to `due` in `state`, as time would have moved it. */
  async function cardDue(userId: number, itemId: string, due: Date, state: State): Promise<void> {
    await recordReview(h.db, { userId, itemId, reviewNumber: 1, rating: Rating.Good, kind: "flashcard", now: h.clock.now() });
    await h.db
      .updateTable("practice_cards")
      .set({ due: due.toISOString(), state })
      .where("user_id", "=", userId)
      .where("item_id", "=", itemId)
      .execute();
  }

  it("is what the session then offers: a learning step due later today is not due now", async () => {
    const t = translator("ru");
    await seedLearner(851, "ru", []);
    const now = h.clock.now();
    // Met today: today's two new items are used up, so only reviews are left.
    await cardDue(851, "greetings-001", new Date(now.getTime() - 60 * 60_000), State.Learning);
    await cardDue(851, "greetings-002", toInstant("2026-11-23", "22:00"), State.Review);
    await cardDue(851, "greetings-003", new Date(now.getTime() + 10 * 60_000), State.Learning);
    const u = h.user({ id: 851, first_name: "Дана", language_code: "ru" });

    const home = h.texts(await u.press("practice:open"));
    expect(home).toEqual([t("practice-home", { level: t("practice-level-1"), seen: 3, learned: 1, streak: 1, due: 2, fresh: 0 })]);
    expect(h.texts(await u.press("practice:start"))[0]).toBe(t("practice-session-start", { total: 2, due: 2, fresh: 0 }));
  });

  it("says nothing is due when the session would have nothing", async () => {
    const t = translator("kk");
    await seedLearner(852, "kk", []);
    const now = h.clock.now();
    await cardDue(852, "greetings-001", new Date(now.getTime() + 10 * 60_000), State.Learning);
    await cardDue(852, "greetings-002", new Date(now.getTime() + 5 * 60 * 60_000), State.Relearning);
    const u = h.user({ id: 852, first_name: "Дана", language_code: "kk" });

    const home = h.texts(await u.press("practice:open"));
    expect(home).toEqual([t("practice-home", { level: t("practice-level-1"), seen: 2, learned: 0, streak: 1, due: 0, fresh: 0 })]);
    expect(h.texts(await u.press("practice:start"))[0]).toBe(t("practice-nothing-due"));

    // Ten minutes on, the learning step is due, and both the screen and the session say so.
    h.clock.advance(10 * 60_000);
    expect(h.texts(await u.press("practice:open"))[0]).toBe(
      t("practice-home", { level: t("practice-level-1"), seen: 2, learned: 0, streak: 1, due: 1, fresh: 0 }),
    );
    expect(h.texts(await u.press("practice:start"))[0]).toBe(t("practice-session-start", { total: 1, due: 1, fresh: 0 }));
  });
});

describe("the placement quiz", () => {
  it("greets a first-timer, sets the level from the answers and can be retaken or skipped", async () => {
    await registerUser(h.db, 811, { language: "ru" });
    const u = h.user({ id: 811, first_name: "Ерлан", language_code: "ru" });
    const t = translator("ru");
    const intro = t("practice-placement-intro", { total: 6 });

    expect(h.texts(await u.press("practice:open"))).toEqual([t("practice-welcome"), intro]);
    expect(h.texts(await u.send("давай"))).toEqual([t("need-button"), intro]);
    expect(h.texts(await u.sendSticker())).toEqual([t("need-button"), intro]);

    let batch = await u.click(t("practice-button-placement-go"));
    for (let n = 1; n <= 6; n++) {
      const item = askedItem(u);
      expect(h.texts(batch)).toEqual([`${t("practice-placement-step", { n, total: 6 })}\n${t("practice-choice-kk-ru", { kk: escapeHtml(item.kk) })}`]);
      expect(item.level).toBe(Math.ceil(n / 2));
      batch = await u.click(item.ru);
    }
    expect(h.texts(batch)[1]).toBe(t("practice-placement-result", { correct: 6, total: 6, level: t("practice-level-3") }));
    // The practice screen comes below the result as a new message.
    const home = batch.filter((c) => c.method === "sendMessage").at(-1)!;
    expect(home.payload.reply_markup.inline_keyboard[0][0].callback_data).toBe("practice:start");
    expect(await findPracticeSettings(h.db, 811)).toMatchObject({ level: 3, placement_done: 1 });

    // Retaken: levels 1 and 2 right, level 3 wrong → level 2.
    expect(h.texts(await u.press("practice:placement"))).toEqual([intro]);
    batch = await u.click(t("practice-button-placement-go"));
    for (let n = 1; n <= 6; n++) {
      const item = askedItem(u);
      batch = await u.click(n <= 4 ? item.ru : u.buttons().find((b) => b.text !== item.ru)!.text);
    }
    expect(h.texts(batch)[1]).toBe(t("practice-placement-result", { correct: 4, total: 6, level: t("practice-level-2") }));
    expect((await findPracticeSettings(h.db, 811))?.level).toBe(2);

    // Skipping a retake keeps the level.
    await u.press("practice:placement");
    expect(h.texts(await u.click(t("button-skip")))[1]).toBe(t("practice-placement-kept", { level: t("practice-level-2") }));
    expect(await findPracticeSettings(h.db, 811)).toMatchObject({ level: 2, placement_done: 1 });
  });

  it("starts a learner who skips it at level 1, in the Kazakh interface", async () => {
    await registerUser(h.db, 812, { language: "kk" });
    const u = h.user({ id: 812, first_name: "Әлия", language_code: "kk" });
    const t = translator("kk");
    await u.press("practice:start");
    const skipped = await u.click(t("button-skip"));
    expect(h.texts(skipped)[1]).toBe(t("practice-placement-skipped"));
    expect(h.texts(skipped)[2]).toBe(
      t("practice-home", { level: t("practice-level-1"), seen: 0, learned: 0, streak: 0, due: 0, fresh: 2 }),
    );
    expect(await findPracticeSettings(h.db, 812)).toMatchObject({ level: 1, placement_done: 0, new_per_day: null });
    expect(u.buttons().map((b) => b.callback_data)).toEqual([
      "practice:start",
      "practice:placement",
      "practice:pace",
      "nudge:open:practice",
      "menu:teatalk",
      "menu:open",
    ]);
  });
});

describe("a typed answer", () => {
  it.each([
    // The deck teaches "рахмет", the bot's own messages write "рақмет": both are right.
    { itemId: "greetings-007", typed: "Рақмет!", rating: Rating.Good, reply: "right" },
    { itemId: "greetings-007", typed: "ракмет", rating: Rating.Hard, reply: "рақмет" },
    // "Здравствуйте" is asked; a synonym answers it as well as the word taught.
    { itemId: "greetings-001", typed: "амансыз ба", rating: Rating.Good, reply: "right" },
    // A near word that the note in the meaning rules out: "внук, внучка (ребёнок сына)" is not жиен.
    { itemId: "family-014", typed: "жиен", rating: Rating.Again, reply: "wrong" },
  ])("for $itemId typed as $typed is rated $rating", async ({ itemId, typed, rating, reply }) => {
    const id = 841;
    const longAgo = new Date(h.clock.now().getTime() - 60 * DAY);
    await registerUser(h.db, id, { language: "ru", now: longAgo });
    await savePlacement(h.db, id, 1, true, longAgo);
    // Reviewed three times: the fourth exercise is typed.
    let at = longAgo;
    for (let r = 0; r < 3; r++) at = (await recordReview(h.db, { userId: id, itemId, reviewNumber: r + 1, rating: Rating.Good, kind: "flashcard", now: at })).due;
    const t = translator("ru");
    const item = deckItem(itemId)!;
    const u = h.user({ id, first_name: "Дана", language_code: "ru" });

    const started = await u.press("practice:start");
    expect(h.texts(started).at(-1)).toContain(t("practice-typed", { ru: escapeHtml(item.ru) }));
    const batch = await u.send(typed);
    const expected =
      reply === "right"
        ? t("practice-right", { item: itemBlock(t, item) })
        : reply === "wrong"
          ? t("practice-wrong", { item: itemBlock(t, item) })
          : t("practice-typed-lookalike", { kk: reply, slips: t("practice-slip", { right: "қ", typed: "к" }) });
    expect(h.texts(batch)[0]).toBe(expected);
    const reviews = await h.db.selectFrom("practice_reviews").select(["item_id", "kind", "rating"]).where("user_id", "=", id).where("kind", "=", "typed").execute();
    expect(reviews).toEqual([{ item_id: itemId, kind: "typed", rating }]);
  });
});

describe("leaving and resuming a session", () => {
  it("survives a restart, stops on request and treats old buttons as stale", async () => {
    await seedLearner(821, "ru", []);
    const u = h.user({ id: 821, first_name: "Тимур", language_code: "ru" });
    const t = translator("ru");
    await u.press("practice:start");
    await u.click(t("practice-button-show"));
    await u.click(t("practice-rate-good"));
    await u.click(t("practice-button-show"));
    const rateGood = u.buttons().find((b) => b.text === t("practice-rate-good"))!.callback_data!;

    const restarted = await createHarness({ store: h.store, now: h.clock.now().toISOString(), env: { PRACTICE_NEW_PER_DAY: "2" } });
    const again = restarted.user({ id: 821, first_name: "Тимур", language_code: "ru" });
    const done = await again.press(rateGood);
    expect(restarted.texts(done)[1]).toBe(t("practice-session-done", { remembered: 2, total: 2 }));
    const rows = await h.db.selectFrom("practice_reviews").select(["rating"]).where("user_id", "=", 821).execute();
    expect(rows).toEqual([{ rating: Rating.Good }, { rating: Rating.Good }]);

    // A button of the finished session is stale now.
    const stale = await u.press(rateGood);
    expect(answer(stale)).toMatchObject({ text: t("stale-button-alert") });
    expect(h.texts(stale)[0]).toBe(t("stale-button"));
  });

  it("stores an answer once when the session is replayed after the answer was stored", async () => {
    await seedLearner(823, "ru", []);
    const u = h.user({ id: 823, first_name: "Тимур", language_code: "ru" });
    const t = translator("ru");
    await u.press("practice:start");
    const item = askedItem(u);
    await u.click(t("practice-button-show"));
    const rateGood = u.buttons().find((b) => b.text === t("practice-rate-good"))!.callback_data!;

    // The review is stored, then the session's state is lost: it is still at the rating.
    const lost = await handleWithFlowStateLost(h, callbackUpdate(u, rateGood, u.messages().at(-1)));
    expect(h.texts(lost).at(-1)).toBe(t("error-generic"));
    const once = await loadCards(h.db, 823);
    expect(once.map((c) => [c.itemId, c.card.reps])).toEqual([[item.id, 1]]);

    // The same press again replays the session: the rating is found stored, not stored again.
    const again = await u.press(rateGood);
    expect(h.texts(again).at(-1)).toContain(t("practice-step", { n: 2, total: 2 }));
    expect(await loadCards(h.db, 823)).toEqual(once);
    const rows = await h.db.selectFrom("practice_reviews").select(["item_id", "rating"]).where("user_id", "=", 823).execute();
    expect(rows).toEqual([{ item_id: item.id, rating: Rating.Good }]);

    await u.click(t("practice-button-show"));
    const done = await u.click(t("practice-rate-good"));
    expect(h.texts(done)[1]).toBe(t("practice-session-done", { remembered: 2, total: 2 }));
    expect(await h.db.selectFrom("practice_reviews").select("rating").where("user_id", "=", 823).execute()).toHaveLength(2);
  });

  it("stops with the stop button or /cancel, keeping the answers given", async () => {
    await seedLearner(822, "kk", []);
    const u = h.user({ id: 822, first_name: "Айбек", language_code: "kk" });
    const t = translator("kk");
    await u.press("practice:start");
    await u.click(t("practice-button-show"));
    await u.click(t("practice-rate-hard"));
    const stopped = await u.click(t("practice-button-stop"));
    expect(h.texts(stopped)[1]).toBe(t("practice-session-stopped"));
    expect(await h.db.selectFrom("practice_reviews").select("rating").where("user_id", "=", 822).execute()).toEqual([{ rating: Rating.Hard }]);

    // Half an hour later the hard card is due again; /cancel leaves mid-exercise.
    h.clock.advance(30 * 60_000);
    await u.press("practice:start");
    const cancelled = await u.send("/cancel");
    expect(h.texts(cancelled)).toEqual([t("cancelled"), t("menu-title")]);
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
  });
});

describe("practice settings and access", () => {
  it("lets the learner choose new items per day and rejects a number not offered", async () => {
    await seedLearner(831, "ru", []);
    const u = h.user({ id: 831, first_name: "Мадина", language_code: "ru" });
    const t = translator("ru");
    await u.press("practice:open");
    const screen = u.messages().at(-1)!.message_id;
    const choices = await u.press("practice:pace");
    expect(h.texts(choices)).toEqual([t("practice-pace-choose")]);
    expect(screenCalls(choices)).toEqual({ edited: [screen], sent: 0 });
    expect(u.buttons().map((b) => b.text)).toEqual(["5", "10", "15", "20", t("button-back")]);
    const saved = await u.press("practice:pace:15");
    expect(answer(saved)).toMatchObject({ text: t("practice-pace-saved", { n: 15 }) });
    expect(screenCalls(saved)).toEqual({ edited: [screen], sent: 0 });
    expect(u.messages()).toHaveLength(1);
    expect((await findPracticeSettings(h.db, 831))?.new_per_day).toBe(15);
    expect(u.buttons().find((b) => b.callback_data === "practice:pace")?.text).toBe(t("practice-button-pace", { n: 15 }));

    const forged = await u.press("practice:pace:7");
    expect(answer(forged)).toMatchObject({ text: t("stale-button-alert") });
    expect((await findPracticeSettings(h.db, 831))?.new_per_day).toBe(15);
  });

  it("sets the daily reminder from the practice screen and comes back to it", async () => {
    await seedLearner(833, "kk", []);
    const u = h.user({ id: 833, first_name: "Мадина", language_code: "kk" });
    const t = translator("kk");
    await u.press("practice:open");
    const screen = u.messages().at(-1)!.message_id;
    const times = await u.press("nudge:open:practice");
    expect(h.texts(times)).toEqual([t("nudge-choose")]);
    expect(screenCalls(times)).toEqual({ edited: [screen], sent: 0 });
    expect(u.buttons().map((b) => b.callback_data)).toEqual([
      ...NUDGE_TIMES.map((time) => `nudge:set:${time}:practice`),
      "nudge:set:off:practice",
      "practice:open",
    ]);
    const saved = await u.press("nudge:set:21:00:practice");
    expect(answer(saved)).toMatchObject({ text: t("nudge-saved", { time: "21:00" }) });
    expect(h.texts(saved)).toEqual([t("practice-home", { level: t("practice-level-1"), seen: 0, learned: 0, streak: 0, due: 0, fresh: 2 })]);
    expect(screenCalls(saved)).toEqual({ edited: [screen], sent: 0 });
    expect(u.buttons().find((b) => b.callback_data === "nudge:open:practice")?.text).toBe(t("nudge-profile-button-on", { time: "21:00" }));
    expect((await findUser(h.db, 833))?.practice_nudge_time).toBe("21:00");

    await u.press("nudge:open:practice");
    const off = await u.press("nudge:set:off:practice");
    expect(h.texts(off)).toEqual([t("practice-home", { level: t("practice-level-1"), seen: 0, learned: 0, streak: 0, due: 0, fresh: 2 })]);
    expect(u.buttons().find((b) => b.callback_data === "nudge:open:practice")?.text).toBe(t("nudge-profile-button-off"));
    expect((await findUser(h.db, 833))?.practice_nudge_time).toBeNull();
  });

  it("asks someone without an account to sign up first", async () => {
    const u = h.user({ id: 832, first_name: "Гость", language_code: "ru" });
    const batch = await u.press("practice:open");
    expect(answer(batch)).toBeDefined();
    expect(h.texts(batch)).toEqual([h.i18n.t("ru", "need-signup")]);
    expect(answer(await u.press("practice:start"))).toMatchObject({ text: h.i18n.t("ru", "stale-button-alert") });
    expect(await findPracticeSettings(h.db, 832)).toBeUndefined();
  });
});

describe("the phrase of the day in the daily nudge", () => {
  it("is the nudge date's phrase at the learner's level, with a button into practice", async () => {
    const t = translator("ru");
    const now = h.clock.now();
    await seedLearner(841, "ru", []);
    await savePlacement(h.db, 841, 3, true, now);
    await setPracticeNudgeTime(h.db, 841, "20:00", now);
    await planPracticeNudges(h.db, now, 841);
    const row = await h.db.selectFrom("outbox").selectAll().where("recipient_id", "=", 841).executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload) as { date: string };
    expect(payload.date).toBe("2026-11-23");

    const phrase = phraseOfTheDay(payload.date, 3);
    // The level matters: a beginner would get another phrase that day.
    expect(phrase).not.toBe(phraseOfTheDay(payload.date, 1));
    // Rendered late (after midnight, as a retry might be), it keeps the nudge's own date.
    const late = toInstant("2026-11-24", "00:30");
    const recipient = await findUser(h.db, row.recipient_id);
    const rendered = textNotice(await renderPracticeNudge({ row, recipient, payload, language: "ru", t, db: h.db, now: late }));
    expect(rendered).toEqual({
      text: `${t("nudge-text")}\n\n${t("practice-phrase-of-the-day", { item: itemBlock(t, phrase) })}`,
      reply_markup: { inline_keyboard: [[{ text: t("nudge-button-practice"), callback_data: "practice:open:nudge" }]] },
    });

    // Its button opens practice below it: the phrase of the day stays in the chat.
    await h.bot.api.sendMessage(841, rendered!.text, { reply_markup: rendered!.reply_markup });
    const u = h.user({ id: 841, first_name: "Сая", language_code: "ru" });
    const opened = await u.click(t("nudge-button-practice"));
    expect(h.texts(opened)).toEqual([t("practice-home", { level: t("practice-level-3"), seen: 0, learned: 0, streak: 0, due: 0, fresh: 2 })]);
    expect(screenCalls(opened)).toEqual({ edited: [], sent: 1 });
    expect(u.messages()[0]!.text).toBe(rendered!.text);
  });
});
