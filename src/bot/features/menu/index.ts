import type { AppContext } from "../../context.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showMainMenu } from "./menu.js";
import { Handlers } from "../../shared/handlers.js";

export const menuFeature = new Handlers<AppContext>().chatType("private");

menuFeature.command("menu", (ctx) => showMainMenu(ctx));

menuFeature.callbackQuery(menuOpenButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});
