import { Composer } from "grammy";
import { isRegistered } from "../../../db/users.js";
import type { AppContext } from "../../context.js";
import { signupButton } from "../../shared/keyboards.js";
import { showMainMenu } from "../menu/menu.js";
import { SIGNUP } from "../signup/conversation.js";

export const startFeature = new Composer<AppContext>().chatType("private");

startFeature.command("start", async (ctx) => {
  if (isRegistered(ctx.account)) return showMainMenu(ctx);
  await ctx.conversation.enter(SIGNUP);
});

/** "Sign up" offered by a guarded action: the intent brings the person back to it afterwards. */
startFeature.callbackQuery(signupButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (isRegistered(ctx.account)) return showMainMenu(ctx);
  await ctx.conversation.enter(SIGNUP, signupButton.unpack(ctx.match).intent);
});
