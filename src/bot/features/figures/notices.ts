import { InlineKeyboard } from "grammy";
import { signupCounts } from "../../../db/figures.js";
import { getsWeeklyReport } from "../../../db/weekly-report.js";
import { lastWeeks, SMALL_GROUP } from "../../../domain/figures.js";
import type { Translate } from "../../../domain/language.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { escapeHtml } from "../../shared/format.js";
import { figuresHome, weeklyReportSwitch } from "./buttons.js";
import { countText, progressText } from "./format.js";
import { cityProgress } from "./reports.js";

/** The buttons under a weekly summary: the figures, and turning the summary off (or on again). */
export function weeklyNoticeKeyboard(t: Translate, on: boolean): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("admin-button-figures"), figuresHome.pack())
    .row()
    .text(t(on ? "figures-button-weekly-off" : "figures-button-weekly-on"), weeklyReportSwitch.pack({ to: on ? "off" : "on", at: "notice" }));
}

/**
 * Monday's summary to a city administrator: the week's new sign-ups and where the 2026 targets
 * stand, figured when it is sent. Nothing if they turned it off meanwhile.
 */
export const renderWeeklyReport: NoticeRenderer = async ({ db, row, t, now }) => {
  if (!(await getsWeeklyReport(db, row.recipient_id))) return null;
  const [lastWeek] = lastWeeks(now, 2);
  const signups = (await signupCounts(db, [lastWeek!])).reduce((n, r) => n + r.n, 0);
  const week = t("figures-weekly-signups", { people: escapeHtml(countText(signups > 0 && signups < SMALL_GROUP ? "small" : signups)) });
  return {
    text: `${t("figures-weekly-title")}\n\n${week}\n\n${progressText(t, await cityProgress(db, now), now)}`,
    reply_markup: weeklyNoticeKeyboard(t, true),
  };
};

/** The figures' notices, registered in src/bot/notices.ts. */
export const figuresNoticeRenderers = {
  weekly_report: renderWeeklyReport,
} satisfies NoticeRenderers;
