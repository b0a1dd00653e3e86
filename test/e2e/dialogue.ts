import { expect } from "vitest";
import type { SentMessage, EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import type { EndToEndSetup } from "./bot-process.js";

/** Upper bound of every single wait; a healthy bot answers in milliseconds. */
export const WAIT_MS = 5000;
/** How long the bot must stay silent before a step's replies count as complete. */
export const QUIET_MS = 60;

/** What a message says: its text, or the caption of a document or photo. */
export function textOf(message: SentMessage): string {
  return message.text ?? message.caption ?? "";
}

/**
 * Performs one action of the user and checks what the bot answers: exactly `expected`, in
 * order, and nothing more once it has gone quiet. An answer is a message sent or one edited (a
 * screen shown in place of the one pressed on). Returns those messages as each answer left them.
 */
export async function expectReplies(
  { em }: EndToEndSetup,
  user: TestUser,
  act: () => unknown,
  expected: string[],
): Promise<SentMessage[]> {
  const mark = em.calls.length;
  act();
  for (let i = 0; i < expected.length; i++) await em.waitForMessageTo(user.id, undefined, WAIT_MS);
  await em.waitUntilIdle(QUIET_MS, WAIT_MS);
  const replies = em.shownSince(user.id, mark);
  expect(replies.map(textOf)).toEqual(expected);
  return replies;
}

/**
 * Performs one action of the user that changes a screen in place: no new message comes, and
 * exactly one of the bot's messages now says `expected`. Returns that message.
 */
export async function expectScreen({ em }: EndToEndSetup, user: TestUser, act: () => unknown, expected: string): Promise<SentMessage> {
  const before = new Map(em.messagesTo(user.id).map((m) => [m.message_id, textOf(m)]));
  act();
  await em.waitForCall("editMessageText", undefined, WAIT_MS);
  await em.waitUntilIdle(QUIET_MS, WAIT_MS);
  const after = em.messagesTo(user.id);
  expect(after).toHaveLength(before.size);
  const changed = after.filter((m) => before.get(m.message_id) !== textOf(m));
  expect(changed.map(textOf)).toEqual([expected]);
  return changed[0]!;
}
