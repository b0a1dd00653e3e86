import { InlineKeyboard } from "grammy";
import { cardPayload } from "../../../domain/deep-links.js";
import type { BaseContext } from "../../context.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { seatActions } from "../../shared/seat-actions.js";
import { requireAccount } from "../menu/menu.js";
import { confirmCancelSignup, keepSignupButton, sessionSignupButtons, teatalkClubs, teatalkMine } from "./buttons.js";
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

/** Signing up, cancelling and answering an offer, as events do, in tea talk's words. */
export const teatalkSeatActions = seatActions<ListPlace>({
  texts: "teatalk",
  logName: "tea-talk",
  categories: ["teatalk"],
  listStart: () => teatalkClubs.pack(),
  details: sessionDetails,
  afterwards: afterwardsKeyboard,
  showList: (ctx, place = LIST_START) => showClubs(ctx, place.filter, place.page),
  hasAccount: (ctx, eventId) => requireAccount(ctx, cardPayload("event", eventId)),
  buttons: { ...sessionSignupButtons, confirmCancel: confirmCancelSignup, keep: keepSignupButton },
  reminderMinutes: (ctx) => ctx.deps.config.teatalkReminderMinutes,
  joined: (ctx, session, _signupId, now) => ({ text: ctx.t("teatalk-joined", whenAndWhere(ctx.t, ctx.language, session, now)) }),
  accepted: (ctx, view, now) => ({ text: ctx.t("teatalk-offer-accepted", whenAndWhere(ctx.t, ctx.language, view.event, now)) }),
});
