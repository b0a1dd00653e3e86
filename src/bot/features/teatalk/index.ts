import { Composer } from "grammy";
import { findSession } from "../../../db/teatalk.js";
import type { AppContext } from "../../context.js";
import { requireAccount } from "../menu/menu.js";
import { ALL_CLUBS, parseFilter, parsePlace, PLACE_SUFFIX, showClubs, showDistrictChoice, showLevelChoice, showSession, showTeaTalkMenu } from "./clubs.js";
import { markFromButton, showHostDay } from "./host.js";
import { acceptFromButton, declineFromButton } from "./notices.js";
import { askToCancel, confirmCancel, joinFromButton, keepSignup, showMySignups } from "./signups.js";

export { teatalkNoticeRenderers } from "./notices.js";

/**
 * Tea-talk clubs: Kazakh conversation sessions in the centers. Anyone may browse them; signing up
 * needs an account. Callback data starts with `tt:`; ids in it are checked against the presser.
 * Malformed data passes on to the catch-all, which answers it as a stale button.
 */
export const teatalkFeature = new Composer<AppContext>().chatType("private");

teatalkFeature.callbackQuery("menu:teatalk", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTeaTalkMenu(ctx);
});

teatalkFeature.callbackQuery("tt:clubs", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showClubs(ctx, ALL_CLUBS);
});

teatalkFeature.callbackQuery(/^tt:l:(\w+):(\w+)(?::(\d{1,3}))?$/, async (ctx, next) => {
  const filter = parseFilter(ctx.match[1]!, ctx.match[2]!);
  if (!filter) return next();
  await ctx.answerCallbackQuery();
  await showClubs(ctx, filter, Number(ctx.match[3] ?? 0));
});

// The filter choices name the list they came from: `tt:fd:<level>:<district>`, `tt:fl:<district>:<level>`.
teatalkFeature.callbackQuery(/^tt:fd:(\w+)(?::(\w+))?$/, async (ctx, next) => {
  const filter = parseFilter(ctx.match[1]!, ctx.match[2] ?? "all");
  if (!filter) return next();
  await ctx.answerCallbackQuery();
  await showDistrictChoice(ctx, filter);
});

teatalkFeature.callbackQuery(/^tt:fl:(\w+)(?::(\w+))?$/, async (ctx, next) => {
  const filter = parseFilter(ctx.match[2] ?? "all", ctx.match[1]!);
  if (!filter) return next();
  await ctx.answerCallbackQuery();
  await showLevelChoice(ctx, filter);
});

teatalkFeature.callbackQuery(new RegExp(`^tt:s:(\\d{1,12})${PLACE_SUFFIX}$`), async (ctx, next) => {
  const place = parsePlace(ctx.match[2], ctx.match[3], ctx.match[4]);
  if (!place) return next();
  const session = await findSession(ctx.deps.db, Number(ctx.match[1]));
  if (!session) {
    ctx.log.info("tea talk: unknown session id in callback");
    await ctx.answerCallbackQuery({ text: ctx.t("teatalk-not-found-alert") });
    await ctx.reply(ctx.t("teatalk-not-found"));
    return showClubs(ctx, place.filter, place.page);
  }
  await ctx.answerCallbackQuery();
  await showSession(ctx, session, place);
});

teatalkFeature.callbackQuery(new RegExp(`^tt:join:(\\d{1,12})${PLACE_SUFFIX}$`), async (ctx, next) => {
  const place = parsePlace(ctx.match[2], ctx.match[3], ctx.match[4]);
  if (!place) return next();
  await joinFromButton(ctx, Number(ctx.match[1]), place);
});

teatalkFeature.callbackQuery("tt:my", async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "teatalk")) await showMySignups(ctx);
});

teatalkFeature.callbackQuery(/^tt:cancel:(\d{1,12})$/, (ctx) => askToCancel(ctx, Number(ctx.match[1])));
teatalkFeature.callbackQuery(/^tt:cancel-yes:(\d{1,12})$/, (ctx) => confirmCancel(ctx, Number(ctx.match[1])));
teatalkFeature.callbackQuery(/^tt:keep:(\d{1,12})$/, (ctx) => keepSignup(ctx, Number(ctx.match[1])));
teatalkFeature.callbackQuery(/^tt:accept:(\d{1,12})$/, (ctx) => acceptFromButton(ctx, Number(ctx.match[1])));
teatalkFeature.callbackQuery(/^tt:decline:(\d{1,12})$/, (ctx) => declineFromButton(ctx, Number(ctx.match[1])));

/** The host's side: today's sessions and attendance marks. Not in the command menu: few need it. */
teatalkFeature.command("host", (ctx) => showHostDay(ctx));
teatalkFeature.callbackQuery("tt:host", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHostDay(ctx);
});
teatalkFeature.callbackQuery(/^tt:mark:(\d{1,12}):([an])$/, (ctx) => markFromButton(ctx, Number(ctx.match[1]), ctx.match[2]!));
