import { Composer } from "grammy";
import { signalsCrisis } from "../../../domain/crisis.js";
import type { AppContext, BaseContext } from "../../context.js";
import { menuButton } from "../../shared/keyboards.js";

export async function showCrisisHelp(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("help-crisis"), { parse_mode: "HTML", reply_markup: menuButton(ctx.t) });
}

export const helpFeature = new Composer<AppContext>().chatType("private");

helpFeature.command("help", (ctx) => showCrisisHelp(ctx));

helpFeature.callbackQuery("menu:help", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCrisisHelp(ctx);
});

/**
 * Mounted before conversations: a message that signals crisis gets the help lines at once,
 * whatever flow the person is in, and is not taken as an answer to that flow's question.
 */
export const crisisWatch = new Composer<AppContext>().chatType("private");

crisisWatch.on(["message:text", "message:caption"], async (ctx, next) => {
  const text = ctx.message.text ?? ctx.message.caption ?? "";
  if (!signalsCrisis(text)) return next();
  ctx.log.warn("crisis phrase detected; help lines sent");
  await ctx.reply(ctx.t("crisis-detected"), { parse_mode: "HTML" });
  await showCrisisHelp(ctx);
});
