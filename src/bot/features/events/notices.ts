import { InlineKeyboard } from "grammy";
import { findOwnSignup } from "../../../db/events.js";
import { offerLapsed } from "../../../domain/seats.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { deadlineText } from "../../shared/when.js";
import { acceptEventOffer, cancelEventSignup, declineEventOffer } from "./buttons.js";
import { eventDetails, eventWhenAndWhere } from "./format.js";

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
