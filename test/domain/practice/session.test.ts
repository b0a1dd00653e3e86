import { Rating, State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DECK } from "../../../src/domain/practice/deck/index.js";
import { deckItem, newItemsFor } from "../../../src/domain/practice/items.js";
import { planSession, practiceDay, SESSION_SIZE, type PlannedCard } from "../../../src/domain/practice/session.js";
import { almatyDay, isDue, reviewCard } from "../../../src/domain/practice/srs.js";
import { toInstant } from "../../../src/domain/time.js";
import { clashes } from "../../support/deck-clashes.js";
import { seededRandom } from "../../support/random.js";

const NOW = toInstant("2026-11-23", "09:00");
const HOUR = 3_600_000;

describe("FSRS scheduling with a fixed clock", () => {
  it("puts a card rated Good further away than one rated Again, and Easy further still", () => {
    const again = reviewCard(null, Rating.Again, NOW);
    const good = reviewCard(null, Rating.Good, NOW);
    const easy = reviewCard(null, Rating.Easy, NOW);
    expect(again.due.getTime()).toBeGreaterThan(NOW.getTime());
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
    expect(good).toMatchObject({ reps: 1, lapses: 0, state: State.Learning, last_review: NOW });
  });

  it("grows the interval with each successful review and shrinks it after a lapse", () => {
    let card = reviewCard(null, Rating.Good, NOW);
    card = reviewCard(card, Rating.Good, card.due);
    expect(card.state).toBe(State.Review);
    const firstInterval = card.due.getTime() - card.last_review!.getTime();
    const reviewed = reviewCard(card, Rating.Good, card.due);
    expect(reviewed.due.getTime() - reviewed.last_review!.getTime()).toBeGreaterThan(firstInterval);
    const lapsed = reviewCard(card, Rating.Again, card.due);
    expect(lapsed).toMatchObject({ state: State.Relearning, lapses: 1 });
    expect(lapsed.due.getTime()).toBeLessThan(reviewed.due.getTime());
  });

  it("gives the same due dates for the same reviews", () => {
    const a = reviewCard(reviewCard(null, Rating.Good, NOW), Rating.Hard, new Date(NOW.getTime() + HOUR));
    const b = reviewCard(reviewCard(null, Rating.Good, NOW), Rating.Hard, new Date(NOW.getTime() + HOUR));
    expect(a).toEqual(b);
  });
});

describe("what is due", () => {
  it("holds a card in review due for its whole Almaty day, a learning step until its minute", () => {
    const evening = toInstant("2026-11-23", "20:00");
    expect(isDue({ due: evening, state: State.Review }, NOW)).toBe(true);
    expect(isDue({ due: evening, state: State.Learning }, NOW)).toBe(false);
    expect(isDue({ due: evening, state: State.Learning }, evening)).toBe(true);
    // Tomorrow begins at Almaty midnight, 19:00 UTC.
    expect(isDue({ due: toInstant("2026-11-24", "00:00"), state: State.Review }, NOW)).toBe(false);
    expect(isDue({ due: toInstant("2026-11-24", "00:00"), state: State.Review }, toInstant("2026-11-24", "00:00"))).toBe(true);
  });

  it("knows the Almaty day's bounds", () => {
    expect(almatyDay(new Date("2026-11-23T18:59:00Z"))).toEqual({
      date: "2026-11-23",
      start: new Date("2026-11-22T19:00:00Z"),
      end: new Date("2026-11-23T19:00:00Z"),
    });
    expect(almatyDay(new Date("2026-11-23T19:00:00Z")).date).toBe("2026-11-24");
  });
});

describe("new items by level and theme order", () => {
  it("offers items up to the learner's level first, in the deck's theme order", () => {
    for (const level of [1, 2, 3] as const) {
      const items = newItemsFor(level, new Set(), 30);
      expect(items.map((i) => i.id)).toEqual(DECK.filter((i) => i.level <= level).slice(0, 30).map((i) => i.id));
    }
  });

  it("skips items already met and goes on to harder levels when its own run out", () => {
    const easy = DECK.filter((i) => i.level === 1);
    const seen = new Set(easy.slice(1).map((i) => i.id));
    const next = newItemsFor(1, seen, 3);
    expect(next[0]!.id).toBe(easy[0]!.id);
    expect(next.slice(1).map((i) => i.level)).toEqual([2, 2]);
    expect(newItemsFor(1, seen, 0)).toEqual([]);
  });
});

describe("the practice day", () => {
  it("is what a session takes up: the due cards and today's new items, a session only caps them", () => {
    const cards: PlannedCard[] = Array.from({ length: 12 }, (_, i) => ({
      itemId: DECK[i]!.id,
      due: new Date(NOW.getTime() - (i + 1) * HOUR),
      state: State.Review,
      reps: 2,
    }));
    // A learning step later today is not due now.
    cards.push({ itemId: DECK[12]!.id, due: new Date(NOW.getTime() + HOUR), state: State.Learning, reps: 1 });
    const input = { cards, level: 1 as const, newPerDay: 3, introducedToday: 1, now: NOW };
    const day = practiceDay(input);
    expect(day.due.map((c) => c.itemId)).toEqual(cards.slice(0, 12).reverse().map((c) => c.itemId));
    expect(day.fresh).toHaveLength(2);
    const plan = planSession({ ...input, random: seededRandom(1) });
    expect(plan.map((e) => e.itemId)).toEqual(day.due.slice(0, SESSION_SIZE).map((c) => c.itemId));
  });
});

describe("planning a session", () => {
  const card = (itemId: string, due: Date, state: State, reps: number): PlannedCard => ({ itemId, due, state, reps });
  const base = { level: 1 as const, newPerDay: 10, introducedToday: 0, now: NOW, random: seededRandom(3) };

  it("puts due reviews first, most overdue first, then new items up to the session size", () => {
    const cards = [
      card("greetings-002", new Date(NOW.getTime() - HOUR), State.Review, 4),
      card("greetings-001", new Date(NOW.getTime() - 5 * HOUR), State.Review, 1),
      card("greetings-003", new Date(NOW.getTime() - 2 * HOUR), State.Relearning, 3),
      // Not due yet: a learning step in ten minutes, and a review tomorrow.
      card("greetings-004", new Date(NOW.getTime() + 10 * 60_000), State.Learning, 1),
      card("greetings-005", toInstant("2026-11-24", "09:00"), State.Review, 2),
    ];
    const plan = planSession({ ...base, cards });
    expect(plan).toHaveLength(SESSION_SIZE);
    // Each answer is the item's next review: one more than the card's reviews so far.
    expect(plan.slice(0, 3).map((e) => [e.itemId, e.kind, e.isNew, e.reviewNumber])).toEqual([
      ["greetings-001", "choice-kk-ru", false, 2],
      ["greetings-003", "typed", false, 4],
      ["greetings-002", "flashcard", false, 5],
    ]);
    const seen = new Set(cards.map((c) => c.itemId));
    expect(plan.slice(3).map((e) => e.itemId)).toEqual(newItemsFor(1, seen, 7).map((i) => i.id));
    expect(plan.slice(3).every((e) => e.isNew && e.kind === "flashcard" && e.reviewNumber === 1)).toBe(true);
    // Multiple choice carries its options; the others do not.
    expect(plan[0]!.options).toContain("greetings-001");
    expect(plan[1]!.options).toBeUndefined();
  });

  it("caps new items by what is left of today's allowance", () => {
    expect(planSession({ ...base, cards: [], newPerDay: 10, introducedToday: 7 })).toHaveLength(3);
    expect(planSession({ ...base, cards: [], newPerDay: 10, introducedToday: 10 })).toEqual([]);
    expect(planSession({ ...base, cards: [], newPerDay: 10, introducedToday: 12 })).toEqual([]);
    expect(planSession({ ...base, cards: [], newPerDay: 4 })).toHaveLength(4);
  });

  it("fills a session with reviews alone when enough are due", () => {
    const due = DECK.slice(0, 12).map((item, i) => card(item.id, new Date(NOW.getTime() - (i + 1) * HOUR), State.Review, 5));
    const plan = planSession({ ...base, cards: due });
    expect(plan).toHaveLength(SESSION_SIZE);
    expect(plan.every((e) => !e.isNew)).toBe(true);
    expect(plan[0]!.itemId).toBe(DECK[11]!.id);
  });

  it.each([
    // Reviewed once: Kazakh→Russian; twice: Russian→Kazakh.
    [1, "choice-kk-ru", 5],
    [2, "choice-ru-kk", 6],
  ] as const)("asks every item after %i reviews as %s with exactly one right option", (reps, kind, seed) => {
    const cards = DECK.map((item, i) => card(item.id, new Date(NOW.getTime() - (i + 1) * HOUR), State.Review, reps));
    const plan = planSession({ ...base, cards, random: seededRandom(seed), size: cards.length });
    expect(plan.map((e) => e.kind)).toEqual(DECK.map(() => kind));
    const problems = plan.flatMap((exercise) => {
      const options = exercise.options!.map((id) => deckItem(id)!);
      return options.flatMap((option) => clashes(option, options));
    });
    expect(problems).toEqual([]);
  });

  it("ignores cards of items the deck no longer has", () => {
    const plan = planSession({ ...base, cards: [card("gone-001", new Date(NOW.getTime() - HOUR), State.Review, 1)], newPerDay: 1 });
    expect(plan.map((e) => e.itemId)).toEqual([newItemsFor(1, new Set(), 1)[0]!.id]);
    expect(deckItem("gone-001")).toBeUndefined();
  });
});
