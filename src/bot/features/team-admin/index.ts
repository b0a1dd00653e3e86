import { InlineKeyboard } from "grammy";
import { findCenter } from "../../../db/catalog.js";
import type { Team } from "../../../db/schema.js";
import { deactivateTeam, findTeam, listManagedTeams, listTeamPeople } from "../../../db/teams.js";
import type { AppContext, BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin, mayManageCenter, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { teamName } from "../teams/view.js";
import { closeTeamButton, closeTeamYes, editTeamButton, newTeamButton, teamAdmin, teamsAdmin, TEAM_FIELDS } from "./buttons.js";
import { TEAM_ADMIN_EDIT, TEAM_ADMIN_NEW } from "./flows.js";
import { Handlers } from "../../shared/handlers.js";

export { teamAdminFlows } from "./flows.js";

/**
 * NGO teams for administrators: a city administrator manages every team, a center administrator
 * the teams of their centers. Every press checks the presser's scope against that very team.
 */
export const teamAdminFeature = new Handlers<AppContext>().chatType("private");

/** Whether the scope covers a team: a team of no center is the city's. */
export function mayManageTeam(scope: AdminScope, team: Pick<Team, "center_id">): boolean {
  return mayManageCenter(scope, team.center_id);
}

async function showTeamsAdmin(ctx: BaseContext, scope: AdminScope, notice?: string): Promise<void> {
  const teams = await listManagedTeams(ctx.deps.db, scope.kind === "city" ? null : scope.centerIds);
  const kb = new InlineKeyboard();
  for (const t of teams) kb.text(`${teamName(ctx, t)} · ${ctx.t(`team-category-${t.category}`)}`, teamAdmin.pack({ team: t.id })).row();
  kb.text(ctx.t("tmadm-button-new"), newTeamButton.pack()).row().text(ctx.t("button-back"), adminHome.pack());
  const text = ctx.t(teams.length > 0 ? "tmadm-list" : "tmadm-list-none");
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The team of a button while it is active and the presser's; refused otherwise, the list when it is gone. */
async function teamOfButton(ctx: AppContext, scope: AdminScope, teamId: number): Promise<Team | undefined> {
  const team = await findTeam(ctx.deps.db, teamId);
  if (team && !mayManageTeam(scope, team)) {
    ctx.log.info({ team_id: teamId }, "team administration refused");
    await refuseAdmin(ctx);
    return undefined;
  }
  await ctx.answerCallbackQuery();
  if (!team) await showTeamsAdmin(ctx, scope, ctx.t("teams-not-found"));
  return team;
}

/** Where a team works, as its screen says it. */
export async function teamPlaceText(ctx: BaseContext, team: Pick<Team, "center_id" | "district">): Promise<string> {
  const center = team.center_id ? await findCenter(ctx.deps.db, team.center_id) : undefined;
  if (center) return escapeHtml(ctx.language === "kk" ? center.name_kk : center.name_ru);
  return team.district ? ctx.t(`district-${team.district}`) : ctx.t("teams-where-city");
}

async function showTeamAdmin(ctx: BaseContext, team: Team): Promise<void> {
  const members = await listTeamPeople(ctx.deps.db, team.id, "member");
  const text = ctx.t("tmadm-team", {
    nameKk: escapeHtml(team.name_kk),
    nameRu: escapeHtml(team.name_ru),
    category: ctx.t(`team-category-${team.category}`),
    where: await teamPlaceText(ctx, team),
    coordinator: ctx.t(team.coordinator_id === null ? "tmadm-coordinator-none" : "tmadm-coordinator-linked"),
    members: members.length,
  });
  const kb = new InlineKeyboard();
  TEAM_FIELDS.forEach((field, i) => {
    if (i % 2 === 0) startRow(kb);
    kb.text(ctx.t(`tmadm-button-${field}`), editTeamButton.pack({ team: team.id, field }));
  });
  startRow(kb).text(ctx.t("tmadm-button-close"), closeTeamButton.pack({ team: team.id })).row().text(ctx.t("button-back"), teamsAdmin.pack());
  await showScreen(ctx, text, kb);
}

teamAdminFeature.callbackQuery(
  teamsAdmin.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showTeamsAdmin(ctx, scope);
  }),
);

teamAdminFeature.callbackQuery(
  newTeamButton.filter(),
  forAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(TEAM_ADMIN_NEW);
  }),
);

teamAdminFeature.callbackQuery(
  teamAdmin.filter(),
  forAdmin(async (ctx, scope) => {
    const team = await teamOfButton(ctx, scope, teamAdmin.unpack(ctx.match).team);
    if (team) await showTeamAdmin(ctx, team);
  }),
);

teamAdminFeature.callbackQuery(
  editTeamButton.filter(),
  forAdmin(async (ctx, scope) => {
    const { team: teamId, field } = editTeamButton.unpack(ctx.match);
    const team = await teamOfButton(ctx, scope, teamId);
    if (team) await ctx.conversation.enter(TEAM_ADMIN_EDIT, team.id, field);
  }),
);

teamAdminFeature.callbackQuery(
  closeTeamButton.filter(),
  forAdmin(async (ctx, scope) => {
    const team = await teamOfButton(ctx, scope, closeTeamButton.unpack(ctx.match).team);
    if (!team) return;
    const members = await listTeamPeople(ctx.deps.db, team.id, "member");
    await showScreen(
      ctx,
      ctx.t("tmadm-close-confirm", { name: escapeHtml(teamName(ctx, team)), count: members.length }),
      new InlineKeyboard().text(ctx.t("tmadm-button-close-yes"), closeTeamYes.pack({ team: team.id })).row().text(ctx.t("button-back"), teamAdmin.pack({ team: team.id })),
    );
  }),
);

teamAdminFeature.callbackQuery(
  closeTeamYes.filter(),
  forAdmin(async (ctx, scope) => {
    const team = await teamOfButton(ctx, scope, closeTeamYes.unpack(ctx.match).team);
    if (!team) return;
    const told = await deactivateTeam(ctx.deps.db, { teamId: team.id, actorId: ctx.from.id }, ctx.deps.clock.now());
    ctx.log.info({ team_id: team.id, told }, "team wound up");
    await showTeamsAdmin(ctx, scope, ctx.t("tmadm-closed", { name: escapeHtml(teamName(ctx, team)), count: told ?? 0 }));
  }),
);
