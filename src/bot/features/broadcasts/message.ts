import { InlineKeyboard } from "grammy";
import { findBroadcast } from "../../../db/broadcasts.js";
import type { Broadcast } from "../../../db/schema.js";
import { broadcastTextFor } from "../../../domain/broadcasts.js";
import type { Language, Translate } from "../../../domain/language.js";
import type { NoticeRenderers, RenderedNotice } from "../../../scheduler/notice.js";
import { escapeHtml } from "../../shared/format.js";

/** What a broadcast's message is made of: as composed, or as stored. */
export type BroadcastContent = Pick<Broadcast, "text_kk" | "text_ru" | "photo_file_id" | "button_kind" | "button_url">;

/**
 * A broadcast as one recipient gets it: the text in their language where both were given (what
 * the sender typed, shown as typed), under the photo if there is one, with the button to the
 * event or center. The preview is made by the same function, so the sender sees what is sent.
 */
export function broadcastMessage(content: BroadcastContent, language: Language, t: Translate): RenderedNotice {
  const text = escapeHtml(broadcastTextFor(language, { kk: content.text_kk, ru: content.text_ru }));
  const reply_markup =
    content.button_kind && content.button_url
      ? new InlineKeyboard().url(t(`broadcast-open-${content.button_kind}`), content.button_url)
      : undefined;
  if (content.photo_file_id) return { photo: { fileId: content.photo_file_id, caption: text, reply_markup } };
  return { text, reply_markup };
}

export const broadcastNoticeRenderers: NoticeRenderers = {
  async broadcast({ payload, language, t, db }) {
    const broadcast = await findBroadcast(db, Number(payload.broadcastId));
    return broadcast ? broadcastMessage(broadcast, language, t) : null;
  },
};
