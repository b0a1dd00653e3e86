import type { NoticeRenderers } from "../../../scheduler/notice.js";
import { seatNoticeRenderers } from "../../shared/seat-notices.js";
import { sessionSignupButtons } from "./buttons.js";
import { sessionDetails } from "./format.js";

const { offer, reminder } = seatNoticeRenderers({
  texts: "teatalk",
  details: sessionDetails,
  buttons: sessionSignupButtons,
});

/** The tea-talk notices, registered in src/bot/notices.ts. */
export const teatalkNoticeRenderers = { teatalk_offer: offer, teatalk_reminder: reminder } satisfies NoticeRenderers;
