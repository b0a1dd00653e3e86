import { InlineKeyboard } from "grammy";
import { findOwnSignup, type EventView } from "../../db/events.js";
import type { Language } from "../../domain/language.js";
import { offerLapsed } from "../../domain/seats.js";
import type { NoticeRenderer } from "../../scheduler/notice.js";
import type { Translate } from "./format.js";
import { signupButtons, type SignupButtons } from "./seat-buttons.js";
import { consultationWhen, deadlineText } from "./when.js";

/**
 * What the notices about a seat say, for tea-talk sessions or for events: their messages are
 * `<texts>-offer`, `<texts>-reminder` and the `<texts>-button-…` of the locales.
 */
export interface SeatNoticeWording {
  texts: "teatalk" | "events";
  details: (t: Translate, language: Language, event: EventView) => string;
  buttons: SignupButtons;
}

/** The sign-up a notice is about, if it is still the recipient's; null for a malformed payload. */
async function signupOf(input: Parameters<NoticeRenderer>[0]) {
  const signupId = Number(input.payload.signupId);
  if (!Number.isSafeInteger(signupId)) return undefined;
  return findOwnSignup(input.db, input.row.recipient_id, signupId);
}

/** The offer of a freed seat and the reminder before the start, worded by `wording`. */
export function seatNoticeRenderers({ texts, details, buttons }: SeatNoticeWording): { offer: NoticeRenderer; reminder: NoticeRenderer } {
  /**
   * A freed seat offered to the first in line, with its deadline and the buttons to take it or
   * let it go. Nothing once the offer was answered, lapsed or the event was called off.
   */
  const offer: NoticeRenderer = async (input) => {
    const { language, t, now } = input;
    const view = await signupOf(input);
    if (!view || view.signup.status !== "offered" || view.event.status !== "scheduled") return null;
    const deadline = new Date(view.signup.offer_expires_at!);
    if (offerLapsed(deadline, now)) return null;
    return {
      text: t(`${texts}-offer`, { details: details(t, language, view.event), deadline: deadlineText(deadline, now, language) }),
      reply_markup: signupButtons(t, texts, buttons, view),
    };
  };

  /** Before the start: when and where, and a way out that frees the seat for someone else. */
  const reminder: NoticeRenderer = async (input) => {
    const { language, t, now } = input;
    const view = await signupOf(input);
    if (!view || view.signup.status !== "confirmed" || view.event.status !== "scheduled") return null;
    const startsAt = new Date(view.event.starts_at);
    if (startsAt <= now) return null;
    return {
      text: t(`${texts}-reminder`, { when: consultationWhen(t, language, startsAt, now), details: details(t, language, view.event) }),
      reply_markup: new InlineKeyboard().text(t(`${texts}-button-cannot-come`), buttons.cancel.pack({ signup: view.signup.id })),
    };
  };

  return { offer, reminder };
}
