import type { AppContext, BaseContext } from "../../context.js";
import { inFlow } from "../../shared/ask.js";
import { asideOf } from "../../shared/asides.js";
import { menuButton } from "../../shared/keyboards.js";
import { Handlers } from "../../shared/handlers.js";

export async function showCrisisHelp(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("help-crisis"), { reply_markup: menuButton(ctx.t) });
}

/**
 * /help, the 🆘 button and a message that signals crisis get the help lines at once, whatever
 * flow the person is in: mounted before the flows, so that none of them can hold the lines up.
 * A flow then asks its question again (see `asideOf`); outside one there is nothing more to say.
 */
export const helpFeature = new Handlers<AppContext>().chatType("private");

helpFeature.use(async (ctx, next) => {
  const aside = asideOf(ctx);
  if (aside === null) return next();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  if (aside === "crisis") {
    ctx.log.warn("crisis phrase detected; help lines sent");
    await ctx.reply(ctx.t("crisis-detected"));
  }
  await showCrisisHelp(ctx);
  if (inFlow(ctx)) await next();
});
