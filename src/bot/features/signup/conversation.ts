import { InlineKeyboard } from "grammy";
import { DISTRICTS, type DistrictCode } from "../../../domain/districts.js";
import { LANGUAGES, type Language } from "../../../domain/language.js";
import { CONSENT_VERSION, NAME_MAX_LENGTH, OCCUPATIONS, parseName, type Occupation } from "../../../domain/profile.js";
import { completeRegistration, ensureUser, findUser, isRegistered, updateUser } from "../../../db/users.js";
import type { AppConversation, AppDeps, BaseContext, Flow } from "../../context.js";
import { speakLanguage } from "../../i18n.js";
import { askChoice, askText } from "../../shared/ask.js";
import { askAge, askPhone } from "../../shared/ask-person.js";
import { escapeHtml } from "../../shared/format.js";
import { defineStep } from "../../shared/callback-data.js";
import { districtKeyboard, isMenuEntry, languageKeyboard, occupationKeyboard, type Destination } from "../../shared/keyboards.js";
import { showBelow } from "../../shared/screen.js";
import { openCard } from "../links/index.js";
import { continueIntent, showMainMenu } from "../menu/menu.js";

export const SIGNUP = "signup";

const languageStep = defineStep("su-lang");
const startStep = defineStep("su-start");
const consentStep = defineStep("su-consent");
const nameStep = defineStep("su-name");
const districtStep = defineStep("su-district");
const occupationStep = defineStep("su-occupation");

/**
 * Sign-up: language → what the centers offer → consent → name → age (guardian for 14–17) →
 * district → phone (optional) → work or study (optional) → main menu. Someone who came for a
 * card (a poster's link) lands on that card instead, also when they only look around; someone
 * who came for a menu entry gets one button back to it.
 */
export function signupConversation(deps: AppDeps) {
  const now = (conversation: AppConversation) => conversation.external(() => deps.clock.now().toISOString()).then((s) => new Date(s));

  /**
   * Shows the card, once the flow has said everything else: from the surrounding update (a
   * card reads the database), below the flow's messages.
   */
  const landOnCard = (conversation: AppConversation, card: string) =>
    conversation.external(async (outside) => {
      showBelow(outside);
      await openCard(outside, card);
    });

  return async function signup(conversation: AppConversation, ctx: BaseContext, destination?: Destination): Promise<void> {
    const card = destination !== undefined && !isMenuEntry(destination) ? destination : undefined;
    const userId = ctx.from!.id;

    const existing = await conversation.external(() => findUser(deps.db, userId));
    if (isRegistered(existing)) {
      await ctx.reply(ctx.t("signup-already", { name: escapeHtml(existing.name) }));
      return card ? landOnCard(conversation, card) : showMainMenu(ctx);
    }

    const lang = await askLanguage(conversation, ctx);
    ctx = lang.ctx;
    const language: Language = lang.choice;
    const at = await now(conversation);
    await conversation.external(async () => {
      await ensureUser(deps.db, userId, language, at);
      await updateUser(deps.db, userId, { language }, at);
    });
    speakLanguage(ctx, language);

    const start = await askToStart(conversation, ctx);
    ctx = start.ctx;
    if (start.choice === "browse") return card ? landOnCard(conversation, card) : showMainMenu(ctx);

    const consent = await askConsent(conversation, ctx);
    ctx = consent.ctx;
    if (consent.choice === "no") {
      await ctx.reply(ctx.t("signup-consent-declined"));
      return showMainMenu(ctx);
    }

    const name = await askName(conversation, ctx);
    ctx = name.ctx;

    const age = await askAge(conversation, ctx);
    ctx = age.ctx;
    if (age.kind === "refused") {
      await ctx.reply(ctx.t(AGE_REFUSAL_KEY[age.reason]));
      return showMainMenu(ctx);
    }

    const district = await askDistrict(conversation, ctx);
    ctx = district.ctx;

    const phone = await askPhone(conversation, ctx, "button-skip");
    ctx = phone.ctx;
    await ctx.reply(ctx.t(phone.value ? "signup-phone-saved" : "signup-phone-skipped"), { reply_markup: { remove_keyboard: true } });

    const occupation = await askOccupation(conversation, ctx);
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
    if (card) return landOnCard(conversation, card);
    await showMainMenu(ctx);
    if (destination !== undefined && isMenuEntry(destination)) await continueIntent(ctx, destination);
  };
}

function askLanguage(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, languageStep, LANGUAGES, (c) => ({
    text: c.t("signup-choose-language"),
    markup: languageKeyboard(c.t, languageStep.data),
  }));
}

/** What the centers offer, then sign up or only look around. */
function askToStart(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, startStep, ["go", "browse"] as const, (c) => ({
    text: c.t("signup-overview"),
    markup: new InlineKeyboard().text(c.t("button-signup-start"), startStep.data("go")).row().text(c.t("button-browse"), startStep.data("browse")),
  }));
}

function askConsent(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, consentStep, ["yes", "no"] as const, (c) => ({
    text: c.t("signup-consent"),
    markup: new InlineKeyboard().text(c.t("button-consent-yes"), consentStep.data("yes")).row().text(c.t("button-consent-no"), consentStep.data("no")),
  }));
}

/** The name, typed or taken from Telegram with one button when it is a valid name. */
function askName(conversation: AppConversation, ctx: BaseContext) {
  const telegramName = parseName(ctx.from?.first_name ?? "");
  return askText(conversation, ctx, {
    prompt: (c) => ({
      text: c.t("signup-ask-name"),
      markup: telegramName ? new InlineKeyboard().text(c.t("button-use-name", { name: telegramName }), nameStep.data("telegram")) : undefined,
    }),
    parse: (text) => parseName(text),
    invalid: (c) => c.t("signup-name-invalid", { max: NAME_MAX_LENGTH }),
    buttons: nameStep,
    onButton: (choice) => (choice === "telegram" ? telegramName : null),
  });
}

function askDistrict(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, districtStep, DISTRICTS, (c) => ({
    text: c.t("signup-ask-district"),
    markup: districtKeyboard(c.t, districtStep.data),
  }));
}

function askOccupation(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, occupationStep, [...OCCUPATIONS, "skip"] as const, (c) => ({
    text: c.t("signup-ask-occupation"),
    markup: occupationKeyboard(c.t, occupationStep.data),
  }));
}

const AGE_REFUSAL_KEY = {
  "too-young": "signup-too-young",
  "too-old": "signup-too-old",
  "no-guardian": "signup-guardian-declined",
} as const;

export const signupFlows: Flow[] = [{ id: SIGNUP, build: signupConversation }];
