import { InlineKeyboard } from "grammy";
import { listCenters } from "../../../db/catalog.js";
import type { AppContext, BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { csvHome } from "../catalog-csv/buttons.js";
import { adminPartners } from "../card/buttons.js";
import { eventsAdmin } from "../event-admin/buttons.js";
import { teamsAdmin } from "../team-admin/buttons.js";
import { inviteKinds } from "../staff/buttons.js";
import { catalogCenters } from "../catalog/buttons.js";
import { adminBroadcasts } from "../broadcasts/buttons.js";
import { figuresEntry } from "../figures/index.js";
import { forAdmin, type AdminScope } from "./access.js";
import { auditFeature } from "./audit.js";
import { adminHome, auditPage, peoplePage } from "./buttons.js";
import { peopleFeature } from "./people.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * /admin: the home of the city's and the centers' administrators. Each administrative section
 * adds its entry to the home screen here; what an entry leads to checks the role again.
 */
export const adminFeature = new Handlers<AppContext>().chatType("private");

adminFeature.use(peopleFeature, auditFeature);
adminFeature.command("admin", forAdmin(showAdminHome));
adminFeature.callbackQuery(
  adminHome.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showAdminHome(ctx, scope);
  }),
);

/** The sections an administrator of this scope may open, two to a row; some are the city's alone. */
function sections(ctx: BaseContext, scope: AdminScope): InlineKeyboard {
  const city = scope.kind === "city";
  const entries: [string, string][] = [
    [ctx.t("admin-button-invite"), inviteKinds.pack()],
    [ctx.t("admin-button-people"), peoplePage.pack({ page: 0 })],
    [ctx.t("admin-button-centers"), catalogCenters.pack()],
    [ctx.t("admin-button-events"), eventsAdmin.pack({ page: 0 })],
    [ctx.t("admin-button-teams"), teamsAdmin.pack()],
    ...(city ? [[ctx.t("admin-button-partners"), adminPartners.pack({ page: 0 })] as [string, string]] : []),
    [ctx.t("admin-button-broadcasts"), adminBroadcasts.pack()],
    figuresEntry(ctx),
    [ctx.t("admin-button-csv"), csvHome.pack()],
    ...(city ? [[ctx.t("admin-button-audit"), auditPage.pack({ page: 0 })] as [string, string]] : []),
  ];
  const kb = new InlineKeyboard();
  entries.forEach(([label, data], i) => {
    kb.text(label, data);
    if (i % 2 === 1) kb.row();
  });
  return startRow(kb).text(ctx.t("button-menu"), menuOpenButton.pack());
}

export async function showAdminHome(ctx: BaseContext, scope: AdminScope): Promise<void> {
  let text: string;
  if (scope.kind === "city") {
    text = ctx.t("admin-home-city");
  } else {
    const names = (await listCenters(ctx.deps.db))
      .filter((c) => scope.centerIds.includes(c.id))
      .map((c) => escapeHtml(ctx.language === "kk" ? c.name_kk : c.name_ru));
    text = ctx.t("admin-home-centers", { centers: names.join(", ") });
  }
  await showScreen(ctx, text, sections(ctx, scope));
}
