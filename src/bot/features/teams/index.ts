import { findTeam, findLiveMembership, leaveTeam } from "../../../db/teams.js";
import { cardPayload } from "../../../domain/deep-links.js";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { requireAccount } from "../menu/menu.js";
import { acceptRequest, declineRequest, joinTeamButton, leaveTeamButton, manageTeam, teamCard } from "./buttons.js";
import { TEAM_JOIN } from "./join.js";
import { decideFromButton, manageFromButton, showCoordinatorHome } from "./manage.js";
import { showTeam, showTeams } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

export { teamsFlows } from "./join.js";
export { teamsNoticeRenderers } from "./notices.js";

/**
 * Youth NGO project teams: the list and each team's card for anyone; joining and leaving with an
 * account; /team for coordinators, who answer requests and see their members.
 */
export const teamsFeature = new Handlers<AppContext>().chatType("private");

teamsFeature.callbackQuery(menuEntryData("teams"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTeams(ctx);
});

/** A team wound up since its button was shown, or forged data: said, and the list again. */
async function teamGone(ctx: AppContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
  await ctx.reply(ctx.t("teams-not-found"));
  await showTeams(ctx);
}

teamsFeature.callbackQuery(teamCard.filter(), async (ctx) => {
  const team = await findTeam(ctx.deps.db, teamCard.unpack(ctx.match).team);
  if (!team) return teamGone(ctx);
  await ctx.answerCallbackQuery();
  await showTeam(ctx, team);
});

teamsFeature.callbackQuery(joinTeamButton.filter(), async (ctx) => {
  const team = await findTeam(ctx.deps.db, joinTeamButton.unpack(ctx.match).team);
  if (!team) return teamGone(ctx);
  await ctx.answerCallbackQuery();
  if (!(await requireAccount(ctx, cardPayload("team", team.id)))) return;
  // Already waiting or a member (a second press of an old card): the card says so.
  if (await findLiveMembership(ctx.deps.db, team.id, ctx.from.id)) return showTeam(ctx, team);
  await ctx.conversation.enter(TEAM_JOIN, team.id);
});

teamsFeature.callbackQuery(leaveTeamButton.filter(), async (ctx) => {
  const team = await findTeam(ctx.deps.db, leaveTeamButton.unpack(ctx.match).team);
  if (!team) return teamGone(ctx);
  const left = await leaveTeam(ctx.deps.db, team.id, ctx.from.id, ctx.deps.clock.now());
  ctx.log.info({ team_id: team.id, left }, "team left");
  await ctx.answerCallbackQuery(left ? {} : { text: ctx.t("stale-button-alert") });
  await showTeam(ctx, team, left ? ctx.t("teams-left") : undefined);
});

teamsFeature.command("team", (ctx) => showCoordinatorHome(ctx));
teamsFeature.callbackQuery(manageTeam.filter(), (ctx) => manageFromButton(ctx, manageTeam.unpack(ctx.match).team));
teamsFeature.callbackQuery(acceptRequest.filter(), (ctx) => decideFromButton(ctx, acceptRequest.unpack(ctx.match).request, true));
teamsFeature.callbackQuery(declineRequest.filter(), (ctx) => decideFromButton(ctx, declineRequest.unpack(ctx.match).request, false));
