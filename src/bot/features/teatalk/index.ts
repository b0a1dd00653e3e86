import { findEvent } from "../../../db/events.js";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import {
  acceptOfferButton,
  cancelSignup,
  clubsList,
  confirmCancelSignup,
  declineOfferButton,
  districtChoice,
  joinSession,
  keepSignupButton,
  levelChoice,
  markParticipantButton,
  sessionCard,
  teatalkClubs,
  teatalkHostDay,
  teatalkMine,
} from "./buttons.js";
import { ALL_CLUBS, LIST_START, showClubs, showDistrictChoice, showLevelChoice, showSession, showTeaTalkMenu } from "./clubs.js";
import { markFromButton, showHostDay } from "./host.js";
import { teatalkSeatActions as seats } from "./signups.js";
import { Handlers } from "../../shared/handlers.js";

export { teatalkNoticeRenderers } from "./notices.js";

/**
 * Tea-talk clubs: Kazakh conversation sessions in the centers. Anyone may browse them; signing up
 * needs an account. Ids in the buttons are checked against the presser. Data no button carries
 * matches none of them and passes on to the catch-all, which answers it as a stale button.
 */
export const teatalkFeature = new Handlers<AppContext>().chatType("private");

teatalkFeature.callbackQuery(menuEntryData("teatalk"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTeaTalkMenu(ctx);
});

teatalkFeature.callbackQuery(teatalkClubs.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showClubs(ctx, ALL_CLUBS);
});

teatalkFeature.callbackQuery(clubsList.filter(), async (ctx) => {
  const { level, district, page } = clubsList.unpack(ctx.match);
  await ctx.answerCallbackQuery();
  await showClubs(ctx, { level, district }, page ?? 0);
});

// The filter choices name the list they came from.
teatalkFeature.callbackQuery(districtChoice.filter(), async (ctx) => {
  const { level, district } = districtChoice.unpack(ctx.match);
  await ctx.answerCallbackQuery();
  await showDistrictChoice(ctx, { level, district: district ?? "all" });
});

teatalkFeature.callbackQuery(levelChoice.filter(), async (ctx) => {
  const { level, district } = levelChoice.unpack(ctx.match);
  await ctx.answerCallbackQuery();
  await showLevelChoice(ctx, { level: level ?? "all", district });
});

teatalkFeature.callbackQuery(sessionCard.filter(), async (ctx) => {
  const { session: id, place = LIST_START } = sessionCard.unpack(ctx.match);
  const session = await findEvent(ctx.deps.db, id);
  // Another event's id is not a session of a club: it is answered like one that is gone.
  if (session?.category !== "teatalk") {
    ctx.log.info("tea talk: unknown session id in callback");
    await ctx.answerCallbackQuery({ text: ctx.t("teatalk-not-found-alert") });
    await ctx.reply(ctx.t("teatalk-not-found"));
    return showClubs(ctx, place.filter, place.page);
  }
  await ctx.answerCallbackQuery();
  await showSession(ctx, session, place);
});

teatalkFeature.callbackQuery(joinSession.filter(), async (ctx) => {
  const { session, place = LIST_START } = joinSession.unpack(ctx.match);
  await seats.join(ctx, session, place);
});

teatalkFeature.callbackQuery(teatalkMine.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "teatalk")) await seats.showMine(ctx);
});

teatalkFeature.callbackQuery(cancelSignup.filter(), (ctx) => seats.askToCancel(ctx, cancelSignup.unpack(ctx.match).signup));
teatalkFeature.callbackQuery(confirmCancelSignup.filter(), (ctx) => seats.confirmCancel(ctx, confirmCancelSignup.unpack(ctx.match).signup));
teatalkFeature.callbackQuery(keepSignupButton.filter(), (ctx) => seats.keepSignup(ctx, keepSignupButton.unpack(ctx.match).signup));
teatalkFeature.callbackQuery(acceptOfferButton.filter(), (ctx) => seats.acceptFromButton(ctx, acceptOfferButton.unpack(ctx.match).signup));
teatalkFeature.callbackQuery(declineOfferButton.filter(), (ctx) => seats.declineFromButton(ctx, declineOfferButton.unpack(ctx.match).signup));

/** The host's side: today's sessions and attendance marks. Not in the command menu: few need it. */
teatalkFeature.command("host", (ctx) => showHostDay(ctx));
teatalkFeature.callbackQuery(teatalkHostDay.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHostDay(ctx);
});
teatalkFeature.callbackQuery(markParticipantButton.filter(), (ctx) => {
  const { signup, mark } = markParticipantButton.unpack(ctx.match);
  return markFromButton(ctx, signup, mark);
});
