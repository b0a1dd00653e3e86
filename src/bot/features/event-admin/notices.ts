import { InlineKeyboard } from "grammy";
import { findOwnSignup } from "../../../db/events.js";
import { LIVE_STATUSES } from "../../../domain/seats.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { cancelEventSignup } from "../events/buttons.js";
import { cancelSignup } from "../teatalk/buttons.js";
import { detailsOf } from "./format.js";

/** The sign-up a notice is about, while it is still the recipient's. */
async function signupOf(input: Parameters<NoticeRenderer>[0]) {
  const signupId = Number(input.payload.signupId);
  if (!Number.isSafeInteger(signupId)) return undefined;
  return findOwnSignup(input.db, input.row.recipient_id, signupId);
}

/** To each person signed up: the event is off. Said whatever became of the sign-up since, unless it is theirs no more. */
const renderCancelled: NoticeRenderer = async (input) => {
  const view = await signupOf(input);
  if (!view || view.event.status !== "cancelled") return null;
  return { text: input.t("evadm-notice-cancelled", { details: detailsOf(input.t, input.language, view.event) }) };
};

/**
 * To each person signed up: the event's new time or place, as it stands when sent, with a way
 * out that frees their seat. Nothing once they have left it, or the event is off or under way.
 */
const renderChanged: NoticeRenderer = async (input) => {
  const view = await signupOf(input);
  if (!view || view.event.status !== "scheduled" || new Date(view.event.starts_at) <= input.now) return null;
  if (!(LIVE_STATUSES as readonly string[]).includes(view.signup.status)) return null;
  const cancel = view.event.category === "teatalk" ? cancelSignup : cancelEventSignup;
  return {
    text: input.t("evadm-notice-changed", { details: detailsOf(input.t, input.language, view.event) }),
    reply_markup: new InlineKeyboard().text(input.t("evadm-button-cannot-come"), cancel.pack({ signup: view.signup.id })),
  };
};

/** The notices of organisers' changes, registered in src/bot/notices.ts. */
export const eventAdminNoticeRenderers = { event_cancelled: renderCancelled, event_changed: renderChanged } satisfies NoticeRenderers;
