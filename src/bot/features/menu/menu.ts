import { InlineKeyboard } from "grammy";
import { isRegistered } from "../../../db/users.js";
import type { BaseContext } from "../../context.js";
import { mainMenuKeyboard, menuEntryData, signupButton, type Destination, type MenuEntry } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";

export async function showMainMenu(ctx: BaseContext): Promise<void> {
  await showScreen(ctx, ctx.t("menu-title"), mainMenuKeyboard(ctx.t));
}

/** After sign-up: one button back to the menu entry the person was heading for. */
export async function continueIntent(ctx: BaseContext, intent: MenuEntry): Promise<void> {
  await ctx.reply(ctx.t("continue-after-signup"), {
    reply_markup: new InlineKeyboard().text(ctx.t(`menu-${intent}`), menuEntryData(intent)),
  });
}

/**
 * Guards an action that needs an account. Without one, explains and offers sign-up that
 * returns to `destination` afterwards; returns false so the caller stops.
 */
export async function requireAccount(ctx: BaseContext, destination: Destination): Promise<boolean> {
  if (isRegistered(ctx.account)) return true;
  await showScreen(ctx, ctx.t("need-signup"), new InlineKeyboard().text(ctx.t("button-signup"), signupButton.pack({ to: destination })));
  return false;
}
