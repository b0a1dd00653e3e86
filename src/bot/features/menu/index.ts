import { Composer } from "grammy";
import type { AppContext } from "../../context.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showMainMenu } from "./menu.js";

export const menuFeature = new Composer<AppContext>().chatType("private");

menuFeature.command("menu", (ctx) => showMainMenu(ctx));

menuFeature.callbackQuery(menuOpenButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});
