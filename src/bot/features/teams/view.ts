import { InlineKeyboard } from "grammy";
import { findCenter } from "../../../db/catalog.js";
import type { Team } from "../../../db/schema.js";
import { findLiveMembership, findTeam, listTeams } from "../../../db/teams.js";
import { cardPayload, rowIdOf } from "../../../domain/deep-links.js";
import { TEAM_CATEGORIES } from "../../../domain/teams.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { addShareButton } from "../links/share.js";
import { joinTeamButton, leaveTeamButton, teamCard } from "./buttons.js";

export function teamName(ctx: BaseContext, team: Pick<Team, "name_kk" | "name_ru">): string {
  return ctx.language === "kk" ? team.name_kk : team.name_ru;
}

/** The active teams under their categories, each one tap from its card. */
export async function showTeams(ctx: BaseContext): Promise<void> {
  const teams = await listTeams(ctx.deps.db);
  const kb = new InlineKeyboard();
  const sections: string[] = [];
  for (const category of TEAM_CATEGORIES) {
    const inCategory = teams.filter((t) => t.category === category);
    if (inCategory.length === 0) continue;
    sections.push(`<b>${ctx.t(`team-category-${category}`)}</b>\n${inCategory.map((t) => `• ${escapeHtml(teamName(ctx, t))}`).join("\n")}`);
    for (const t of inCategory) kb.text(teamName(ctx, t), teamCard.pack({ team: t.id })).row();
  }
  kb.text(ctx.t("button-menu"), menuOpenButton.pack());
  const text = teams.length === 0 ? ctx.t("teams-none") : [ctx.t("teams-title"), ...sections].join("\n\n");
  await showScreen(ctx, text, kb);
}

/**
 * A team's card: what it does, where, and the reader's own standing in it, with the one thing
 * they can do next (join, leave, or take back a request).
 */
export async function showTeam(ctx: BaseContext, team: Team, notice?: string): Promise<void> {
  const { db } = ctx.deps;
  const kk = ctx.language === "kk";
  const live = ctx.from ? await findLiveMembership(db, team.id, ctx.from.id) : undefined;
  const center = team.center_id ? await findCenter(db, team.center_id) : undefined;
  const where = center ? (kk ? center.name_kk : center.name_ru) : team.district ? ctx.t(`district-${team.district}`) : ctx.t("teams-where-city");

  const parts = [
    ctx.t("teams-card", {
      name: escapeHtml(teamName(ctx, team)),
      category: ctx.t(`team-category-${team.category}`),
      where: escapeHtml(where),
      description: escapeHtml(kk ? team.description_kk : team.description_ru),
    }),
  ];
  if (live) parts.push(ctx.t(live.status === "member" ? "teams-you-are-member" : "teams-you-requested"));
  if (notice) parts.unshift(notice);

  const kb = new InlineKeyboard();
  if (!live) kb.text(ctx.t("teams-button-join"), joinTeamButton.pack({ team: team.id })).row();
  else kb.text(ctx.t(live.status === "member" ? "teams-button-leave" : "teams-button-withdraw"), leaveTeamButton.pack({ team: team.id })).row();
  await addShareButton(ctx, kb, cardPayload("team", team.id));
  kb.text(ctx.t("button-back"), menuEntryData("teams")).text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}

/** A team's card by its id, from a deep link; false when there is no such active team. */
export async function openTeam(ctx: BaseContext, id: string): Promise<boolean> {
  const teamId = rowIdOf(id);
  const team = teamId === null ? undefined : await findTeam(ctx.deps.db, teamId);
  if (!team) return false;
  await showTeam(ctx, team);
  return true;
}

/** The team's name in the reader's language, for what a link opens. */
export async function teamTitle(ctx: BaseContext, id: string): Promise<string | undefined> {
  const teamId = rowIdOf(id);
  const team = teamId === null ? undefined : await findTeam(ctx.deps.db, teamId);
  return team && teamName(ctx, team);
}
