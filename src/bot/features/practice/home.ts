import { InlineKeyboard } from "grammy";
import { countIntroducedToday, findPracticeSettings, loadCards, practiceProgress } from "../../../db/practice.js";
import type { PracticeSettings } from "../../../db/schema.js";
import { findUser } from "../../../db/users.js";
import type { Level } from "../../../domain/practice/items.js";
import type { Progress } from "../../../domain/practice/progress.js";
import { practiceDay, type PracticeDayInput } from "../../../domain/practice/session.js";
import type { AppDeps, BaseContext } from "../../context.js";
import { menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { openNudgeTimes } from "../reminders/buttons.js";
import { pace, retakePlacement, startSession } from "./buttons.js";
import { levelName } from "./format.js";

/** What the practice screen shows; JSON-serialisable, so a conversation can load it through `external`. */
export interface PracticeHome {
  level: Level;
  newPerDay: number;
  /** Cards up for review now, and new items still to meet today: what a session would take up. */
  due: number;
  fresh: number;
  progress: Progress;
  nudgeTime: string | null;
}

/** The learner's daily allowance of new items: their own choice, or the configured default. */
export function newPerDayOf(settings: PracticeSettings | undefined, deps: AppDeps): number {
  return settings?.new_per_day ?? deps.config.practiceNewPerDay;
}

/** What the learner's practice day depends on, read from the database at `now`. */
export async function loadPracticeDayInput(
  deps: AppDeps,
  userId: number,
  settings: PracticeSettings | undefined,
  now: Date,
): Promise<PracticeDayInput> {
  const cards = await loadCards(deps.db, userId);
  return {
    cards: cards.map((c) => ({ itemId: c.itemId, due: c.card.due, state: c.card.state, reps: c.card.reps })),
    level: settings?.level ?? 1,
    newPerDay: newPerDayOf(settings, deps),
    introducedToday: await countIntroducedToday(deps.db, userId, now),
    now,
  };
}

/** The practice screen's data, or null for someone who has not taken or skipped the placement quiz. */
export async function loadPracticeHome(deps: AppDeps, userId: number): Promise<PracticeHome | null> {
  const settings = await findPracticeSettings(deps.db, userId);
  if (!settings) return null;
  const now = deps.clock.now();
  const day = practiceDay(await loadPracticeDayInput(deps, userId, settings, now));
  const user = await findUser(deps.db, userId);
  return {
    level: settings.level,
    newPerDay: newPerDayOf(settings, deps),
    due: day.due.length,
    fresh: day.fresh.length,
    progress: await practiceProgress(deps.db, userId, now),
    nudgeTime: user?.practice_nudge_time ?? null,
  };
}

/** The practice screen: progress (learned, streak, due now) and what to do next. */
function practiceHomeScreen(ctx: BaseContext, home: PracticeHome): { text: string; markup: InlineKeyboard } {
  const { progress } = home;
  const text = ctx.t("practice-home", {
    level: levelName(ctx.t, home.level),
    seen: progress.seen,
    learned: progress.learned,
    streak: progress.streak,
    due: home.due,
    fresh: home.fresh,
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("practice-button-start"), startSession.pack())
    .row()
    .text(ctx.t("practice-button-placement"), retakePlacement.pack())
    .row()
    .text(ctx.t("practice-button-pace", { n: home.newPerDay }), pace.pack())
    .row()
    .text(home.nudgeTime ? ctx.t("nudge-profile-button-on", { time: home.nudgeTime }) : ctx.t("nudge-profile-button-off"), openNudgeTimes.pack({ from: "practice" }))
    .row()
    .text(ctx.t("button-back"), menuEntryData("teatalk"))
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  return { text, markup: kb };
}

/** The practice screen in place of the one whose button was pressed. */
export async function showPracticeHome(ctx: BaseContext, home: PracticeHome): Promise<void> {
  const { text, markup } = practiceHomeScreen(ctx, home);
  await showScreen(ctx, text, markup);
}

/**
 * The practice screen as a new message: where a quiz or a session ends, below what it said,
 * so that the last answer's record stays.
 */
export async function sendPracticeHome(ctx: BaseContext, home: PracticeHome): Promise<void> {
  const { text, markup } = practiceHomeScreen(ctx, home);
  await ctx.reply(text, { reply_markup: markup });
}
