import { InlineKeyboard, InputFile } from "grammy";
import { exportCatalog } from "../../../db/catalog-csv.js";
import { CSV_KINDS } from "../../../domain/catalog-csv.js";
import { localDateOf } from "../../../domain/time.js";
import type { AppContext, BaseContext, Flow } from "../../context.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { csvExport, csvHome, csvImport } from "./buttons.js";
import { csvDocument } from "./files.js";
import { CATALOG_IMPORT, catalogImportConversation, centerScopeOf } from "./import.js";
import { Handlers } from "../../shared/handlers.js";

export const catalogCsvFlows: Flow[] = [{ id: CATALOG_IMPORT, build: catalogImportConversation }];

/**
 * The catalog as CSV files, for bulk work in a spreadsheet: centers, specialists with their
 * schedules, and events, each exported and imported for the administrator's own centers (the
 * whole city for a city administrator).
 */
export const catalogCsvFeature = new Handlers<AppContext>().chatType("private");

catalogCsvFeature.callbackQuery(
  csvHome.filter(),
  forAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCsvHome(ctx);
  }),
);

catalogCsvFeature.callbackQuery(
  csvExport.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await sendExport(ctx, scope, csvExport.unpack(ctx.match).kind);
  }),
);

catalogCsvFeature.callbackQuery(
  csvImport.filter(),
  forAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(CATALOG_IMPORT, csvImport.unpack(ctx.match).kind);
  }),
);

async function showCsvHome(ctx: BaseContext): Promise<void> {
  const kb = new InlineKeyboard();
  for (const kind of CSV_KINDS) {
    const name = ctx.t(`csv-kind-${kind}`);
    kb.text(ctx.t("csv-button-export", { kind: name }), csvExport.pack({ kind }))
      .text(ctx.t("csv-button-import", { kind: name }), csvImport.pack({ kind }))
      .row();
  }
  await showScreen(ctx, ctx.t("csv-home"), kb.text(ctx.t("button-back"), adminHome.pack()));
}

async function sendExport(ctx: BaseContext, scope: AdminScope, kind: (typeof CSV_KINDS)[number]): Promise<void> {
  const now = ctx.deps.clock.now();
  const rows = await exportCatalog(ctx.deps.db, kind, centerScopeOf(scope), now);
  const name = `${kind}-${localDateOf(now)}.csv`;
  await ctx.replyWithDocument(new InputFile(csvDocument(rows), name), {
    caption: ctx.t("csv-export-caption", { kind: ctx.t(`csv-kind-${kind}`), count: rows.length - 1 }),
  });
}
