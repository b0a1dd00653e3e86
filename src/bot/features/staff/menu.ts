import { InlineKeyboard } from "grammy";
import { findStaffMember, type StaffMember } from "../../../db/staff.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuButton, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { blockedTimesButton, blockTimeButton, cancelsPage, chooseStaffLanguage, showTodayButton, showWeekButton, staffMenu } from "./buttons.js";
import { refreshCommandMenu } from "./command-menus.js";
import { centerName } from "./format.js";
import { staffRolesOf } from "./roles.js";

/** The callback data of the staff menu, the screen every staff screen leads back to. */
export const STAFF_MENU = staffMenu.pack();

/** The active specialist linked to the sender's account, if any. */
export async function currentStaffMember(ctx: BaseContext): Promise<StaffMember | undefined> {
  return ctx.from ? findStaffMember(ctx.deps.db, ctx.from.id) : undefined;
}

/** Tells someone who is not a linked specialist what the staff section is (answering a button too). */
async function refuseNonStaff(ctx: BaseContext): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("staff-only") });
  await explainStaffOnly(ctx);
}

/** The staff-only answer alone, for a flow whose steps have answered their buttons already. */
export async function explainStaffOnly(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("staff-only"), { reply_markup: menuButton(ctx.t) });
}

/**
 * Runs `handler` for a linked specialist; anyone else gets the explanation. Rechecked on every
 * update, so a button kept from before an account was unlinked does nothing.
 */
export function forStaff<C extends BaseContext>(handler: (ctx: C, member: StaffMember) => Promise<unknown>) {
  return async (ctx: C): Promise<void> => {
    const member = await currentStaffMember(ctx);
    if (!member) {
      // Someone whose access ended still has /staff in their menu: it goes now.
      const roles = ctx.from ? await staffRolesOf(ctx.deps, ctx.from.id) : undefined;
      if (roles?.linked) await refreshCommandMenu(ctx, roles);
      return refuseNonStaff(ctx);
    }
    await handler(ctx, member);
  };
}

export async function showStaffMenu(ctx: BaseContext, member: StaffMember): Promise<void> {
  const language = ctx.language;
  const text = ctx.t("staff-menu", {
    name: escapeHtml(member.display_name),
    service: ctx.t(`service-${member.service}`),
    center: centerName(member, language),
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("staff-button-today"), showTodayButton.pack())
    .text(ctx.t("staff-button-week"), showWeekButton.pack())
    .row()
    .text(ctx.t("staff-button-block"), blockTimeButton.pack())
    .text(ctx.t("staff-button-blocks"), blockedTimesButton.pack())
    .row()
    .text(ctx.t("staff-button-cancel"), cancelsPage.pack({ page: 0 }))
    .row()
    .text(ctx.t("button-edit-language"), chooseStaffLanguage.pack())
    .row()
    // Specialists are young people too: the visitor's side (booking, clubs, their own sign-up).
    .text(ctx.t("staff-button-visitor"), menuOpenButton.pack());
  await showScreen(ctx, text, kb);
}

/** The button under staff screens that leads back to the staff menu. */
export function backToStaffMenu(ctx: BaseContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("button-back"), STAFF_MENU);
}
