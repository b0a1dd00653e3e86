import { InlineKeyboard } from "grammy";
import { findPracticeSettings, setNewPerDay } from "../../../db/practice.js";
import { isRegistered } from "../../../db/users.js";
import { NEW_PER_DAY_CHOICES } from "../../../domain/practice/session.js";
import type { AppContext, Flow } from "../../context.js";
import { showScreen } from "../../shared/screen.js";
import { requireAccount } from "../menu/menu.js";
import { openPractice as openButton, pace, retakePlacement, startSession } from "./buttons.js";
import { loadPracticeHome, newPerDayOf, sendPracticeHome, showPracticeHome } from "./home.js";
import { PRACTICE_PLACEMENT, practicePlacementConversation } from "./placement.js";
import { PRACTICE_SESSION, practiceSessionConversation } from "./session.js";
import { Handlers } from "../../shared/handlers.js";


/**
 * Kazakh practice between tea-talk sessions: the entry `practice:open` (from the tea-talk menu
 * and the daily nudge), the practice screen and its settings. Needs an account: progress is personal.
 */
export const practiceFlows: Flow[] = [
  { id: PRACTICE_SESSION, build: practiceSessionConversation },
  { id: PRACTICE_PLACEMENT, build: practicePlacementConversation },
];

export const practiceFeature = new Handlers<AppContext>().chatType("private");

/**
 * The practice screen, or the placement quiz for someone starting out. The screen takes the place
 * of the one whose button was pressed, except `below` a message that must stay (the nudge's
 * phrase of the day).
 */
async function openPractice(ctx: AppContext, below = false): Promise<void> {
  const home = await loadPracticeHome(ctx.deps, ctx.from!.id);
  if (home) await (below ? sendPracticeHome : showPracticeHome)(ctx, home);
  else await ctx.conversation.enter(PRACTICE_PLACEMENT, true);
}

practiceFeature.callbackQuery(openButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "teatalk")) await openPractice(ctx, openButton.unpack(ctx.match).from === "nudge");
});

/** The other buttons act on an account; one pressed after /deleteme is stale. */
const practice = practiceFeature.filter((ctx) => isRegistered(ctx.account));

practice.callbackQuery(startSession.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const settings = await findPracticeSettings(ctx.deps.db, ctx.account!.id);
  if (settings) await ctx.conversation.enter(PRACTICE_SESSION);
  else await ctx.conversation.enter(PRACTICE_PLACEMENT, true);
});

practice.callbackQuery(retakePlacement.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(PRACTICE_PLACEMENT, false);
});

practice.callbackQuery(pace.filter(), async (ctx, next) => {
  const { n } = pace.unpack(ctx.match);
  if (n === undefined) return showPaceChoices(ctx);
  const userId = ctx.account!.id;
  // A number not offered, or no settings yet: the catch-all answers it as stale.
  if (!NEW_PER_DAY_CHOICES.includes(n) || !(await findPracticeSettings(ctx.deps.db, userId))) return next();
  await setNewPerDay(ctx.deps.db, userId, n, ctx.deps.clock.now());
  await ctx.answerCallbackQuery({ text: ctx.t("practice-pace-saved", { n }) });
  await openPractice(ctx);
});

async function showPaceChoices(ctx: AppContext): Promise<void> {
  await ctx.answerCallbackQuery();
  const current = newPerDayOf(await findPracticeSettings(ctx.deps.db, ctx.account!.id), ctx.deps);
  const kb = new InlineKeyboard();
  for (const n of NEW_PER_DAY_CHOICES) kb.text(n === current ? `✅ ${n}` : String(n), pace.pack({ n }));
  kb.row().text(ctx.t("button-back"), openButton.pack());
  await showScreen(ctx, ctx.t("practice-pace-choose"), kb);
}
