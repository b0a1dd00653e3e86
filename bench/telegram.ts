import type { InlineKeyboardButton } from "grammy/types";

/**
 * Telegram answered inside the process, at the level of the client's `fetch`: each call gets a
 * result shaped like Telegram's, and each chat's latest inline keyboard is kept, since that is
 * what a person taps next. Nothing else is recorded, so that the measurement is the bot's.
 */
export class InProcessTelegram {
  private messageId = 1;
  private readonly keyboards = new Map<number, { messageId: number; buttons: InlineKeyboardButton[] }>();
  /** Messages the bot sent or edited, by method. */
  readonly counts = new Map<string, number>();

  readonly fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const method = String(url instanceof Request ? url.url : url).split("/").pop()!;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    // A file upload is multipart; its fields are not needed to answer it.
    const payload = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const chatId = Number(payload.chat_id);
    let result: unknown = true;
    if (method.startsWith("send") || method === "editMessageText" || method === "editMessageReplyMarkup") {
      const id = method.startsWith("send") ? ++this.messageId : Number(payload.message_id);
      const markup = payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
      if (markup?.inline_keyboard) this.keyboards.set(chatId, { messageId: id, buttons: markup.inline_keyboard.flat() });
      result = {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private" },
        text: typeof payload.text === "string" ? payload.text : "",
        ...(markup?.inline_keyboard ? { reply_markup: markup } : {}),
      };
    }
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };

  /** The buttons of the latest message with an inline keyboard in that chat, and its id. */
  keyboardOf(chatId: number): { messageId: number; buttons: InlineKeyboardButton[] } | undefined {
    return this.keyboards.get(chatId);
  }
}
