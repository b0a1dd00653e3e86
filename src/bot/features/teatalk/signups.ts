import { InlineKeyboard } from "grammy";
import { listOwnSignups } from "../../../db/events.js";
import { cardPayload } from "../../../domain/deep-links.js";
import type { BaseContext } from "../../context.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { seatActions, seatStatusText } from "../../shared/seat-actions.js";
import { requireAccount } from "../menu/menu.js";
import { acceptOfferButton, cancelSignup as cancelButton, confirmCancelSignup, declineOfferButton, keepSignupButton, teatalkClubs, teatalkMine } from "./buttons.js";
import { LIST_START, listPlaceData, showClubs, type ListPlace } from "./clubs.js";
import { sessionDetails, whenAndWhere } from "./format.js";

/** The ways on after a sign-up is made, answered or cancelled: my sign-ups, the list (at `place`), the menu. */
export function afterwardsKeyboard(ctx: BaseContext, place: ListPlace = LIST_START): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("teatalk-button-my"), teatalkMine.pack())
    .row()
    .text(ctx.t("teatalk-button-to-list"), listPlaceData(place))
    .text(ctx.t("button-menu"), menuOpenButton.pack());
}

/**
 * "My sign-ups": each upcoming one with where the person stands and what they can do, each a
 * message of its own (so always new messages), or a screen saying there are none.
 */
export async function showMySignups(ctx: BaseContext): Promise<void> {
  const now = ctx.deps.clock.now();
  const language = ctx.language;
  const signups = await listOwnSignups(ctx.deps.db, ctx.from!.id, now, ["teatalk"]);
  if (signups.length === 0) {
    await showScreen(ctx, ctx.t("teatalk-my-none"), afterwardsKeyboard(ctx));
    return;
  }
  await ctx.reply(ctx.t("teatalk-my-title", { count: signups.length }));
  for (const [i, view] of signups.entries()) {
    const kb = new InlineKeyboard();
    const signup = view.signup.id;
    if (view.signup.status === "offered") {
      kb.text(ctx.t("teatalk-button-accept"), acceptOfferButton.pack({ signup })).text(ctx.t("teatalk-button-decline"), declineOfferButton.pack({ signup }));
    } else kb.text(ctx.t("teatalk-button-cancel"), cancelButton.pack({ signup }));
    if (i === signups.length - 1) kb.row().text(ctx.t("teatalk-button-to-list"), teatalkClubs.pack()).text(ctx.t("button-menu"), menuOpenButton.pack());
    const text = `${sessionDetails(ctx.t, language, view.event)}\n\n${seatStatusText("teatalk", ctx.t, language, view, now)}`;
    await ctx.reply(text, { reply_markup: kb });
  }
}

/** Signing up, cancelling and answering an offer, as events do, in tea talk's words. */
export const teatalkSeatActions = seatActions<ListPlace>({
  texts: "teatalk",
  logName: "tea-talk",
  shows: (event) => event.category === "teatalk",
  details: sessionDetails,
  afterwards: afterwardsKeyboard,
  showList: (ctx, place = LIST_START) => showClubs(ctx, place.filter, place.page),
  hasAccount: (ctx, eventId) => requireAccount(ctx, cardPayload("event", eventId)),
  buttons: { confirmCancel: confirmCancelSignup, keep: keepSignupButton },
  reminderMinutes: (ctx) => ctx.deps.config.teatalkReminderMinutes,
  joined: (ctx, session, _signupId, now) => ({ text: ctx.t("teatalk-joined", whenAndWhere(ctx.t, ctx.language, session, now)) }),
  accepted: (ctx, view, now) => ({ text: ctx.t("teatalk-offer-accepted", whenAndWhere(ctx.t, ctx.language, view.event, now)) }),
});
