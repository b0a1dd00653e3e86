import { Composer } from "grammy";
import type { AppContext } from "../../context.js";
import { MENU_ENTRIES, menuButton, type MenuEntry } from "../../shared/keyboards.js";
import { showMainMenu } from "./menu.js";

/** Menu entries whose features are not built yet; they say so honestly. */
const COMING_SOON: readonly MenuEntry[] = ["events", "card"];

export const menuFeature = new Composer<AppContext>().chatType("private");

menuFeature.command("menu", (ctx) => showMainMenu(ctx));

menuFeature.callbackQuery("menu:open", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMainMenu(ctx);
});

menuFeature.callbackQuery(/^menu:(.+)$/, async (ctx, next) => {
  const entry = ctx.match[1] as MenuEntry;
  if (!MENU_ENTRIES.includes(entry) || !COMING_SOON.includes(entry)) return next();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("coming-soon"), { reply_markup: menuButton(ctx.t) });
});
