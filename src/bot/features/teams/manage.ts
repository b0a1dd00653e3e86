import { InlineKeyboard } from "grammy";
import type { Team } from "../../../db/schema.js";
import { decideRequest, findTeam, listTeamPeople, teamsCoordinatedBy, type MembershipView } from "../../../db/teams.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { acceptRequest, declineRequest, manageTeam } from "./buttons.js";
import { teamName } from "./view.js";

/** Requests answered from one screen at most; the rest wait for the next page of answers. */
const REQUESTS_SHOWN = 10;
/** Members named on the screen at most, so that it stays within one message. */
const MEMBERS_SHOWN = 40;

function personName(ctx: BaseContext, p: MembershipView): string {
  return p.person_name === null ? ctx.t("staff-person-unknown") : escapeHtml(p.person_name);
}

/** A team's pending requests, each with Accept and Decline, and its members. */
export async function showManage(ctx: BaseContext, team: Team, notice?: string): Promise<void> {
  const requests = (await listTeamPeople(ctx.deps.db, team.id, "requested")).slice(0, REQUESTS_SHOWN);
  const members = await listTeamPeople(ctx.deps.db, team.id, "member");

  const parts = [ctx.t("teams-manage-title", { name: escapeHtml(teamName(ctx, team)) })];
  if (notice) parts.unshift(notice);
  parts.push(
    requests.length === 0
      ? ctx.t("teams-manage-no-requests")
      : `${ctx.t("teams-manage-requests")}\n${requests
          .map((r, i) => `${i + 1}. ${personName(ctx, r)}${r.message ? `\n    «${escapeHtml(r.message)}»` : ""}`)
          .join("\n")}`,
  );
  const named = members.slice(0, MEMBERS_SHOWN).map((m) => `• ${personName(ctx, m)}`);
  if (members.length > MEMBERS_SHOWN) named.push(ctx.t("teams-manage-more", { count: members.length - MEMBERS_SHOWN }));
  parts.push(members.length === 0 ? ctx.t("teams-manage-no-members") : `${ctx.t("teams-manage-members", { count: members.length })}\n${named.join("\n")}`);

  const kb = new InlineKeyboard();
  for (const [i, r] of requests.entries()) {
    kb.text(ctx.t("teams-button-accept", { n: i + 1 }), acceptRequest.pack({ request: r.id }))
      .text(ctx.t("teams-button-decline", { n: i + 1 }), declineRequest.pack({ request: r.id }))
      .row();
  }
  kb.text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}

/** /team: the coordinator's team, or their teams to choose from. */
export async function showCoordinatorHome(ctx: BaseContext): Promise<void> {
  const teams = await teamsCoordinatedBy(ctx.deps.db, ctx.from!.id);
  if (teams.length === 0) {
    await ctx.reply(ctx.t("teams-not-coordinator"));
    return;
  }
  if (teams.length === 1) return showManage(ctx, teams[0]!);
  const kb = new InlineKeyboard();
  for (const t of teams) kb.text(teamName(ctx, t), manageTeam.pack({ team: t.id })).row();
  await showScreen(ctx, ctx.t("teams-manage-choose"), kb);
}

/** A team's screen from its button: only for its coordinator. */
export async function manageFromButton(ctx: AppContext, teamId: number): Promise<void> {
  const team = await findTeam(ctx.deps.db, teamId);
  if (!team || team.coordinator_id !== ctx.from!.id) return refuse(ctx);
  await ctx.answerCallbackQuery();
  await showManage(ctx, team);
}

/**
 * Accept or Decline under a request, in the notice or on the team's screen. The person hears the
 * answer through the outbox; the coordinator sees the team's screen with it. Anyone but the
 * team's coordinator changes nothing and is told so.
 */
export async function decideFromButton(ctx: AppContext, requestId: number, accept: boolean): Promise<void> {
  const result = await decideRequest(ctx.deps.db, { requestId, coordinatorId: ctx.from!.id, accept }, ctx.deps.clock.now());
  ctx.log.info({ request_id: requestId, accept, outcome: result.kind }, "team request answered");
  if (result.kind === "not-found") return refuse(ctx);
  const team = await findTeam(ctx.deps.db, result.request.team_id);
  const name = personName(ctx, result.request);
  const notice =
    result.kind === "decided"
      ? ctx.t(accept ? "teams-accepted" : "teams-declined", { name })
      : ctx.t("teams-request-already-answered", { name });
  await ctx.answerCallbackQuery();
  if (team) await showManage(ctx, team, notice);
  else await ctx.reply(notice);
}

async function refuse(ctx: AppContext): Promise<void> {
  ctx.log.info("team screen refused: not the coordinator");
  await ctx.answerCallbackQuery({ text: ctx.t("staff-not-allowed") });
  await ctx.reply(ctx.t("teams-not-coordinator"));
}
