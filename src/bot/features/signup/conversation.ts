import { InlineKeyboard, Keyboard } from "grammy";
import { DISTRICTS, type DistrictCode } from "../../../domain/districts.js";
import { LANGUAGES, type Language } from "../../../domain/language.js";
import {
  checkAge,
  CONSENT_VERSION,
  NAME_MAX_LENGTH,
  normalizePhone,
  OCCUPATIONS,
  parseAge,
  parseName,
  parsePhone,
  type Occupation,
} from "../../../domain/profile.js";
import { completeRegistration, ensureUser, findUser, isRegistered, updateUser } from "../../../db/users.js";
import type { AppConversation, AppDeps, BaseContext, Flow } from "../../context.js";
import { speakLanguage } from "../../i18n.js";
import { askChoice, askText } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { defineStep } from "../../shared/callback-data.js";
import { districtKeyboard, languageKeyboard, occupationKeyboard, type MenuEntry } from "../../shared/keyboards.js";
import { continueIntent, showMainMenu } from "../menu/menu.js";

export const SIGNUP = "signup";

const languageStep = defineStep("su-lang");
const startStep = defineStep("su-start");
const consentStep = defineStep("su-consent");
const nameStep = defineStep("su-name");
const guardianStep = defineStep("su-guardian");
const districtStep = defineStep("su-district");
const occupationStep = defineStep("su-occupation");

/** Where a person was heading when they were asked to sign up, so they can continue there. */
export type Intent = MenuEntry | undefined;

/**
 * Sign-up: language → what the centers offer → consent → name → age (guardian for 14–17) →
 * district → phone (optional) → work or study (optional) → main menu.
 */
export function signupConversation(deps: AppDeps) {
  const now = (conversation: AppConversation) => conversation.external(() => deps.clock.now().toISOString()).then((s) => new Date(s));

  return async function signup(conversation: AppConversation, ctx: BaseContext, intent?: Intent): Promise<void> {
    const userId = ctx.from!.id;

    const existing = await conversation.external(() => findUser(deps.db, userId));
    if (isRegistered(existing)) {
      await ctx.reply(ctx.t("signup-already", { name: escapeHtml(existing.name) }));
      await showMainMenu(ctx);
      return;
    }

    const lang = await askChoice(conversation, ctx, languageStep, LANGUAGES, (c) => ({
      text: c.t("signup-choose-language"),
      markup: languageKeyboard(c.t, languageStep.data),
    }));
    ctx = lang.ctx;
    const language: Language = lang.choice;
    const at = await now(conversation);
    await conversation.external(async () => {
      await ensureUser(deps.db, userId, language, at);
      await updateUser(deps.db, userId, { language }, at);
    });
    speakLanguage(ctx, language);

    const start = await askChoice(conversation, ctx, startStep, ["go", "browse"] as const, (c) => ({
      text: c.t("signup-overview"),
      markup: new InlineKeyboard().text(c.t("button-signup-start"), startStep.data("go")).row().text(c.t("button-browse"), startStep.data("browse")),
    }));
    ctx = start.ctx;
    if (start.choice === "browse") return showMainMenu(ctx);

    const consent = await askChoice(conversation, ctx, consentStep, ["yes", "no"] as const, (c) => ({
      text: c.t("signup-consent"),
      markup: new InlineKeyboard().text(c.t("button-consent-yes"), consentStep.data("yes")).row().text(c.t("button-consent-no"), consentStep.data("no")),
    }));
    ctx = consent.ctx;
    if (consent.choice === "no") {
      await ctx.reply(ctx.t("signup-consent-declined"));
      return showMainMenu(ctx);
    }

    const telegramName = parseName(ctx.from?.first_name ?? "");
    const name = await askText(conversation, ctx, {
      prompt: (c) => ({
        text: c.t("signup-ask-name"),
        markup: telegramName ? new InlineKeyboard().text(c.t("button-use-name", { name: telegramName }), nameStep.data("telegram")) : undefined,
      }),
      parse: (text) => parseName(text),
      invalid: (c) => c.t("signup-name-invalid", { max: NAME_MAX_LENGTH }),
      buttons: nameStep,
      onButton: (choice) => (choice === "telegram" ? telegramName : null),
    });
    ctx = name.ctx;

    const age = await askAge(conversation, ctx);
    ctx = age.ctx;
    if (age.kind === "refused") {
      await ctx.reply(ctx.t(AGE_REFUSAL_KEY[age.reason]));
      return showMainMenu(ctx);
    }

    const district = await askChoice(conversation, ctx, districtStep, DISTRICTS, (c) => ({
      text: c.t("signup-ask-district"),
      markup: districtKeyboard(c.t, districtStep.data),
    }));
    ctx = district.ctx;

    const phone = await askPhone(conversation, ctx, "button-skip");
    ctx = phone.ctx;
    await ctx.reply(ctx.t(phone.value ? "signup-phone-saved" : "signup-phone-skipped"), { reply_markup: { remove_keyboard: true } });

    const occupation = await askChoice(conversation, ctx, occupationStep, [...OCCUPATIONS, "skip"] as const, (c) => ({
      text: c.t("signup-ask-occupation"),
      markup: occupationKeyboard(c.t, occupationStep.data),
    }));
    ctx = occupation.ctx;

    const doneAt = await now(conversation);
    await conversation.external(() =>
      completeRegistration(
        deps.db,
        userId,
        {
          name: name.value,
          age: age.age,
          guardianConsent: age.guardianConsent,
          district: district.choice satisfies DistrictCode,
          phone: phone.value,
          occupation: occupation.choice === "skip" ? null : (occupation.choice satisfies Occupation),
          consentVersion: CONSENT_VERSION,
        },
        doneAt,
      ),
    );
    await ctx.reply(ctx.t("signup-done", { name: escapeHtml(name.value) }));
    await showMainMenu(ctx);
    if (intent) await continueIntent(ctx, intent);
  };
}

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

const AGE_REFUSAL_KEY = {
  "too-young": "signup-too-young",
  "too-old": "signup-too-old",
  "no-guardian": "signup-guardian-declined",
} as const;

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

export const signupFlows: Flow[] = [{ id: SIGNUP, build: signupConversation }];
