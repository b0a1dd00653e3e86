import { InlineKeyboard } from "grammy";
import type { User } from "../../../db/schema.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { erase, exportData } from "../privacy/buttons.js";
import { openNudgeTimes } from "../reminders/buttons.js";
import { chooseDistrict, chooseLanguage, chooseOccupation, editByText, removePhone, toggleNotifications } from "./buttons.js";

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
    .text(ctx.t("button-edit-name"), editByText.pack({ field: "name" }))
    .text(ctx.t("button-edit-age"), editByText.pack({ field: "age" }))
    .row()
    .text(ctx.t("button-edit-district"), chooseDistrict.pack())
    .text(ctx.t("button-edit-phone"), editByText.pack({ field: "phone" }))
    .row()
    .text(ctx.t("button-edit-occupation"), chooseOccupation.pack())
    .text(ctx.t("button-edit-language"), chooseLanguage.pack())
    .row()
    .text(ctx.t(user.notifications ? "button-notifications-off" : "button-notifications-on"), toggleNotifications.pack())
    .row()
    .text(
      user.practice_nudge_time
        ? ctx.t("nudge-profile-button-on", { time: user.practice_nudge_time })
        : ctx.t("nudge-profile-button-off"),
      openNudgeTimes.pack(),
    )
    .row();
  if (user.phone) kb.text(ctx.t("button-remove-phone"), removePhone.pack()).row();
  kb
    .text(ctx.t("button-mydata"), exportData.pack())
    .text(ctx.t("button-deleteme"), erase.pack())
    .row()
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, text, kb);
}
