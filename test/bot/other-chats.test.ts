import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { userOf } from "../support/updates.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const person = { id: 830, first_name: "Аружан", language_code: "ru" };
const GROUP = { id: -100_200, type: "supergroup", title: "Жастар" } as const;

function pressOutsidePrivate(id: number, where: Record<string, unknown>): Update {
  return {
    update_id: id,
    callback_query: { id: `q${id}`, from: userOf(person), chat_instance: "-1", data: "menu:open", ...where },
  };
}

describe("a button pressed outside a private chat with the bot", () => {
  it("is answered, so that the client stops waiting, and nothing is sent to the group", async () => {
    const batch = await h.feed(pressOutsidePrivate(1, { message: { message_id: 5, date: 0, chat: GROUP, text: "…" } }));
    expect(batch.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(batch[0]!.payload.callback_query_id).toBe("q1");
  });

  it("on a message sent through inline mode, is answered too", async () => {
    const batch = await h.feed(pressOutsidePrivate(2, { inline_message_id: "inline-1" }));
    expect(batch.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
  });
});
