import { Composer, InlineKeyboard } from "grammy";
import { listCenters } from "../../../db/catalog.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { figuresEntry } from "../figures/index.js";
import { invitePage } from "../staff/buttons.js";
import { forAdmin, type AdminScope } from "./access.js";
import { adminHome } from "./buttons.js";

/**
 * /admin: the home of the city's and the centers' administrators. Each administrative section
 * adds its entry to the home screen here; what an entry leads to checks the role again.
 */
export const adminFeature = new Composer<AppContext>().chatType("private");

adminFeature.command("admin", forAdmin(showAdminHome));
adminFeature.callbackQuery(
  adminHome.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showAdminHome(ctx, scope);
  }),
);

/** The sections an administrator of this scope may open, two to a row. */
function sections(ctx: BaseContext, scope: AdminScope): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (scope.kind === "city") kb.text(ctx.t("admin-button-invite"), invitePage.pack({ page: 0 })).row();
  kb.text(...figuresEntry(ctx)).row();
  return kb.text(ctx.t("button-menu"), menuOpenButton.pack());
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
