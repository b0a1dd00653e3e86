import { InlineKeyboard, Keyboard } from "grammy";
import { checkAge, normalizePhone, parseAge, parsePhone } from "../../domain/profile.js";
import type { AppConversation, BaseContext } from "../context.js";
import { askChoice, askText } from "./ask.js";
import { defineStep } from "./callback-data.js";

const guardianStep = defineStep("su-guardian");

export type AgeAnswer =
  | { kind: "accepted"; age: number; guardianConsent: boolean | null; ctx: BaseContext }
  | { kind: "refused"; reason: "too-young" | "too-old" | "no-guardian"; ctx: BaseContext };

/**
 * Age with the centers' rules: 14–35, and 14–17 also need a parent's or guardian's agreement.
 * An age nobody has ("150") is asked again as a typo. The caller explains a refusal, because
 * sign-up and a profile edit explain it differently.
 */
export async function askAge(conversation: AppConversation, ctx: BaseContext): Promise<AgeAnswer> {
  const answer = await askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t("signup-ask-age") }),
    parse: (text) => {
      const age = parseAge(text);
      return age !== null && checkAge(age) !== "typo" ? age : null;
    },
    invalid: (c) => c.t(parseAge(c.message?.text ?? "") === null ? "signup-age-invalid" : "signup-age-typo"),
  });
  const age = answer.value;
  const check = checkAge(age);
  if (check === "too-young" || check === "too-old") return { kind: "refused", reason: check, ctx: answer.ctx };
  if (check === "adult") return { kind: "accepted", age, guardianConsent: null, ctx: answer.ctx };
  const guardian = await askChoice(conversation, answer.ctx, guardianStep, ["yes", "no"] as const, (c) => ({
    text: c.t("signup-ask-guardian"),
    markup: new InlineKeyboard().text(c.t("button-guardian-yes"), guardianStep.data("yes")).row().text(c.t("button-guardian-no"), guardianStep.data("no")),
  }));
  return guardian.choice === "yes"
    ? { kind: "accepted", age, guardianConsent: true, ctx: guardian.ctx }
    : { kind: "refused", reason: "no-guardian", ctx: guardian.ctx };
}

/**
 * The person's own number: through Telegram's contact button, or typed by hand (a Kazakhstan
 * number), or none. `noneLabel` names the way out: "Skip" in sign-up, "Remove the number" when
 * changing a number that is stored. The caller confirms the answer and takes the phone keyboard away.
 */
export async function askPhone(
  conversation: AppConversation,
  ctx: BaseContext,
  noneLabel: "button-skip" | "button-remove-phone",
): Promise<{ value: string | null; ctx: BaseContext }> {
  const NONE = "";
  const answer = await askText<string>(conversation, ctx, {
    prompt: (c) => ({
      text: c.t("signup-ask-phone"),
      markup: new Keyboard().requestContact(c.t("button-share-phone")).row().text(c.t(noneLabel)).resized().oneTime(),
    }),
    parse: (text, c) => (text === c.t(noneLabel) ? NONE : parsePhone(text)),
    // Someone else's contact card is not consent to store their number.
    invalid: (c) => c.t(c.message?.contact ? "signup-phone-not-own" : "signup-phone-invalid", { none: c.t(noneLabel) }),
    other: (c) => {
      const contact = c.message?.contact;
      if (!contact || contact.user_id !== c.from?.id) return null;
      return normalizePhone(contact.phone_number);
    },
  });
  return { value: answer.value === NONE ? null : answer.value, ctx: answer.ctx };
}
