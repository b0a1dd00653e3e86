import { InlineKeyboard } from "grammy";
import { findRoleHolding, listRoleHoldings, revokeRole, type RoleHolding, type RoleKey, type RoleScope } from "../../../db/roles.js";
import type { TranslateIn } from "../../commands.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { paged } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { putCommandMenuRight } from "../staff/command-menus.js";
import { forAdmin, type AdminScope } from "./access.js";
import { adminHome, peoplePage, personRole, revokeAsk, revokeYes } from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * People and roles: everyone holding a role the administrator's scope covers (the whole city for
 * a city administrator, their centers' specialists and hosts for a center's), each with its
 * revocation after a confirmation. Every press reads the scope and the role afresh, so a forged or
 * kept button changes nothing outside the sender's scope.
 */
export const peopleFeature = new Handlers<AppContext>().chatType("private");

/** Roles listed at a time. */
const PEOPLE_PER_PAGE = 8;

function roleScopeOf(scope: AdminScope): RoleScope {
  return scope.kind === "city" ? null : scope.centerIds;
}

/** A button's values as the holding they name. */
function keyOf(values: { role: RoleKey["role"]; target: string; account: number }): RoleKey {
  return { role: values.role, target: values.target, telegramId: values.account };
}

function valuesOf(holding: RoleKey): { role: RoleKey["role"]; target: string; account: number } {
  return { role: holding.role, target: holding.target, account: holding.telegramId };
}

/** Who holds the role: the name they gave the bot, or their Telegram id. */
function personOf(ctx: BaseContext, holding: RoleHolding): string {
  return escapeHtml(holding.personName ?? ctx.t("admin-person-unnamed", { id: String(holding.telegramId) }));
}

function whatOf(ctx: BaseContext, holding: RoleHolding): string {
  return escapeHtml(ctx.language === "kk" ? holding.label_kk : holding.label_ru);
}

async function showPeople(ctx: BaseContext, scope: AdminScope, page: number, notice?: string): Promise<void> {
  const holdings = await listRoleHoldings(ctx.deps.db, roleScopeOf(scope), ctx.deps.clock.now());
  const buttons = holdings.map((h) => {
    const name = h.personName ?? String(h.telegramId);
    const what = ctx.language === "kk" ? h.label_kk : h.label_ru;
    return { text: `${ctx.t(`admin-role-${h.role}`)} · ${what} · ${name}`, data: personRole.pack(valuesOf(h)) };
  });
  const kb = paged(ctx, buttons, page, PEOPLE_PER_PAGE, (p) => peoplePage.pack({ page: p })).text(ctx.t("button-back"), adminHome.pack());
  const text = holdings.length > 0 ? ctx.t("admin-people", { count: holdings.length }) : ctx.t("admin-people-none");
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The holding a button names while it is still held and the sender's scope covers it; otherwise the list, saying so. */
async function holdingOfButton(ctx: BaseContext, scope: AdminScope, key: RoleKey): Promise<RoleHolding | undefined> {
  const holding = await findRoleHolding(ctx.deps.db, key, roleScopeOf(scope), ctx.deps.clock.now());
  if (!holding) await showPeople(ctx, scope, 0, ctx.t("admin-role-gone"));
  return holding;
}

peopleFeature.callbackQuery(
  peoplePage.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showPeople(ctx, scope, peoplePage.unpack(ctx.match).page);
  }),
);

peopleFeature.callbackQuery(
  personRole.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    const holding = await holdingOfButton(ctx, scope, keyOf(personRole.unpack(ctx.match)));
    if (!holding) return;
    await showScreen(
      ctx,
      ctx.t("admin-person", {
        role: ctx.t(`admin-role-${holding.role}`),
        what: whatOf(ctx, holding),
        name: personOf(ctx, holding),
        id: String(holding.telegramId),
      }),
      new InlineKeyboard()
        .text(ctx.t("admin-button-revoke"), revokeAsk.pack(valuesOf(holding)))
        .row()
        .text(ctx.t("button-back"), peoplePage.pack({ page: 0 })),
    );
  }),
);

peopleFeature.callbackQuery(
  revokeAsk.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    const holding = await holdingOfButton(ctx, scope, keyOf(revokeAsk.unpack(ctx.match)));
    if (!holding) return;
    await showScreen(
      ctx,
      ctx.t("admin-revoke-confirm", { role: ctx.t(`admin-role-${holding.role}`), what: whatOf(ctx, holding), name: personOf(ctx, holding) }),
      new InlineKeyboard()
        .text(ctx.t("admin-button-revoke-yes"), revokeYes.pack(valuesOf(holding)))
        .row()
        .text(ctx.t("button-back"), personRole.pack(valuesOf(holding))),
    );
  }),
);

/**
 * The revocation confirmed: the role ends, the log records it and the person is told, in one
 * transaction; their own command menu is put right at once.
 */
peopleFeature.callbackQuery(
  revokeYes.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    const key = keyOf(revokeYes.unpack(ctx.match));
    const revocation = await revokeRole(ctx.deps.db, key, { actorId: ctx.from.id, scope: roleScopeOf(scope) }, ctx.deps.clock.now());
    if (revocation.kind === "gone") return showPeople(ctx, scope, 0, ctx.t("admin-role-gone"));
    const { holding } = revocation;
    ctx.log.info({ role: holding.role, center_id: holding.centerId }, "role revoked");
    const t: TranslateIn = (language, k) => ctx.i18n.fluent.translate(language, k);
    await putCommandMenuRight(ctx.api, t, ctx.deps, holding.telegramId, ctx.log);
    await showPeople(ctx, scope, 0, ctx.t("admin-revoked", { role: ctx.t(`admin-role-${holding.role}`), name: personOf(ctx, holding) }));
  }),
);
