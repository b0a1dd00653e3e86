import { InlineKeyboard } from "grammy";
import { reminderMinutesOf } from "../../../db/event-admin.js";
import { applyImport, planImport, type CenterScope, type ImportPlan, type RowChange } from "../../../db/catalog-csv.js";
import { CSV_MAX_BYTES, readRows, type CsvKind, type RowProblem } from "../../../domain/catalog-csv.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { downloadFile } from "../../shared/files.js";
import { adminScopeOf, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { applyStep } from "./buttons.js";
import { readCsv } from "./files.js";

export const CATALOG_IMPORT = "catalog-import";

/** Lines of each list a report shows; the rest are counted. */
const SHOWN_CHANGES = 10;
const SHOWN_PROBLEMS = 15;

export function centerScopeOf(scope: AdminScope): CenterScope {
  return scope.kind === "city" ? "all" : scope.centerIds;
}

/** What checking a file found, small enough to keep in the flow's saved state. */
type Checked =
  | { kind: "not-allowed" }
  | { kind: "unreadable"; line: number }
  | { kind: "empty" }
  | { kind: "checked"; created: number; updated: number; unchanged: number; changes: RowChange[]; problems: RowProblem[]; problemCount: number };

function summary(plan: ImportPlan): Extract<Checked, { kind: "checked" }> {
  const count = (action: RowChange["action"]) => plan.changes.filter((c) => c.action === action).length;
  return {
    kind: "checked",
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    changes: plan.changes.filter((c) => c.action !== "unchanged").slice(0, SHOWN_CHANGES),
    problems: plan.problems.slice(0, SHOWN_PROBLEMS),
    problemCount: plan.problems.length,
  };
}

/**
 * Reads the file and plans the import (`apply`: and applies it, in one transaction), for the
 * sender's scope as it is at this moment. Given the context outside the flow: the file is
 * fetched once, not as a call the flow replays.
 */
async function checkFile(deps: AppDeps, ctx: BaseContext, kind: CsvKind, fileId: string, apply: boolean): Promise<Checked & { applied?: boolean }> {
  const scope = await adminScopeOf(ctx);
  if (!scope) return { kind: "not-allowed" };
  const read = readCsv(await downloadFile(ctx, fileId));
  if (read.kind !== "read") return read;
  const { rows, problems } = readRows(kind, read.header, read.records);
  const now = deps.clock.now();
  if (problems.length > 0) {
    const plan = await planImport(deps.db, kind, rows, centerScopeOf(scope), now);
    return summary({ changes: plan.changes, problems: [...problems, ...plan.problems].sort((a, b) => a.line - b.line) });
  }
  if (!apply) return summary(await planImport(deps.db, kind, rows, centerScopeOf(scope), now));
  const result = await applyImport(deps.db, kind, rows, centerScopeOf(scope), ctx.from!.id, reminderMinutesOf(deps.config), now);
  return { ...summary(result), applied: result.applied };
}

function changeLine(ctx: BaseContext, change: RowChange): string {
  const label = escapeHtml(change.label);
  return change.action === "create"
    ? ctx.t("csv-line-create", { line: change.line, label })
    : ctx.t("csv-line-update", { line: change.line, label, columns: change.columns.join(", ") });
}

function problemLine(ctx: BaseContext, problem: RowProblem): string {
  return ctx.t("csv-line-problem", {
    line: problem.line,
    column: problem.column ?? "none",
    problem: ctx.t(problem.key, problem.vars),
  });
}

function more(ctx: BaseContext, shown: number, total: number): string[] {
  return total > shown ? [ctx.t("csv-more", { count: total - shown })] : [];
}

/** The dry run's report: what would change, or every problem (nothing is applied with any). */
function reportText(ctx: BaseContext, kind: CsvKind, checked: Extract<Checked, { kind: "checked" }>): string {
  if (checked.problemCount > 0) {
    return [
      ctx.t("csv-report-rejected", { count: checked.problemCount }),
      ...checked.problems.map((p) => problemLine(ctx, p)),
      ...more(ctx, checked.problems.length, checked.problemCount),
    ].join("\n");
  }
  return [
    ctx.t("csv-report-plan", { kind: ctx.t(`csv-kind-${kind}`), created: checked.created, updated: checked.updated, unchanged: checked.unchanged }),
    ...checked.changes.map((c) => changeLine(ctx, c)),
    ...more(ctx, checked.changes.length, checked.created + checked.updated),
  ].join("\n");
}

/**
 * Importing one kind of the catalog from a CSV file: the file is checked row by row and the
 * report shows what would change (a dry run); only a file without a single problem can be
 * applied, in one transaction, after the administrator confirms. A file with problems is sent
 * again corrected; /cancel leaves with nothing changed.
 */
export function catalogImportConversation(deps: AppDeps) {
  return async function catalogImport(conversation: AppConversation, ctx: BaseContext, kind: CsvKind): Promise<void> {
    for (;;) {
      const sent = await askText(conversation, ctx, {
        prompt: (c) => ({ text: c.t("csv-ask-file", { kind: c.t(`csv-kind-${kind}`) }) }),
        parse: () => null,
        invalid: (c) => c.t("csv-not-a-file"),
        other: (c) => {
          const document = c.message?.document;
          return document ? { fileId: document.file_id, size: document.file_size ?? 0 } : null;
        },
      });
      ctx = sent.ctx;
      if (sent.value.size > CSV_MAX_BYTES) {
        await ctx.reply(ctx.t("csv-file-too-big", { max: Math.round(CSV_MAX_BYTES / 1000) }));
        continue;
      }
      const file = sent.value.fileId;
      const checked = await conversation.external((outside): Promise<Checked> => checkFile(deps, outside, kind, file, false));
      if (checked.kind === "not-allowed") {
        await ctx.reply(ctx.t("staff-not-allowed"));
        return;
      }
      if (checked.kind !== "checked") {
        await ctx.reply(checked.kind === "empty" ? ctx.t("csv-file-empty") : ctx.t("csv-file-unreadable", { line: checked.line }));
        continue;
      }
      if (checked.problemCount > 0) {
        await ctx.reply(reportText(ctx, kind, checked));
        continue;
      }
      if (checked.created + checked.updated === 0) {
        await ctx.reply(ctx.t("csv-report-nothing"), { reply_markup: new InlineKeyboard().text(ctx.t("button-back"), adminHome.pack()) });
        return;
      }
      const decision = await askChoice(conversation, ctx, applyStep, ["apply", "cancel"] as const, (c) => ({
        text: reportText(c, kind, checked),
        markup: new InlineKeyboard().text(c.t("csv-button-apply"), applyStep.data("apply")).text(c.t("button-cancel"), applyStep.data("cancel")),
      }));
      ctx = decision.ctx;
      const back = new InlineKeyboard().text(ctx.t("button-back"), adminHome.pack());
      if (decision.choice === "cancel") {
        await ctx.reply(ctx.t("csv-cancelled"), { reply_markup: back });
        return;
      }
      const result = await conversation.external((outside) => checkFile(deps, outside, kind, file, true));
      if (result.kind !== "checked") {
        await ctx.reply(ctx.t("staff-not-allowed"));
        return;
      }
      if (!result.applied) {
        await ctx.reply([ctx.t("csv-changed-meanwhile"), reportText(ctx, kind, result)].join("\n\n"), { reply_markup: back });
        return;
      }
      await ctx.reply(ctx.t("csv-applied", { created: result.created, updated: result.updated }), { reply_markup: back });
      return;
    }
  };
}
