import type { ApiCallFn } from "grammy";
import { describe, expect, it } from "vitest";
import { htmlByDefault } from "../../src/telegram/html.js";

/** Runs one call through the transformer and gives back the payload that went on to Telegram. */
async function sent(method: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  let passed: Record<string, unknown> | undefined;
  const prev = (async (_method: string, p: Record<string, unknown>) => {
    passed = p;
    return { ok: true, result: true };
  }) as unknown as ApiCallFn;
  await htmlByDefault(prev, method as "sendMessage", payload as never);
  return passed!;
}

describe("htmlByDefault", () => {
  it("formats texts and captions as HTML when the call names no parse mode", async () => {
    expect(await sent("sendMessage", { chat_id: 1, text: "<b>hi</b>" })).toEqual({ chat_id: 1, text: "<b>hi</b>", parse_mode: "HTML" });
    expect(await sent("editMessageText", { chat_id: 1, message_id: 2, text: "x" })).toMatchObject({ parse_mode: "HTML" });
    expect(await sent("sendDocument", { chat_id: 1, document: "id", caption: "x" })).toMatchObject({ parse_mode: "HTML" });
    expect(await sent("editMessageCaption", { chat_id: 1, message_id: 2, caption: "x" })).toMatchObject({ parse_mode: "HTML" });
  });

  it("keeps a parse mode or entities the call gives", async () => {
    expect(await sent("sendMessage", { chat_id: 1, text: "*x*", parse_mode: "MarkdownV2" })).toEqual({ chat_id: 1, text: "*x*", parse_mode: "MarkdownV2" });
    const entities = [{ type: "bold", offset: 0, length: 1 }];
    expect(await sent("sendMessage", { chat_id: 1, text: "x", entities })).toEqual({ chat_id: 1, text: "x", entities });
    const captionEntities = { chat_id: 1, document: "id", caption: "x", caption_entities: entities };
    expect(await sent("sendDocument", captionEntities)).toEqual(captionEntities);
  });

  it("leaves methods that take no parse mode alone, and the caller's payload unchanged", async () => {
    expect(await sent("answerCallbackQuery", { callback_query_id: "q", text: "x" })).toEqual({ callback_query_id: "q", text: "x" });
    expect(await sent("sendVenue", { chat_id: 1, latitude: 1, longitude: 2, title: "a", address: "b" })).not.toHaveProperty("parse_mode");
    const payload = { chat_id: 1, text: "x" };
    await sent("sendMessage", payload);
    expect(payload).toEqual({ chat_id: 1, text: "x" });
  });
});
