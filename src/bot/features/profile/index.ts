import { type InlineKeyboard } from "grammy";
import type { User, UserUpdate } from "../../../db/schema.js";
import { isRegistered, updateUser } from "../../../db/users.js";
import type { AppContext, Flow } from "../../context.js";
import { speakLanguage } from "../../i18n.js";
import { startRow } from "../../shared/ask.js";
import { districtKeyboard, languageKeyboard, menuEntryData, occupationKeyboard } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { requireAccount } from "../menu/menu.js";
import {
  chooseDistrict,
  chooseLanguage,
  chooseOccupation,
  editByText,
  removePhone,
  setDistrict,
  setLanguage,
  setOccupation,
  toggleNotifications,
} from "./buttons.js";
import { PROFILE_EDIT, profileEditConversation } from "./edit.js";
import { showProfile } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

export const profileFlows: Flow[] = [{ id: PROFILE_EDIT, build: profileEditConversation }];

export const profileFeature = new Handlers<AppContext>().chatType("private");

profileFeature.command("profile", async (ctx) => {
  if (await requireAccount(ctx, "profile")) await showProfile(ctx, ctx.account!);
});

profileFeature.callbackQuery(menuEntryData("profile"), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, "profile")) await showProfile(ctx, ctx.account!);
});

/** Every other profile button acts on an account; one pressed after /deleteme is stale. */
const profile = profileFeature.filter((ctx) => isRegistered(ctx.account));

profile.callbackQuery(editByText.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(PROFILE_EDIT, editByText.unpack(ctx.match).field);
});

/** A profile field's choices, ending with the way back to the profile unchanged. */
async function showChoices(ctx: AppContext, question: string, kb: InlineKeyboard): Promise<void> {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, ctx.t(question), startRow(kb).text(ctx.t("button-back"), menuEntryData("profile")));
}

profile.callbackQuery(chooseDistrict.filter(), (ctx) =>
  showChoices(ctx, "signup-ask-district", districtKeyboard(ctx.t, (district) => setDistrict.pack({ district }))),
);
profile.callbackQuery(chooseOccupation.filter(), (ctx) =>
  showChoices(ctx, "signup-ask-occupation", occupationKeyboard(ctx.t, (occupation) => setOccupation.pack({ occupation }))),
);
profile.callbackQuery(chooseLanguage.filter(), (ctx) =>
  showChoices(ctx, "signup-choose-language", languageKeyboard(ctx.t, (language) => setLanguage.pack({ language }))),
);

/** Saves one change and shows the profile as it now is. */
async function save(ctx: AppContext, changes: UserUpdate, notice = "profile-saved"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(notice) });
  const user: User = { ...ctx.account!, ...changes };
  await updateUser(ctx.deps.db, user.id, changes, ctx.deps.clock.now());
  await showProfile(ctx, user);
}

profile.callbackQuery(setDistrict.filter(), (ctx) => save(ctx, { district: setDistrict.unpack(ctx.match).district }));

profile.callbackQuery(setOccupation.filter(), async (ctx) => {
  const { occupation } = setOccupation.unpack(ctx.match);
  await save(ctx, { occupation: occupation === "skip" ? null : occupation });
});

profile.callbackQuery(setLanguage.filter(), async (ctx) => {
  const { language } = setLanguage.unpack(ctx.match);
  speakLanguage(ctx, language);
  await save(ctx, { language });
});

profile.callbackQuery(toggleNotifications.filter(), (ctx) => save(ctx, { notifications: ctx.account!.notifications ? 0 : 1 }));

profile.callbackQuery(removePhone.filter(), (ctx) => save(ctx, { phone: null }, "profile-phone-removed"));
