import { Composer, type InlineKeyboard } from "grammy";
import { isDistrict } from "../../../domain/districts.js";
import { isLanguage } from "../../../domain/language.js";
import { isOccupation } from "../../../domain/profile.js";
import type { User, UserUpdate } from "../../../db/schema.js";
import { isRegistered, updateUser } from "../../../db/users.js";
import type { AppContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { districtKeyboard, languageKeyboard, occupationKeyboard } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import { EDITABLE_BY_TEXT, PROFILE_EDIT, type TextField } from "./edit.js";
import { showProfile } from "./view.js";

export const profileFeature = new Composer<AppContext>().chatType("private");

profileFeature.command("profile", async (ctx) => {
  if (await requireAccount(ctx, "profile")) await showProfile(ctx, ctx.account!);
});

profileFeature.callbackQuery("menu:profile", async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "profile")) await showProfile(ctx, ctx.account!);
});

/** Every other profile button acts on an account; one pressed after /deleteme is stale. */
const profile = profileFeature.filter((ctx) => isRegistered(ctx.account));

profile.callbackQuery(/^profile:edit:(.+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const field = ctx.match[1] as TextField;
  if (EDITABLE_BY_TEXT.includes(field)) await ctx.conversation.enter(PROFILE_EDIT, field);
});

/** A profile field's choices, ending with the way back to the profile unchanged. */
async function showChoices(ctx: AppContext, question: string, kb: InlineKeyboard): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(question), { reply_markup: startRow(kb).text(ctx.t("button-back"), "menu:profile") });
}

profile.callbackQuery("profile:district", (ctx) => showChoices(ctx, "signup-ask-district", districtKeyboard(ctx.t, "profile:set-district")));
profile.callbackQuery("profile:occupation", (ctx) =>
  showChoices(ctx, "signup-ask-occupation", occupationKeyboard(ctx.t, "profile:set-occupation")),
);
profile.callbackQuery("profile:language", (ctx) => showChoices(ctx, "signup-choose-language", languageKeyboard(ctx.t, "profile:set-language")));

/** Saves one change and shows the profile as it now is. */
async function save(ctx: AppContext, changes: UserUpdate, notice = "profile-saved"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(notice) });
  const user: User = { ...ctx.account!, ...changes };
  await updateUser(ctx.deps.db, user.id, changes, ctx.deps.clock.now());
  await showProfile(ctx, user);
}

profile.callbackQuery(/^profile:set-district:(.+)$/, async (ctx, next) => {
  const district = ctx.match[1];
  if (!isDistrict(district)) return next();
  await save(ctx, { district });
});

profile.callbackQuery(/^profile:set-occupation:(.+)$/, async (ctx, next) => {
  const choice = ctx.match[1];
  if (choice !== "skip" && !isOccupation(choice)) return next();
  await save(ctx, { occupation: choice === "skip" ? null : choice });
});

profile.callbackQuery(/^profile:set-language:(.+)$/, async (ctx, next) => {
  const language = ctx.match[1];
  if (!isLanguage(language)) return next();
  ctx.i18n.useLocale(language);
  await save(ctx, { language });
});

profile.callbackQuery("profile:notifications", (ctx) => save(ctx, { notifications: ctx.account!.notifications ? 0 : 1 }));

profile.callbackQuery("profile:remove-phone", (ctx) => save(ctx, { phone: null }, "profile-phone-removed"));
