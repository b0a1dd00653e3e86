import { stringify } from "csv-stringify/sync";
import { InlineKeyboard, InputFile } from "grammy";
import { allAudit, auditPageOf, countAudit } from "../../../db/audit.js";
import type { AuditEntry } from "../../../db/schema.js";
import { pageAt } from "../../../domain/paging.js";
import { localDateOf, localTimeOf } from "../../../domain/time.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { pageArrows } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { forCityAdmin } from "./access.js";
import { adminHome, auditExport, auditPage } from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * The audit log for city administrators: who did what, when, and the state before and after, a
 * page at a time, newest first; and the whole log as a CSV document. The log names people by
 * their Telegram id alone.
 */
export const auditFeature = new Handlers<AppContext>().chatType("private");

/** Entries shown at a time: each takes three short lines. */
const ENTRIES_PER_PAGE = 10;

/** How much of a state before or after a change a line shows; the export has it whole. */
const STATE_SHOWN = 60;

/** A moment in Almaty time, as the log shows and exports it: "2026-12-02 10:00". */
function almatyTime(at: string): string {
  const instant = new Date(at);
  return `${localDateOf(instant)} ${localTimeOf(instant)}`;
}

function shortState(state: string | null): string {
  if (state === null) return "—";
  return state.length > STATE_SHOWN ? `${state.slice(0, STATE_SHOWN - 1)}…` : state;
}

function entryLines(entry: AuditEntry): string {
  const where = entry.center_id === null ? "" : ` · ${entry.center_id}`;
  return [
    `<b>${almatyTime(entry.at)}</b> · ${entry.actor_id} · ${escapeHtml(entry.action)}`,
    `${escapeHtml(entry.subject)}${escapeHtml(where)}`,
    `${escapeHtml(shortState(entry.before))} → ${escapeHtml(shortState(entry.after))}`,
  ].join("\n");
}

async function showAudit(ctx: BaseContext, page: number): Promise<void> {
  const total = await countAudit(ctx.deps.db);
  const { index, pages, offset } = pageAt(total, page, ENTRIES_PER_PAGE);
  const entries = await auditPageOf(ctx.deps.db, offset, ENTRIES_PER_PAGE);
  const kb = pageArrows(ctx, new InlineKeyboard(), { index, pages }, (p) => auditPage.pack({ page: p }));
  if (total > 0) kb.text(ctx.t("admin-audit-button-export"), auditExport.pack()).row();
  kb.text(ctx.t("button-back"), adminHome.pack());
  const title = total > 0 ? ctx.t("admin-audit", { count: total, page: index + 1, pages }) : ctx.t("admin-audit-none");
  await showScreen(ctx, [title, ...entries.map(entryLines)].join("\n\n"), kb);
}

/** The CSV columns, in order. */
const COLUMNS = ["at", "actor", "action", "subject", "center", "before", "after"] as const;

/**
 * The log as CSV, oldest first, UTF-8 with a byte order mark so that spreadsheet programs read
 * Cyrillic; times in Almaty, states as the JSON they were recorded as.
 */
function auditCsv(entries: readonly AuditEntry[]): Buffer {
  const rows = entries.map((e) => [almatyTime(e.at), e.actor_id, e.action, e.subject, e.center_id ?? "", e.before ?? "", e.after ?? ""]);
  return Buffer.from(`\uFEFF${stringify(rows, { header: true, columns: [...COLUMNS] })}`, "utf8");
}

auditFeature.callbackQuery(
  auditPage.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAudit(ctx, auditPage.unpack(ctx.match).page);
  }),
);

auditFeature.callbackQuery(
  auditExport.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const entries = await allAudit(ctx.deps.db);
    const filename = `audit-${localDateOf(ctx.deps.clock.now())}.csv`;
    ctx.log.info({ entries: entries.length }, "audit log exported");
    await ctx.replyWithDocument(new InputFile(auditCsv(entries), filename), { caption: ctx.t("admin-audit-exported", { count: entries.length }) });
  }),
);
