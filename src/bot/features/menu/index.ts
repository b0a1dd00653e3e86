import { Composer } from "grammy";
import type { AppContext } from "../../context.js";
import { menuButton, menuEntryButton, menuOpenButton, type MenuEntry } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { showMainMenu } from "./menu.js";

/** Menu entries whose features are not built yet; they say so honestly. */
const COMING_SOON: readonly MenuEntry[] = ["card"];

export const menuFeature = new Composer<AppContext>().chatType("private");

menuFeature.command("menu", (ctx) => showMainMenu(ctx));

menuFeature.callbackQuery(menuOpenButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});

menuFeature.callbackQuery(menuEntryButton.filter(), async (ctx, next) => {
  if (!COMING_SOON.includes(menuEntryButton.unpack(ctx.match).entry)) return next();
  await ctx.answerCallbackQuery();
  await showScreen(ctx, ctx.t("coming-soon"), menuButton(ctx.t));
});
