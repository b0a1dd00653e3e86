import { InlineKeyboard } from "grammy";
import type { User } from "../../../db/schema.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";

export async function showProfile(ctx: BaseContext, user: User): Promise<void> {
  const unset = ctx.t("profile-not-set");
  const text = ctx.t("profile-title", {
    name: user.name ? escapeHtml(user.name) : unset,
    age: user.age ?? unset,
    district: user.district ? ctx.t(`district-${user.district}`) : unset,
    phone: user.phone ?? unset,
    occupation: user.occupation ? ctx.t(`occupation-${user.occupation}`) : unset,
    language: ctx.t(`language-${user.language}`),
    notifications: ctx.t(user.notifications ? "profile-notifications-on" : "profile-notifications-off"),
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("button-edit-name"), "profile:edit:name")
    .text(ctx.t("button-edit-age"), "profile:edit:age")
    .row()
    .text(ctx.t("button-edit-district"), "profile:district")
    .text(ctx.t("button-edit-phone"), "profile:edit:phone")
    .row()
    .text(ctx.t("button-edit-occupation"), "profile:occupation")
    .text(ctx.t("button-edit-language"), "profile:language")
    .row()
    .text(ctx.t(user.notifications ? "button-notifications-off" : "button-notifications-on"), "profile:notifications")
    .row()
    .text(
      user.practice_nudge_time
        ? ctx.t("nudge-profile-button-on", { time: user.practice_nudge_time })
        : ctx.t("nudge-profile-button-off"),
      "nudge:open",
    )
    .row();
  if (user.phone) kb.text(ctx.t("button-remove-phone"), "profile:remove-phone").row();
  kb
    .text(ctx.t("button-mydata"), "privacy:export")
    .text(ctx.t("button-deleteme"), "privacy:erase")
    .row()
    .text(ctx.t("button-menu"), "menu:open");
  await ctx.reply(text, { reply_markup: kb });
}
