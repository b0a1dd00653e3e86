import { InlineKeyboard } from "grammy";
import { estimateMinutes, sendingSeconds } from "../../../domain/broadcasts.js";
import { TELEGRAM_SEND_LIMITS } from "../../../scheduler/rate-limiter.js";
import type { BroadcastProgressRenderer } from "../../../scheduler/notice.js";
import { broadcastCancel, broadcastPause, broadcastResume } from "./buttons.js";

/**
 * The sender's live progress message: sent, failed, blocked, remaining and, while it is sending,
 * the time left at Telegram's rate; Pause or Resume, and Cancel, while it can still change.
 */
export const renderProgress: BroadcastProgressRenderer = ({ broadcast, remaining, t, now }) => {
  const lines = [
    t("broadcast-progress", {
      id: broadcast.id,
      state: t(`broadcast-state-${broadcast.state}`),
      sent: broadcast.sent,
      failed: broadcast.failed,
      blocked: broadcast.blocked,
      remaining,
      total: broadcast.total,
    }),
  ];
  if (broadcast.state === "sending" && remaining > 0) {
    lines.push(t("broadcast-progress-eta", { minutes: estimateMinutes(sendingSeconds(remaining, TELEGRAM_SEND_LIMITS.perSecond, now)) }));
  }
  const text = lines.join("\n");
  const id = { broadcast: broadcast.id };
  switch (broadcast.state) {
    case "sending":
      return { text, reply_markup: new InlineKeyboard().text(t("broadcast-button-pause"), broadcastPause.pack(id)).text(t("broadcast-button-cancel"), broadcastCancel.pack(id)) };
    case "paused":
      return { text, reply_markup: new InlineKeyboard().text(t("broadcast-button-resume"), broadcastResume.pack(id)).text(t("broadcast-button-cancel"), broadcastCancel.pack(id)) };
    default:
      return { text };
  }
};
