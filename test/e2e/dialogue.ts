import { expect } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import type { DistrictCode } from "../../src/domain/districts.js";
import { htmlToPlainText, type SentMessage, type EmulatedUser as TestUser } from "../../src/emulator/bot-api-emulator.js";
import { recorded } from "../support/harness.js";
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

const i18n = createI18n();
const kk = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("kk", key, vars));
const kkLabel = (key: string) => i18n.t("kk", key);

/**
 * A newcomer with a Kazakh client, Дана, opens a card's link and signs up (20 years old, in
 * `district`, no phone, studying); the bot lands her on the card, which says `card`. Returns the
 * replies of the last step: the record of the answer, the welcome, and the card.
 */
export async function signUpFromCardLink(e2e: EndToEndSetup, u: TestUser, payload: string, district: DistrictCode, card: string): Promise<SentMessage[]> {
  await expectReplies(e2e, u, () => e2e.em.sendText(u, `/start ${payload}`), [kk("signup-choose-language")]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel("language-kk")), [kk("signup-overview")]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel("button-signup-start")), [kk("signup-consent")]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel("button-consent-yes")), [kk("signup-ask-name")]);
  await expectReplies(e2e, u, () => e2e.em.sendText(u, "Дана"), [kk("signup-ask-age")]);
  await expectReplies(e2e, u, () => e2e.em.sendText(u, "20"), [kk("signup-ask-district")]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel(`district-${district}`)), [
    recorded(kk("signup-ask-district"), kkLabel(`district-${district}`)),
    kk("signup-ask-phone"),
  ]);
  await expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel("button-skip")), [kk("signup-phone-skipped"), kk("signup-ask-occupation")]);
  return expectReplies(e2e, u, () => e2e.em.clickButton(u, kkLabel("occupation-study")), [
    recorded(kk("signup-ask-occupation"), kkLabel("occupation-study")),
    kk("signup-done", { name: "Дана" }),
    expect.stringContaining(card),
  ]);
}
