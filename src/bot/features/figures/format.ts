import { stringify } from "csv-stringify/sync";
import type { Center } from "../../../db/schema.js";
import { paceTo, TARGET_YEAR, TARGETS, type FigureSheet, type Hidden } from "../../../domain/figures.js";
import type { Language, Translate } from "../../../domain/language.js";
import { escapeHtml } from "../../shared/format.js";
import type { BarChart } from "./chart.js";
import { CHART_SECTION, OPEN_TOTAL, TOTAL, UNKNOWN, type Progress, type ReportCode } from "./reports.js";

/** What the figures are read in: a translation, the language, and the centers' names. */
export interface Reader {
  t: Translate;
  language: Language;
  centers: readonly Center[];
}

/** Telegram's limit on a message, less room for the closing note. */
const MESSAGE_ROOM = 3_800;

/** A count as shown (plain text, to escape in HTML): grouped by thousands, "< 10" for a small group, "*" for a guard. */
export function countText(value: number | Hidden): string {
  if (value === "small") return "< 10";
  if (value === "guard") return "*";
  return Number.isInteger(value) ? value.toLocaleString("ru-RU").replace(/\s/g, " ") : value.toFixed(1);
}

/** A row's name in the reader's language. */
export function rowLabel(reader: Reader, section: string, key: string): string {
  const { t, language } = reader;
  if (key === TOTAL) return t("figures-row-total");
  if (key === OPEN_TOTAL) return t("figures-row-total-open");
  if (key === UNKNOWN) return t("figures-row-unknown");
  switch (section) {
    case "service":
      return t(`service-${key}`);
    case "center": {
      const center = reader.centers.find((c) => c.id === key);
      return center ? (language === "kk" ? center.name_kk : center.name_ru) : key;
    }
    case "district":
      return t(`district-${key}`);
    case "month":
      return `${key.slice(5)}.${key.slice(0, 4)}`;
    case "week":
      return t("figures-row-week", { monday: `${key.slice(8)}.${key.slice(5, 7)}.${key.slice(0, 4)}` });
    case "band":
      return key.replace("-", "–");
    case "occupation":
      return t(`figures-row-${key}`);
    case "category":
      return t(`event-category-${key}`);
    case "partner":
      return t(`card-category-${key}`);
    case "level":
      return t(`teatalk-level-${key}`);
    default:
      return t(`figures-row-${key}`);
  }
}

function columnLabel(reader: Reader, column: string): string {
  return reader.t(`figures-column-${column}`);
}

/** One report as a message: its title, the columns, then each section's rows. */
export function reportText(reader: Reader, report: ReportCode, sheet: FigureSheet): string {
  const { t } = reader;
  const shown = sheet.shown();
  const head = [
    `<b>${escapeHtml(t(`figures-report-${report}`))}</b>`,
    t(`figures-about-${report}`, { year: String(TARGET_YEAR) }),
    sheet.columns.length > 1 ? `<i>${escapeHtml(sheet.columns.map((c) => columnLabel(reader, c)).join(" / "))}</i>` : "",
  ].filter(Boolean);
  let text = head.join("\n");
  for (const section of sheet.sections) {
    const lines = section.rows.map((row) => {
      const values = row.cells.map((c) => countText(shown[c]!)).join(" / ");
      const label = escapeHtml(rowLabel(reader, section.key, row.key));
      return row.key === TOTAL || row.key === OPEN_TOTAL ? `<b>${label}: ${escapeHtml(values)}</b>` : `${label}: ${escapeHtml(values)}`;
    });
    const block = `\n\n<b>${escapeHtml(t(`figures-section-${section.key}`))}</b>\n${lines.join("\n")}`;
    if (text.length + block.length > MESSAGE_ROOM) return `${text}\n\n${t("figures-more-in-csv")}`;
    text += block;
  }
  return shown.includes("guard") ? `${text}\n\n${t("figures-guard-note")}` : text;
}

/** One report as CSV (UTF-8 with a BOM, so that spreadsheet programs read Kazakh letters right). */
export function reportCsv(reader: Reader, sheet: FigureSheet): Buffer {
  const shown = sheet.shown();
  const rows: string[][] = [[reader.t("figures-column-section"), reader.t("figures-column-row"), ...sheet.columns.map((c) => columnLabel(reader, c))]];
  for (const section of sheet.sections) {
    for (const row of section.rows) {
      rows.push([reader.t(`figures-section-${section.key}`), rowLabel(reader, section.key, row.key), ...row.cells.map((c) => countText(shown[c]!))]);
    }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(rows, { record_delimiter: "\r\n" }), "utf8")]);
}

/** One report's chart: the first column of its chart's section, totals left out. */
export function reportChart(reader: Reader, report: ReportCode, sheet: FigureSheet): BarChart {
  const shown = sheet.shown();
  const sectionKey = CHART_SECTION[report];
  const section = sheet.sections.find((s) => s.key === sectionKey);
  const rows = (section?.rows ?? []).filter((r) => r.key !== TOTAL && r.key !== OPEN_TOTAL);
  return {
    title: `${reader.t(`figures-report-${report}`)}, ${TARGET_YEAR}`,
    labelAxis: reader.t(`figures-section-${sectionKey}`),
    valueAxis: columnLabel(reader, sheet.columns[0]!),
    bars: rows.map((r) => {
      const value = shown[r.cells[0]!]!;
      return { label: rowLabel(reader, sectionKey, r.key), value: typeof value === "number" ? value : null, text: countText(value) };
    }),
  };
}

/** The city's progress toward the 2026 targets, with the pace still needed. */
export function progressText(t: Translate, progress: readonly Progress[], now: Date): string {
  const lines = progress.map((p) => {
    const pace = paceTo(TARGETS[p.code], p.done, now);
    const line = t(`figures-target-${p.code}`, {
      done: escapeHtml(countText(p.small ? "small" : p.done)),
      target: countText(pace.target),
      percent: p.small ? 0 : Math.floor(pace.share * 100),
    });
    if (pace.perDay === 0) return `${line}\n    ${t("figures-target-met")}`;
    return `${line}\n    ${t("figures-pace", { perDay: countText(pace.perDay), perWeek: countText(pace.perWeek) })}`;
  });
  const daysLeft = paceTo(1, 0, now).daysLeft;
  return [t("figures-targets-title", { year: String(TARGET_YEAR), days: daysLeft }), ...lines].join("\n");
}
