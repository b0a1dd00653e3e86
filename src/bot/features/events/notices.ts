import type { NoticeRenderers } from "../../../scheduler/notice.js";
import { seatNoticeRenderers } from "../../shared/seat-notices.js";
import { acceptEventOffer, cancelEventSignup, declineEventOffer } from "./buttons.js";
import { eventDetails } from "./format.js";

const { offer, reminder } = seatNoticeRenderers({
  texts: "events",
  details: eventDetails,
  buttons: { accept: acceptEventOffer, decline: declineEventOffer, cancel: cancelEventSignup },
});

/** The events' notices, registered in src/bot/notices.ts. */
export const eventNoticeRenderers = { event_offer: offer, event_reminder: reminder } satisfies NoticeRenderers;
