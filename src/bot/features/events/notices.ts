import type { NoticeRenderers } from "../../../scheduler/notice.js";
import { seatNoticeRenderers } from "../../shared/seat-notices.js";
import { eventSignupButtons } from "./buttons.js";
import { eventDetails } from "./format.js";

const { offer, reminder } = seatNoticeRenderers({
  texts: "events",
  details: eventDetails,
  buttons: eventSignupButtons,
});

/** The events' notices, registered in src/bot/notices.ts. */
export const eventNoticeRenderers = { event_offer: offer, event_reminder: reminder } satisfies NoticeRenderers;
