import { InlineKeyboard } from "grammy";
import { findMembership } from "../../../db/teams.js";
import type { Language } from "../../../domain/language.js";
import type { NoticeRenderer, NoticeRenderers } from "../../../scheduler/notice.js";
import { escapeHtml } from "../../shared/format.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { acceptRequest, declineRequest, teamCard } from "./buttons.js";

/** The request a notice is about; undefined for a malformed payload or a request that is gone. */
async function requestOf(input: Parameters<NoticeRenderer>[0]) {
  const requestId = Number(input.payload.requestId);
  if (!Number.isSafeInteger(requestId)) return undefined;
  return findMembership(input.db, requestId);
}

function nameIn(language: Language, team: { team_name_kk: string; team_name_ru: string }): string {
  return escapeHtml(language === "kk" ? team.team_name_kk : team.team_name_ru);
}

/** To the coordinator: who asks to join, with their message, and Accept / Decline. Nothing once answered or taken back. */
export const renderTeamRequest: NoticeRenderer = async (input) => {
  const { t, language } = input;
  const request = await requestOf(input);
  if (!request || request.status !== "requested" || request.coordinator_id !== input.row.recipient_id) return null;
  const text = t("teams-notice-request", { team: nameIn(language, request), name: escapeHtml(request.person_name ?? "") });
  return {
    text: request.message ? `${text}\n\n«${escapeHtml(request.message)}»` : text,
    reply_markup: new InlineKeyboard()
      .text(t("teams-button-accept-notice"), acceptRequest.pack({ request: request.id }))
      .text(t("teams-button-decline-notice"), declineRequest.pack({ request: request.id })),
  };
};

/** To the person: the coordinator's answer, with the team's card one tap away. */
export const renderTeamAnswer: NoticeRenderer = async (input) => {
  const { t, language } = input;
  const request = await requestOf(input);
  if (!request || request.user_id !== input.row.recipient_id) return null;
  if (request.status !== "member" && request.status !== "declined") return null;
  return {
    text: t(request.status === "member" ? "teams-notice-accepted" : "teams-notice-declined", { team: nameIn(language, request) }),
    reply_markup: new InlineKeyboard().text(t("teams-button-card"), teamCard.pack({ team: request.team_id })),
  };
};

/** To a member or someone waiting for an answer: the team was wound up. */
export const renderTeamClosed: NoticeRenderer = async (input) => {
  const membershipId = Number(input.payload.membershipId);
  if (!Number.isSafeInteger(membershipId)) return null;
  const membership = await findMembership(input.db, membershipId);
  if (!membership || membership.user_id !== input.row.recipient_id) return null;
  return {
    text: input.t("teams-notice-closed", { team: nameIn(input.language, membership) }),
    reply_markup: new InlineKeyboard().text(input.t("teams-button-other-teams"), menuEntryData("teams")),
  };
};

/** The teams' notices, registered in src/bot/notices.ts. */
export const teamsNoticeRenderers = {
  team_request: renderTeamRequest,
  team_answer: renderTeamAnswer,
  team_closed: renderTeamClosed,
} satisfies NoticeRenderers;
