import { InlineKeyboard } from "grammy";
import { findPracticeSettings, savePlacement } from "../../../db/practice.js";
import { optionText } from "../../../domain/practice/exercises.js";
import { deckItem } from "../../../domain/practice/items.js";
import { placementLevel, placementQuestions, type PlacementAnswer } from "../../../domain/practice/placement.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice } from "../../shared/ask.js";
import { gridKeyboard } from "../../shared/keyboards.js";
import { stepButtons } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { placementAnswer } from "./buttons.js";
import { levelName } from "./format.js";
import { loadPracticeHome, sendPracticeHome } from "./home.js";
import { newRunId } from "./session.js";

export const PRACTICE_PLACEMENT = "practice-placement";

/**
 * The placement quiz: at the first start (`first`), and whenever the learner retakes it. A few
 * kk→ru questions across the levels set the level new items are chosen by. Skipping it the
 * first time starts at level 1; skipping a retake keeps the level.
 */
export function practicePlacementConversation(deps: AppDeps) {
  return async function practicePlacement(conversation: AppConversation, ctx: BaseContext, first = false): Promise<void> {
    const userId = ctx.from!.id;
    const quiz = await conversation.external(() => ({ runId: newRunId(), questions: placementQuestions(Math.random) }));
    const total = quiz.questions.length;
    const buttons = stepButtons(placementAnswer, { run: quiz.runId });

    if (first) await ctx.reply(ctx.t("practice-welcome"));
    const start = await askChoice(conversation, ctx, buttons, ["go", "skip"] as const, (c) => ({
      text: c.t("practice-placement-intro", { total }),
      markup: new InlineKeyboard()
        .text(c.t("practice-button-placement-go"), buttons.data("go"))
        .row()
        .text(c.t("button-skip"), buttons.data("skip")),
    }));
    ctx = start.ctx;

    if (start.choice === "skip") {
      const kept = await conversation.external(async () => {
        const settings = await findPracticeSettings(deps.db, userId);
        if (!settings) await savePlacement(deps.db, userId, 1, false, deps.clock.now());
        return settings?.level ?? null;
      });
      await ctx.reply(kept === null ? ctx.t("practice-placement-skipped") : ctx.t("practice-placement-kept", { level: levelName(ctx.t, kept) }));
    } else {
      const answers: PlacementAnswer[] = [];
      for (const [i, question] of quiz.questions.entries()) {
        const item = deckItem(question.itemId)!;
        // The question's number in the choice makes an earlier question's buttons stale.
        const choiceOf = (j: number) => `${i + 1}:${j}`;
        const options = question.options.map((id) => deckItem(id)!);
        const answer = await askChoice(conversation, ctx, buttons, options.map((_, j) => choiceOf(j)), (c) => {
          const kb = gridKeyboard(
            options.map((option, j) => InlineKeyboard.text(optionText(option, "choice-kk-ru"), buttons.data(choiceOf(j)))),
            1,
          );
          const text = `${c.t("practice-placement-step", { n: i + 1, total })}\n${c.t("practice-choice-kk-ru", { kk: escapeHtml(item.kk) })}`;
          return { text, markup: kb };
        });
        ctx = answer.ctx;
        answers.push({ level: question.level, correct: options.find((_, j) => choiceOf(j) === answer.choice)?.id === item.id });
      }
      const level = placementLevel(answers);
      await conversation.external(() => savePlacement(deps.db, userId, level, true, deps.clock.now()));
      const correct = answers.filter((a) => a.correct).length;
      await ctx.reply(ctx.t("practice-placement-result", { correct, total, level: levelName(ctx.t, level) }));
    }

    const home = await conversation.external(() => loadPracticeHome(deps, userId));
    if (home) await sendPracticeHome(ctx, home);
  };
}
