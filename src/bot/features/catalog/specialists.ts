import { InlineKeyboard } from "grammy";
import { findCenter, loadSchedules } from "../../../db/catalog.js";
import type { Specialist } from "../../../db/schema.js";
import { findActiveSpecialist, listCenterSpecialists } from "../../../db/specialist-edits.js";
import { formatRanges } from "../../../domain/working-hours.js";
import { formatDay, localDateOf, type Weekday } from "../../../domain/time.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { mayManageCenter, refuseAdmin, type AdminScope } from "../admin/access.js";
import {
  catalogCenter,
  catalogSpecialist,
  centerSpecialists,
  deactivateSpecialist,
  editWeekday,
  newOverride,
  newSpecialist,
  removeOverride,
  specialistOverrides,
} from "./buttons.js";

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * The active specialist of a button, when the sender may manage their center; refused
 * otherwise. One who has left since is said to be gone.
 */
export async function managedSpecialist(ctx: BaseContext, scope: AdminScope, specialistId: number): Promise<Specialist | undefined> {
  const specialist = await findActiveSpecialist(ctx.deps.db, specialistId);
  if (specialist && !mayManageCenter(scope, specialist.center_id)) {
    await refuseAdmin(ctx);
    return undefined;
  }
  if (!specialist) await ctx.answerCallbackQuery({ text: ctx.t("catalog-specialist-gone"), show_alert: true });
  return specialist;
}

/** A center's active specialists, each leading to their card, and a new one. */
export async function showCenterSpecialists(ctx: BaseContext, centerId: string, notice?: string): Promise<void> {
  const center = await findCenter(ctx.deps.db, centerId);
  if (!center) return;
  const specialists = await listCenterSpecialists(ctx.deps.db, centerId);
  const kb = new InlineKeyboard();
  for (const s of specialists) kb.text(`${s.display_name} · ${ctx.t(`service-${s.service}`)}`, catalogSpecialist.pack({ specialist: s.id })).row();
  kb.text(ctx.t("catalog-button-new-specialist"), newSpecialist.pack({ center: centerId }))
    .row()
    .text(ctx.t("button-back"), catalogCenter.pack({ center: centerId }));
  const name = escapeHtml(ctx.language === "kk" ? center.name_kk : center.name_ru);
  const text = ctx.t(specialists.length > 0 ? "catalog-specialists" : "catalog-specialists-none", { center: name });
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The specialist's card: their weekly hours, each weekday a button to change it. */
export async function showCatalogSpecialist(ctx: BaseContext, specialist: Specialist, notice?: string): Promise<void> {
  const { weekly } = (await loadSchedules(ctx.deps.db, [specialist.id])).get(specialist.id)!;
  const week = WEEKDAYS.map((day) => {
    const ranges = weekly.find((w) => w.weekday === day)?.ranges ?? [];
    return `${ctx.t(`catalog-weekday-${day}`)}: ${ranges.length > 0 ? formatRanges(ranges) : ctx.t("catalog-day-off")}`;
  });
  const center = await findCenter(ctx.deps.db, specialist.center_id);
  const text = ctx.t("catalog-specialist", {
    name: escapeHtml(specialist.display_name),
    service: ctx.t(`service-${specialist.service}`),
    center: escapeHtml((ctx.language === "kk" ? center?.name_kk : center?.name_ru) ?? ""),
    online: ctx.t(specialist.online ? "catalog-yes" : "catalog-no"),
    linked: ctx.t(specialist.telegram_id === null ? "catalog-no" : "catalog-yes"),
    week: week.join("\n"),
  });
  const kb = new InlineKeyboard();
  for (const day of WEEKDAYS) {
    kb.text(ctx.t(`catalog-weekday-${day}`), editWeekday.pack({ specialist: specialist.id, weekday: day }));
    if (day % 4 === 0) kb.row();
  }
  kb.row()
    .text(ctx.t("catalog-button-dates"), specialistOverrides.pack({ specialist: specialist.id }))
    .row()
    .text(ctx.t("catalog-button-deactivate"), deactivateSpecialist.pack({ specialist: specialist.id }))
    .row()
    .text(ctx.t("button-back"), centerSpecialists.pack({ center: specialist.center_id }));
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The specialist's dates from today on that differ from their weekly hours, each one tap from removal. */
export async function showSpecialistOverrides(ctx: BaseContext, specialist: Specialist, notice?: string): Promise<void> {
  const today = localDateOf(ctx.deps.clock.now());
  const { overrides } = (await loadSchedules(ctx.deps.db, [specialist.id])).get(specialist.id)!;
  const ahead = overrides.filter((o) => o.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const lines = ahead.map((o) => `${formatDay(o.date, ctx.language)}: ${o.kind === "off" ? ctx.t("catalog-day-off") : formatRanges(o.ranges)}`);
  const kb = new InlineKeyboard();
  for (const o of ahead) kb.text(`🗑 ${formatDay(o.date, ctx.language)}`, removeOverride.pack({ specialist: specialist.id, date: o.date })).row();
  kb.text(ctx.t("catalog-button-new-date"), newOverride.pack({ specialist: specialist.id }))
    .row()
    .text(ctx.t("button-back"), catalogSpecialist.pack({ specialist: specialist.id }));
  const name = escapeHtml(specialist.display_name);
  const text = ahead.length > 0 ? ctx.t("catalog-dates", { name, dates: lines.join("\n") }) : ctx.t("catalog-dates-none", { name });
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}
