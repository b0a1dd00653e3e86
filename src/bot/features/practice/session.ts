import { Rating } from "ts-fsrs";
import { findPracticeSettings, recordReview } from "../../../db/practice.js";
import { ratingFor } from "../../../domain/practice/ratings.js";
import { planSession, type Exercise } from "../../../domain/practice/session.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { stepButtons } from "../../shared/callback-data.js";
import { exerciseAnswer } from "./buttons.js";
import { runExercise } from "./exercises.js";
import { loadPracticeDayInput, loadPracticeHome, sendPracticeHome } from "./home.js";

export const PRACTICE_SESSION = "practice-session";

/** A short random tag for the callback data of one session's (or quiz's) buttons. */
export function newRunId(): string {
  return Math.random().toString(36).slice(2, 8);
}

interface SessionPlan {
  runId: string;
  exercises: Exercise[];
}

async function planFor(deps: AppDeps, userId: number): Promise<SessionPlan> {
  const settings = await findPracticeSettings(deps.db, userId);
  const day = await loadPracticeDayInput(deps, userId, settings, deps.clock.now());
  return { runId: newRunId(), exercises: planSession({ ...day, random: Math.random }) };
}

/**
 * A practice session: due reviews, then today's new items, one exercise at a time. Each answer
 * is stored at once (FSRS card and review log), so leaving halfway keeps what was done.
 */
export function practiceSessionConversation(deps: AppDeps) {
  return async function practiceSession(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const userId = ctx.from!.id;
    const plan = await conversation.external(() => planFor(deps, userId));
    const total = plan.exercises.length;
    const fresh = plan.exercises.filter((e) => e.isNew).length;

    if (total === 0) {
      await ctx.reply(ctx.t("practice-nothing-due"));
    } else {
      await ctx.reply(ctx.t("practice-session-start", { total, due: total - fresh, fresh }));
      let done = 0;
      let remembered = 0;
      for (const [i, exercise] of plan.exercises.entries()) {
        const place = { n: i + 1, total, buttons: stepButtons(exerciseAnswer, { run: plan.runId, n: i + 1 }) };
        const result = await runExercise(conversation, ctx, exercise, place);
        ctx = result.ctx;
        if (result.outcome === null) break;
        const rating = ratingFor(result.outcome);
        await conversation.external(async () => {
          await recordReview(deps.db, {
            userId,
            itemId: exercise.itemId,
            reviewNumber: exercise.reviewNumber,
            rating,
            kind: exercise.kind,
            now: deps.clock.now(),
          });
        });
        done++;
        if (rating !== Rating.Again) remembered++;
      }
      await ctx.reply(done === total ? ctx.t("practice-session-done", { remembered, total }) : ctx.t("practice-session-stopped"));
    }
    const home = await conversation.external(() => loadPracticeHome(deps, userId));
    if (home) await sendPracticeHome(ctx, home);
  };
}
