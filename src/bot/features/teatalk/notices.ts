import { InlineKeyboard } from "grammy";
import { findOwnSignup } from "../../../db/events.js";
import { offerLapsed } from "../../../domain/seats.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { acceptOfferButton, cancelSignup, declineOfferButton } from "./buttons.js";
import { deadlineText } from "../../shared/when.js";
import { sessionDetails, whenAndWhere } from "./format.js";

/** The sign-up a notice is about, if it is still the recipient's; null for a malformed payload. */
async function signupOf(input: Parameters<NoticeRenderer>[0]) {
  const signupId = Number(input.payload.signupId);
  if (!Number.isSafeInteger(signupId)) return undefined;
  return findOwnSignup(input.db, input.row.recipient_id, signupId);
}

/**
 * A freed seat offered to the first in line, with its deadline and the buttons to take it or let
 * it go. Nothing once the offer was answered, lapsed or the session was called off.
 */
export const renderTeaTalkOffer: NoticeRenderer = async (input) => {
  const { language, t, now } = input;
  const view = await signupOf(input);
  if (!view || view.signup.status !== "offered" || view.event.status !== "scheduled") return null;
  const deadline = new Date(view.signup.offer_expires_at!);
  if (offerLapsed(deadline, now)) return null;
  return {
    text: t("teatalk-offer", { details: sessionDetails(t, language, view.event), deadline: deadlineText(deadline, now, language) }),
    reply_markup: new InlineKeyboard()
      .text(t("teatalk-button-accept"), acceptOfferButton.pack({ signup: view.signup.id }))
      .row()
      .text(t("teatalk-button-decline"), declineOfferButton.pack({ signup: view.signup.id })),
  };
};

/** Hours before the session: when and where, and a way out that frees the seat for someone else. */
export const renderTeaTalkReminder: NoticeRenderer = async (input) => {
  const { language, t, now } = input;
  const view = await signupOf(input);
  if (!view || view.signup.status !== "confirmed" || view.event.status !== "scheduled") return null;
  if (new Date(view.event.starts_at) <= now) return null;
  return {
    text: t("teatalk-reminder", {
      when: whenAndWhere(t, language, view.event, now).when,
      details: sessionDetails(t, language, view.event),
    }),
    reply_markup: new InlineKeyboard().text(t("teatalk-button-cannot-come"), cancelSignup.pack({ signup: view.signup.id })),
  };
};

/** The tea-talk notices, registered in src/bot/notices.ts. */
export const teatalkNoticeRenderers = {
  teatalk_offer: renderTeaTalkOffer,
  teatalk_reminder: renderTeaTalkReminder,
} satisfies NoticeRenderers;
