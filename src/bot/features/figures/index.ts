import { GrammyError, InlineKeyboard, InputFile } from "grammy";
import { listCenters } from "../../../db/catalog.js";
import type { Db } from "../../../db/database.js";
import type { FigureScope } from "../../../db/figures.js";
import { getsWeeklyReport, setWeeklyReport } from "../../../db/weekly-report.js";
import { localDateOf } from "../../../domain/time.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin, forCityAdmin, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { figuresChart, figuresCsv, figuresHome, figuresReport, weeklyReportSwitch } from "./buttons.js";
import { renderBarChart } from "./chart.js";
import { countText, progressText, reportChart, reportCsv, reportText, type Reader } from "./format.js";
import { weeklyNoticeKeyboard } from "./notices.js";
import { buildReport, cityProgress, OPEN_TOTAL, reportsFor, TOTAL, type ReportCode } from "./reports.js";
import { Handlers } from "../../shared/handlers.js";

export { figuresNoticeRenderers } from "./notices.js";

/**
 * 📊 Figures, from /admin: the city's progress toward its 2026 targets and the reports behind
 * it, each as a message, a CSV file and a chart. A city administrator sees the whole city, a
 * center administrator their centers. Only counts are shown, small groups as "< 10", and the
 * psychologist's and the lawyer's consultations only as city-wide totals.
 */
export const figuresFeature = new Handlers<AppContext>().chatType("private");

const figuresScope = (scope: AdminScope): FigureScope => (scope.kind === "city" ? null : scope.centerIds);

async function readerOf(ctx: BaseContext): Promise<Reader> {
  return { t: ctx.t.bind(ctx), language: ctx.language, centers: await listCenters(ctx.deps.db) };
}

/** The section's entry on the administrators' home screen. */
export function figuresEntry(ctx: BaseContext): [string, string] {
  return [ctx.t("admin-button-figures"), figuresHome.pack()];
}

/** The headline of some centers: their consultations (not the sensitive ones), events and people reached this year. */
async function centersHeadline(ctx: BaseContext, db: Db, centerIds: readonly string[], now: Date): Promise<string> {
  const [consultations, events, reach] = await Promise.all([
    buildReport(db, centerIds, "consultations", now),
    buildReport(db, centerIds, "events", now),
    buildReport(db, centerIds, "reach", now),
  ]);
  const totalOf = (sheet: typeof events, section: string, key: string) => {
    const row = sheet.sections.find((s) => s.key === section)!.rows.find((r) => r.key === key)!;
    const shown = sheet.shown();
    return row.cells.map((c) => shown[c]!);
  };
  const [all, attended] = totalOf(consultations, "service", OPEN_TOTAL);
  const [held] = totalOf(events, "category", TOTAL);
  const [people] = totalOf(reach, "district", TOTAL);
  const names = (await listCenters(db))
    .filter((c) => centerIds.includes(c.id))
    .map((c) => escapeHtml(ctx.language === "kk" ? c.name_kk : c.name_ru));
  return ctx.t("figures-centers-headline", {
    centers: names.join(", "),
    consultations: escapeHtml(countText(all!)),
    attended: escapeHtml(countText(attended!)),
    events: escapeHtml(countText(held!)),
    people: escapeHtml(countText(people!)),
  });
}

async function showFiguresHome(ctx: BaseContext, scope: AdminScope): Promise<void> {
  const now = ctx.deps.clock.now();
  const centers = figuresScope(scope);
  const headline = centers
    ? await centersHeadline(ctx, ctx.deps.db, centers, now)
    : progressText(ctx.t.bind(ctx), await cityProgress(ctx.deps.db, now), now);
  const kb = new InlineKeyboard();
  reportsFor(centers).forEach((report, i) => {
    kb.text(ctx.t(`figures-report-${report}`), figuresReport.pack({ report }));
    if (i % 2 === 1) kb.row();
  });
  if (reportsFor(centers).length % 2 === 1) kb.row();
  if (scope.kind === "city") {
    const on = await getsWeeklyReport(ctx.deps.db, ctx.from!.id);
    kb.text(ctx.t(on ? "figures-button-weekly-off" : "figures-button-weekly-on"), weeklyReportSwitch.pack({ to: on ? "off" : "on", at: "home" })).row();
  }
  kb.text(ctx.t("button-back"), adminHome.pack());
  await showScreen(ctx, `${ctx.t("figures-title")}\n\n${headline}\n\n${ctx.t("figures-choose")}`, kb);
}

/** Runs `handler` for a report this administrator may see; a city-only report is refused to a center administrator. */
function forReport(handler: (ctx: AppContext, centers: FigureScope, report: ReportCode) => Promise<void>, codec: typeof figuresReport) {
  return forAdmin<AppContext>(async (ctx, scope) => {
    const { report } = codec.unpack(ctx.match as RegExpMatchArray);
    const centers = figuresScope(scope);
    if (!reportsFor(centers).includes(report)) return refuseAdmin(ctx);
    await handler(ctx, centers, report);
  });
}

figuresFeature.callbackQuery(
  figuresHome.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showFiguresHome(ctx, scope);
  }),
);

figuresFeature.callbackQuery(
  figuresReport.filter(),
  forReport(async (ctx, centers, report) => {
    await ctx.answerCallbackQuery();
    const sheet = await buildReport(ctx.deps.db, centers, report, ctx.deps.clock.now());
    const kb = new InlineKeyboard()
      .text(ctx.t("figures-button-csv"), figuresCsv.pack({ report }))
      .text(ctx.t("figures-button-chart"), figuresChart.pack({ report }))
      .row()
      .text(ctx.t("button-back"), figuresHome.pack());
    await showScreen(ctx, reportText(await readerOf(ctx), report, sheet), kb);
  }, figuresReport),
);

figuresFeature.callbackQuery(
  figuresCsv.filter(),
  forReport(async (ctx, centers, report) => {
    await ctx.answerCallbackQuery();
    const now = ctx.deps.clock.now();
    const sheet = await buildReport(ctx.deps.db, centers, report, now);
    const file = new InputFile(reportCsv(await readerOf(ctx), sheet), `figures-${report}-${localDateOf(now)}.csv`);
    await ctx.replyWithDocument(file, { caption: ctx.t(`figures-report-${report}`) });
  }, figuresCsv),
);

figuresFeature.callbackQuery(
  figuresChart.filter(),
  forReport(async (ctx, centers, report) => {
    await ctx.answerCallbackQuery();
    const now = ctx.deps.clock.now();
    const sheet = await buildReport(ctx.deps.db, centers, report, now);
    const png = await renderBarChart(reportChart(await readerOf(ctx), report, sheet));
    await ctx.replyWithPhoto(new InputFile(png, `figures-${report}-${localDateOf(now)}.png`), { caption: ctx.t(`figures-report-${report}`) });
  }, figuresChart),
);

figuresFeature.callbackQuery(
  weeklyReportSwitch.filter(),
  forCityAdmin<AppContext>(async (ctx) => {
    const { to, at } = weeklyReportSwitch.unpack(ctx.match as RegExpMatchArray);
    await setWeeklyReport(ctx.deps.db, ctx.from!.id, to === "on", ctx.deps.clock.now());
    await ctx.answerCallbackQuery({ text: ctx.t(to === "on" ? "figures-weekly-on-done" : "figures-weekly-off-done") });
    if (at === "home") return showFiguresHome(ctx, { kind: "city" });
    // Under the summary itself, the summary stays: only its button turns round.
    await ctx.editMessageReplyMarkup({ reply_markup: weeklyNoticeKeyboard(ctx.t.bind(ctx), to === "on") }).catch((err: unknown) => {
      // Pressed twice: the button already says so.
      if (!(err instanceof GrammyError && err.description.includes("message is not modified"))) throw err;
    });
  }),
);
