import { InlineKeyboard } from "grammy";
import { findEvent, listOwnSignups } from "../../../db/events.js";
import { signUp } from "../../../db/seats.js";
import type { AppContext, BaseContext } from "../../context.js";
import { clashText } from "../../shared/appointments.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { recordAnswer, showScreen } from "../../shared/screen.js";
import { seatActions } from "../../shared/seat-actions.js";
import { requireAccount } from "../menu/menu.js";
import { acceptOfferButton, cancelSignup as cancelButton, confirmCancelSignup, declineOfferButton, keepSignupButton, teatalkClubs, teatalkMine } from "./buttons.js";
import { ALL_CLUBS, LIST_START, listPlaceData, showClubs, type ListPlace } from "./clubs.js";
import { sessionDetails, signupStatusText, whenAndWhere } from "./format.js";

/** The ways on after a sign-up is made, answered or cancelled: my sign-ups, the list (at `place`), the menu. */
export function afterwardsKeyboard(ctx: BaseContext, place: ListPlace = LIST_START): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("teatalk-button-my"), teatalkMine.pack())
    .row()
    .text(ctx.t("teatalk-button-to-list"), listPlaceData(place))
    .text(ctx.t("button-menu"), menuOpenButton.pack());
}

/**
 * A press on "sign up" / "join the waitlist": needs an account, then one transaction decides the
 * seat. The way back to the list returns to `place`, where the person found the session. A seat
 * or a place in line is a confirmation that stays, below the card kept as a record of the press;
 * a session that cannot be joined takes the card's place with why.
 */
export async function joinFromButton(ctx: AppContext, sessionId: number, place: ListPlace): Promise<void> {
  if (!(await requireAccount(ctx, "teatalk"))) {
    await ctx.answerCallbackQuery();
    return;
  }
  const { db, clock, config } = ctx.deps;
  const now = clock.now();
  const result = await signUp(db, { eventId: sessionId, userId: ctx.from!.id }, { reminderMinutes: config.teatalkReminderMinutes }, now);
  ctx.log.info({ session_id: sessionId, outcome: result.kind }, "tea-talk sign-up");
  switch (result.kind) {
    case "not-found":
      await ctx.answerCallbackQuery({ text: ctx.t("teatalk-not-found-alert") });
      await ctx.reply(ctx.t("teatalk-not-found"));
      return showClubs(ctx, place.filter, place.page);
    case "closed":
      await ctx.answerCallbackQuery({ text: ctx.t("teatalk-closed-alert") });
      await showScreen(ctx, ctx.t("teatalk-closed"), afterwardsKeyboard(ctx, place));
      return;
    case "overlap":
      await ctx.answerCallbackQuery({ text: ctx.t("appointment-overlap-alert") });
      await ctx.reply(clashText(ctx.t, ctx.language, result.clash, "session"));
      return showClubs(ctx, place.filter, place.page);
    case "already":
      await ctx.answerCallbackQuery();
      await showScreen(ctx, ctx.t(`teatalk-already-${result.status}`, { position: result.position ?? 0 }), afterwardsKeyboard(ctx, place));
      return;
    case "waitlisted":
      await ctx.answerCallbackQuery({ text: ctx.t("teatalk-waitlisted-alert") });
      await recordAnswer(ctx);
      await ctx.reply(ctx.t("teatalk-waitlisted", { position: result.position }), { reply_markup: afterwardsKeyboard(ctx, place) });
      return;
    case "confirmed": {
      const session = (await findEvent(db, sessionId))!;
      await ctx.answerCallbackQuery({ text: ctx.t("teatalk-joined-alert") });
      await recordAnswer(ctx);
      await ctx.reply(ctx.t("teatalk-joined", whenAndWhere(ctx.t, ctx.language, session, now)), {
        reply_markup: afterwardsKeyboard(ctx, place),
      });
    }
  }
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
    const text = `${sessionDetails(ctx.t, language, view.event)}\n\n${signupStatusText(ctx.t, language, view, now)}`;
    await ctx.reply(text, { reply_markup: kb });
  }
}

/** Cancelling a sign-up and answering an offer, as events do, in tea talk's words. */
export const teatalkSeatActions = seatActions({
  texts: "teatalk",
  logName: "tea-talk",
  shows: (event) => event.category === "teatalk",
  details: sessionDetails,
  afterwards: (ctx) => afterwardsKeyboard(ctx),
  showList: (ctx) => showClubs(ctx, ALL_CLUBS),
  buttons: { confirmCancel: confirmCancelSignup, keep: keepSignupButton },
  reminderMinutes: (ctx) => ctx.deps.config.teatalkReminderMinutes,
  accepted: (ctx, view, now) => ({ text: ctx.t("teatalk-offer-accepted", whenAndWhere(ctx.t, ctx.language, view.event, now)) }),
});
