import { InlineKeyboard } from "grammy";
import { findOwnSignup } from "../../../db/events.js";
import { acceptOffer, declineOffer, type OfferRefusal } from "../../../db/seats.js";
import { offerLapsed } from "../../../domain/seats.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import type { AppContext } from "../../context.js";
import { recordAnswer, showScreen } from "../../shared/screen.js";
import { deadlineText } from "../../shared/when.js";
import { acceptEventOffer, cancelEventSignup, declineEventOffer, eventCalendarFile } from "./buttons.js";
import { afterwardsKeyboard } from "./card.js";
import { eventDetails, eventWhenAndWhere } from "./format.js";
import { showEvents } from "./list.js";

/** The sign-up a notice is about, if it is still the recipient's; null for a malformed payload. */
async function signupOf(input: Parameters<NoticeRenderer>[0]) {
  const signupId = Number(input.payload.signupId);
  if (!Number.isSafeInteger(signupId)) return undefined;
  return findOwnSignup(input.db, input.row.recipient_id, signupId);
}

/**
 * A freed seat offered to the first in line, with its deadline and the buttons to take it or let
 * it go. Nothing once the offer was answered, lapsed or the event was called off.
 */
const renderEventOffer: NoticeRenderer = async (input) => {
  const { language, t, now } = input;
  const view = await signupOf(input);
  if (!view || view.signup.status !== "offered" || view.event.status !== "scheduled") return null;
  const deadline = new Date(view.signup.offer_expires_at!);
  if (offerLapsed(deadline, now)) return null;
  return {
    text: t("events-offer", { details: eventDetails(t, language, view.event), deadline: deadlineText(deadline, now, language) }),
    reply_markup: new InlineKeyboard()
      .text(t("events-button-accept"), acceptEventOffer.pack({ signup: view.signup.id }))
      .row()
      .text(t("events-button-decline"), declineEventOffer.pack({ signup: view.signup.id })),
  };
};

/** Before the event: when and where, and a way out that frees the seat for someone else. */
const renderEventReminder: NoticeRenderer = async (input) => {
  const { language, t, now } = input;
  const view = await signupOf(input);
  if (!view || view.signup.status !== "confirmed" || view.event.status !== "scheduled") return null;
  if (new Date(view.event.starts_at) <= now) return null;
  return {
    text: t("events-reminder", {
      when: eventWhenAndWhere(t, language, view.event, now).when,
      details: eventDetails(t, language, view.event),
    }),
    reply_markup: new InlineKeyboard().text(t("events-button-cannot-come"), cancelEventSignup.pack({ signup: view.signup.id })),
  };
};

/** The events' notices, registered in src/bot/notices.ts. */
export const eventNoticeRenderers = {
  event_offer: renderEventOffer,
  event_reminder: renderEventReminder,
} satisfies NoticeRenderers;

/**
 * "I'll come" under an offer. Only the offer's own person, only before its deadline. The offer
 * stays as a record of the answer, its buttons gone; the confirmation comes below it.
 */
export async function acceptFromButton(ctx: AppContext, signupId: number): Promise<void> {
  const { db, clock, config } = ctx.deps;
  const now = clock.now();
  const outcome = await acceptOffer(db, { signupId, userId: ctx.from!.id }, { reminderMinutes: config.eventReminderMinutes }, now);
  ctx.log.info({ signup_id: signupId, outcome: outcome.kind }, "event offer accepted");
  if (outcome.kind !== "confirmed") return answerUnusable(ctx, outcome.kind);
  const view = (await findOwnSignup(db, ctx.from!.id, signupId))!;
  await ctx.answerCallbackQuery({ text: ctx.t("events-offer-accepted-alert") });
  await recordAnswer(ctx);
  const kb = new InlineKeyboard().text(ctx.t("events-button-calendar"), eventCalendarFile.pack({ signup: signupId }));
  await ctx.reply(ctx.t("events-offer-accepted", eventWhenAndWhere(ctx.t, ctx.language, view.event, now)), {
    reply_markup: kb.append(afterwardsKeyboard(ctx)),
  });
}

/** "I can't" under an offer: the seat goes to the next in line at once. */
export async function declineFromButton(ctx: AppContext, signupId: number): Promise<void> {
  const outcome = await declineOffer(ctx.deps.db, { signupId, userId: ctx.from!.id }, ctx.deps.clock.now());
  ctx.log.info({ signup_id: signupId, outcome: outcome.kind }, "event offer declined");
  if (outcome.kind !== "declined") return answerUnusable(ctx, outcome.kind);
  await ctx.answerCallbackQuery();
  await recordAnswer(ctx);
  await ctx.reply(ctx.t("events-offer-declined"), { reply_markup: afterwardsKeyboard(ctx) });
}

/** An offer that cannot be answered any more, or was never the presser's: said plainly, nothing changes. */
async function answerUnusable(ctx: AppContext, outcome: OfferRefusal): Promise<void> {
  switch (outcome) {
    case "already-confirmed":
      await ctx.answerCallbackQuery({ text: ctx.t("events-already-confirmed") });
      return;
    case "expired":
      await ctx.answerCallbackQuery({ text: ctx.t("events-offer-expired-alert") });
      await ctx.reply(ctx.t("events-offer-expired"));
      return showEvents(ctx);
    default:
      await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
      await showScreen(ctx, ctx.t("events-offer-not-active"), afterwardsKeyboard(ctx));
  }
}
