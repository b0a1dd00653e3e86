import { InlineKeyboard } from "grammy";
import { checkTypedAnswer, type LetterSlip } from "../../../domain/practice/answer-check.js";
import type { DeckItem } from "../../../domain/practice/deck/index.js";
import { optionText, type ChoiceKind } from "../../../domain/practice/exercises.js";
import { deckItem } from "../../../domain/practice/items.js";
import { SELF_RATINGS, type ExerciseOutcome } from "../../../domain/practice/ratings.js";
import type { Exercise } from "../../../domain/practice/session.js";
import type { AppConversation, BaseContext } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { gridKeyboard } from "../../shared/keyboards.js";
import type { StepButtons } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { itemBlock } from "./format.js";

/** Where an exercise stands in its session, and its buttons. */
export interface ExercisePlace {
  n: number;
  total: number;
  /** Their own per session and exercise, so that a button of an earlier exercise is stale, not an answer. */
  buttons: StepButtons;
}

/** An exercise's outcome, or null when the learner chose to finish the session. */
export interface ExerciseResult {
  outcome: ExerciseOutcome | null;
  ctx: BaseContext;
}

const STOP = "stop";

function heading(c: BaseContext, place: ExercisePlace, body: string): string {
  return `${c.t("practice-step", { n: place.n, total: place.total })}\n${body}`;
}

function stopRow(kb: InlineKeyboard, c: BaseContext, place: ExercisePlace): InlineKeyboard {
  return startRow(kb).text(c.t("practice-button-stop"), place.buttons.data(STOP));
}

/** Runs one exercise: asks, checks, tells the learner how it went. */
export async function runExercise(
  conversation: AppConversation,
  ctx: BaseContext,
  exercise: Exercise,
  place: ExercisePlace,
): Promise<ExerciseResult> {
  const item = deckItem(exercise.itemId)!;
  switch (exercise.kind) {
    case "flashcard":
      return flashcard(conversation, ctx, item, exercise.isNew, place);
    case "choice-kk-ru":
    case "choice-ru-kk":
      return multipleChoice(conversation, ctx, item, exercise.kind, exercise.options!, place);
    case "typed":
      return typed(conversation, ctx, item, place);
  }
}

/** The Kazakh first; "show" turns the card; the learner rates how well they recalled it. */
async function flashcard(
  conversation: AppConversation,
  ctx: BaseContext,
  item: DeckItem,
  isNew: boolean,
  place: ExercisePlace,
): Promise<ExerciseResult> {
  const front = await askChoice(conversation, ctx, place.buttons, ["show", STOP] as const, (c) => ({
    text: heading(c, place, c.t(isNew ? "practice-flashcard-new" : "practice-flashcard-front", { kk: escapeHtml(item.kk) })),
    markup: stopRow(new InlineKeyboard().text(c.t("practice-button-show"), place.buttons.data("show")), c, place),
  }));
  if (front.choice === STOP) return { outcome: null, ctx: front.ctx };

  const back = await askChoice(conversation, front.ctx, place.buttons, [...SELF_RATINGS, STOP] as const, (c) => {
    const kb = gridKeyboard(
      SELF_RATINGS.map((rating) => InlineKeyboard.text(c.t(`practice-rate-${rating}`), place.buttons.data(rating))),
      2,
    );
    return { text: c.t("practice-flashcard-back", { item: itemBlock(c.t, item) }), markup: stopRow(kb, c, place) };
  });
  if (back.choice === STOP) return { outcome: null, ctx: back.ctx };
  return { outcome: { kind: "flashcard", rating: back.choice }, ctx: back.ctx };
}

/** Four options, one right: the meaning of the Kazakh (kk→ru) or the Kazakh of the meaning (ru→kk). */
async function multipleChoice(
  conversation: AppConversation,
  ctx: BaseContext,
  item: DeckItem,
  kind: ChoiceKind,
  optionIds: readonly string[],
  place: ExercisePlace,
): Promise<ExerciseResult> {
  const options = optionIds.map((id) => deckItem(id)!);
  const indexes = options.map((_, i) => String(i));
  const answer = await askChoice(conversation, ctx, place.buttons, [...indexes, STOP], (c) => {
    const kb = gridKeyboard(
      options.map((option, i) => InlineKeyboard.text(optionText(option, kind), place.buttons.data(String(i)))),
      1,
    );
    const question = c.t(`practice-${kind}`, { kk: escapeHtml(item.kk), ru: escapeHtml(item.ru) });
    return { text: heading(c, place, question), markup: stopRow(kb, c, place) };
  });
  if (answer.choice === STOP) return { outcome: null, ctx: answer.ctx };
  const correct = options[Number(answer.choice)]?.id === item.id;
  await answer.ctx.reply(answer.ctx.t(correct ? "practice-right" : "practice-wrong", { item: itemBlock(answer.ctx.t, item) }));
  return { outcome: { kind: "choice", correct }, ctx: answer.ctx };
}

type TypedAnswer = { text: string } | { button: "dont-know" | typeof STOP };

/** The Kazakh typed for a Russian meaning, in any accepted spelling, forgiving look-alike letters but naming them. */
async function typed(conversation: AppConversation, ctx: BaseContext, item: DeckItem, place: ExercisePlace): Promise<ExerciseResult> {
  const answer = await askText<TypedAnswer>(conversation, ctx, {
    prompt: (c) => ({
      text: heading(c, place, c.t("practice-typed", { ru: escapeHtml(item.ru) })),
      markup: stopRow(new InlineKeyboard().text(c.t("practice-button-dont-know"), place.buttons.data("dont-know")), c, place),
    }),
    parse: (text) => ({ text }),
    invalid: (c) => c.t("need-text"),
    buttons: place.buttons,
    onButton: (choice) => (choice === "dont-know" || choice === STOP ? { button: choice } : null),
  });
  const c = answer.ctx;
  const value = answer.value;
  if ("button" in value) {
    if (value.button === STOP) return { outcome: null, ctx: c };
    await c.reply(c.t("practice-answer-shown", { item: itemBlock(c.t, item) }));
    return { outcome: { kind: "typed", verdict: "wrong" }, ctx: c };
  }
  const verdict = checkTypedAnswer(item, value.text);
  const reply =
    verdict.kind === "exact"
      ? c.t("practice-right", { item: itemBlock(c.t, item) })
      : verdict.kind === "lookalike"
        ? c.t("practice-typed-lookalike", { kk: escapeHtml(verdict.spelling), slips: slipsText(c, verdict.slips) })
        : c.t("practice-wrong", { item: itemBlock(c.t, item) });
  await c.reply(reply);
  return { outcome: { kind: "typed", verdict: verdict.kind }, ctx: c };
}

/** "ә, not а; қ, not к" in the interface language. */
function slipsText(c: BaseContext, slips: readonly LetterSlip[]): string {
  return slips.map((slip) => c.t("practice-slip", { right: slip.right, typed: slip.typed })).join("; ");
}
