import { InlineKeyboard } from "grammy";
import { findPracticeSettings } from "../../../db/practice.js";
import { planPracticeNudges, setPracticeNudgeTime } from "../../../db/practice-nudges.js";
import { isRegistered } from "../../../db/users.js";
import { phraseOfTheDay } from "../../../domain/practice/phrase-of-the-day.js";
import { NUDGE_TIMES } from "../../../domain/practice-nudge.js";
import { isLocalDate, localDateOf } from "../../../domain/time.js";
import type { NoticeRenderer } from "../../../scheduler/notice.js";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { openPractice } from "../practice/buttons.js";
import { phraseOfTheDayText } from "../practice/format.js";
import { loadPracticeHome, showPracticeHome } from "../practice/home.js";
import { showProfile } from "../profile/view.js";
import { openNudgeTimes, setNudgeTime } from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * The daily nudge: a friendly line, the phrase of the day (by the nudge's Almaty date, up to the
 * learner's level) and the way into practice, while the person still wants it.
 */
export const renderPracticeNudge: NoticeRenderer = async ({ recipient: user, payload, t, db, now }) => {
  if (!user?.practice_nudge_time) return null;
  const date = isLocalDate(payload.date) ? payload.date : localDateOf(now);
  const level = (await findPracticeSettings(db, user.id))?.level ?? 1;
  return {
    text: `${t("nudge-text")}\n\n${phraseOfTheDayText(t, phraseOfTheDay(date, level))}`,
    reply_markup: new InlineKeyboard().text(t("nudge-button-practice"), openPractice.pack({ from: "nudge" })),
  };
};

/**
 * Choosing the nudge time, from the profile or from the practice screen; either way it returns
 * where it was opened. The practice screen's buttons say so (`from`). Only for an account,
 * like every profile button.
 */
export const practiceNudgeSettings = new Handlers<AppContext>().chatType("private");
const settings = practiceNudgeSettings.filter((ctx) => isRegistered(ctx.account));

settings.callbackQuery(openNudgeTimes.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const { from } = openNudgeTimes.unpack(ctx.match);
  const current = ctx.account!.practice_nudge_time;
  const kb = new InlineKeyboard();
  NUDGE_TIMES.forEach((time, i) => {
    kb.text(time === current ? `✅ ${time}` : time, setNudgeTime.pack({ time, from }));
    if (i % 3 === 2) kb.row();
  });
  kb.row()
    .text(ctx.t("nudge-button-off"), setNudgeTime.pack({ time: "off", from }))
    .row()
    .text(ctx.t("button-back"), from === "practice" ? openPractice.pack() : menuEntryData("profile"));
  await showScreen(ctx, ctx.t("nudge-choose"), kb);
});

settings.callbackQuery(setNudgeTime.filter(), async (ctx) => {
  const choice = setNudgeTime.unpack(ctx.match);
  const time = choice.time === "off" ? null : choice.time;
  const { db, clock } = ctx.deps;
  const userId = ctx.account!.id;
  await setPracticeNudgeTime(db, userId, time, clock.now());
  await planPracticeNudges(db, clock.now(), userId);
  await ctx.answerCallbackQuery({ text: time ? ctx.t("nudge-saved", { time }) : ctx.t("nudge-turned-off") });
  if (time && !ctx.account!.notifications) await ctx.reply(ctx.t("nudge-notifications-off"));
  const home = choice.from === "practice" ? await loadPracticeHome(ctx.deps, userId) : null;
  if (home) await showPracticeHome(ctx, home);
  else await showProfile(ctx, { ...ctx.account!, practice_nudge_time: time });
});
