import { InlineKeyboard } from "grammy";
import { listCenters } from "../../../db/catalog.js";
import { addTeam, editTeam, findTeam, type TeamChange, type TeamPlace } from "../../../db/teams.js";
import { DISTRICTS, type DistrictCode } from "../../../domain/districts.js";
import { TEAM_CATEGORIES } from "../../../domain/teams.js";
import type { AppConversation, AppDeps, BaseContext, Flow } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { adminScopeOf, mayManageCenter, type AdminScope } from "../admin/access.js";
import { teamName } from "../teams/view.js";
import { teamAdmin, teamsAdmin, type TeamField } from "./buttons.js";

export const TEAM_ADMIN_NEW = "team-admin-new";
export const TEAM_ADMIN_EDIT = "team-admin-edit";

const NAME_MAX = 80;
const DESCRIPTION_MAX = 1000;

const categoryStep = defineStep("tmn-category");
const placeStep = defineStep("tmn-place");

/** A text between 2 and `max` characters, trimmed; null otherwise. */
function plainText(text: string, max: number): string | null {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.length <= max ? trimmed : null;
}

function askLine(conversation: AppConversation, ctx: BaseContext, question: string, max: number) {
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t(question, { max }) }),
    parse: (text) => plainText(text, max),
    invalid: (c) => c.t("admin-text-invalid", { max }),
    maxLength: max,
  });
}

function askCategory(conversation: AppConversation, ctx: BaseContext) {
  return askChoice(conversation, ctx, categoryStep, TEAM_CATEGORIES, (c) => {
    const kb = new InlineKeyboard();
    for (const each of TEAM_CATEGORIES) startRow(kb).text(c.t(`team-category-${each}`), categoryStep.data(each));
    return { text: c.t("tmadm-ask-category"), markup: kb };
  });
}

/** A place's button answer: a center's id, `d:<district>`, or `city`. */
function placeOf(choice: string): TeamPlace {
  if (choice === "city") return { district: null };
  if (choice.startsWith("d:")) return { district: choice.slice(2) as DistrictCode };
  return { centerId: choice };
}

/** Whether the scope covers a place: a district or the whole city is for city administrators. */
function mayPlace(scope: AdminScope, place: TeamPlace): boolean {
  return "centerId" in place ? mayManageCenter(scope, place.centerId) : scope.kind === "city";
}

/** One of the administrator's centers; a city administrator may also choose a district or the whole city. */
async function askPlace(conversation: AppConversation, ctx: BaseContext, deps: AppDeps, scope: AdminScope) {
  const centers = await conversation.external(async () =>
    (await listCenters(deps.db)).filter((c) => mayManageCenter(scope, c.id)).map((c) => ({ id: c.id, kk: c.name_kk, ru: c.name_ru })),
  );
  const wider = scope.kind === "city" ? [...DISTRICTS.map((d) => `d:${d}`), "city"] : [];
  return askChoice(conversation, ctx, placeStep, [...centers.map((c) => c.id), ...wider], (c) => {
    const kb = new InlineKeyboard();
    centers.forEach((center, i) => {
      if (i % 2 === 0) startRow(kb);
      kb.text(c.language === "kk" ? center.kk : center.ru, placeStep.data(center.id));
    });
    wider.forEach((choice, i) => {
      if (i % 2 === 0) startRow(kb);
      kb.text(choice === "city" ? c.t("teams-where-city") : c.t(`district-${choice.slice(2)}`), placeStep.data(choice));
    });
    return { text: c.t(scope.kind === "city" ? "tmadm-ask-place-city" : "tmadm-ask-place"), markup: kb };
  });
}

function afterwards(ctx: BaseContext, teamId: number | null): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (teamId !== null) kb.text(ctx.t("tmadm-button-open"), teamAdmin.pack({ team: teamId }));
  return startRow(kb).text(ctx.t("tmadm-button-list"), teamsAdmin.pack());
}

/** A new team: names and descriptions in both languages, its kind, and where it works. */
export function newTeamConversation(deps: AppDeps) {
  return async function teamAdminNew(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const scope = await conversation.external(() => adminScopeOf(ctx));
    if (!scope) return void (await ctx.reply(ctx.t("staff-not-allowed")));
    const nameKk = await askLine(conversation, ctx, "tmadm-ask-name-kk", NAME_MAX);
    const nameRu = await askLine(conversation, nameKk.ctx, "tmadm-ask-name-ru", NAME_MAX);
    const descriptionKk = await askLine(conversation, nameRu.ctx, "tmadm-ask-description-kk", DESCRIPTION_MAX);
    const descriptionRu = await askLine(conversation, descriptionKk.ctx, "tmadm-ask-description-ru", DESCRIPTION_MAX);
    const category = await askCategory(conversation, descriptionRu.ctx);
    const place = await askPlace(conversation, category.ctx, deps, scope);
    ctx = place.ctx;
    const actorId = ctx.from!.id;
    const team = await conversation.external(async () => {
      // The role is read again: it may have been revoked while the flow went on.
      const current = await adminScopeOf(ctx);
      if (!current || !mayPlace(current, placeOf(place.choice))) return null;
      const draft = {
        nameKk: nameKk.value,
        nameRu: nameRu.value,
        descriptionKk: descriptionKk.value,
        descriptionRu: descriptionRu.value,
        category: category.choice,
        place: placeOf(place.choice),
      };
      const created = await addTeam(deps.db, draft, actorId, deps.clock.now());
      ctx.log.info({ team_id: created.id }, "team created");
      return created;
    });
    if (!team) return void (await ctx.reply(ctx.t("staff-not-allowed")));
    await ctx.reply(ctx.t("tmadm-created", { name: escapeHtml(teamName(ctx, team)) }), { reply_markup: afterwards(ctx, team.id) });
  };
}

/** One change to a team, as chosen on its screen; who may make it is checked again when it is saved. */
export function editTeamConversation(deps: AppDeps) {
  return async function teamAdminEdit(conversation: AppConversation, ctx: BaseContext, teamId: number, field: TeamField): Promise<void> {
    const scope = await conversation.external(() => adminScopeOf(ctx));
    if (!scope) return void (await ctx.reply(ctx.t("staff-not-allowed")));
    let change: TeamChange;
    if (field === "names") {
      const kk = await askLine(conversation, ctx, "tmadm-ask-name-kk", NAME_MAX);
      const ru = await askLine(conversation, kk.ctx, "tmadm-ask-name-ru", NAME_MAX);
      ctx = ru.ctx;
      change = { name_kk: kk.value, name_ru: ru.value };
    } else if (field === "descriptions") {
      const kk = await askLine(conversation, ctx, "tmadm-ask-description-kk", DESCRIPTION_MAX);
      const ru = await askLine(conversation, kk.ctx, "tmadm-ask-description-ru", DESCRIPTION_MAX);
      ctx = ru.ctx;
      change = { description_kk: kk.value, description_ru: ru.value };
    } else if (field === "category") {
      const category = await askCategory(conversation, ctx);
      ctx = category.ctx;
      change = { category: category.choice };
    } else {
      const place = await askPlace(conversation, ctx, deps, scope);
      ctx = place.ctx;
      change = { place: placeOf(place.choice) };
    }
    const actorId = ctx.from!.id;
    const outcome = await conversation.external(async () => {
      const current = await adminScopeOf(ctx);
      const team = await findTeam(deps.db, teamId);
      if (!team) return "gone" as const;
      if (!current || !mayManageCenter(current, team.center_id) || (change.place && !mayPlace(current, change.place))) return "not-allowed" as const;
      const edited = await editTeam(deps.db, { teamId, change, actorId }, deps.clock.now());
      ctx.log.info({ team_id: teamId, field }, "team edited");
      return edited ? ("saved" as const) : ("gone" as const);
    });
    const text = outcome === "saved" ? "admin-saved" : outcome === "gone" ? "teams-not-found" : "staff-not-allowed";
    await ctx.reply(ctx.t(text), { reply_markup: afterwards(ctx, outcome === "gone" ? null : teamId) });
  };
}

export const teamAdminFlows: Flow[] = [
  { id: TEAM_ADMIN_NEW, build: newTeamConversation },
  { id: TEAM_ADMIN_EDIT, build: editTeamConversation },
];
