import { InlineKeyboard } from "grammy";
import { findTeam, requestToJoin } from "../../../db/teams.js";
import { JOIN_MESSAGE_MAX_LENGTH } from "../../../domain/teams.js";
import type { AppConversation, AppDeps, BaseContext, Flow } from "../../context.js";
import { askText } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showMainMenu } from "../menu/menu.js";
import { teamCard } from "./buttons.js";
import { teamName } from "./view.js";

export const TEAM_JOIN = "team-join";

const messageStep = defineStep("tm-msg");

type MessageAnswer = { message: string | null } | { cancel: true };

/**
 * Asking to join a team: an optional short message to its coordinator (or Skip), then the
 * request, which the coordinator gets as a notice with Accept and Decline.
 */
export function teamJoinConversation(deps: AppDeps) {
  return async function teamJoin(conversation: AppConversation, ctx: BaseContext, teamId: number): Promise<void> {
    const userId = ctx.from!.id;
    const team = await conversation.external(() => findTeam(deps.db, teamId));
    if (!team) {
      await ctx.reply(ctx.t("teams-not-found"));
      return showMainMenu(ctx);
    }
    const answer = await askText<MessageAnswer>(conversation, ctx, {
      prompt: (c) => ({
        text: c.t("teams-ask-message", { name: escapeHtml(teamName(c, team)), max: JOIN_MESSAGE_MAX_LENGTH }),
        markup: new InlineKeyboard().text(c.t("button-skip"), messageStep.data("skip")).text(c.t("button-cancel"), messageStep.data("cancel")),
      }),
      parse: (text) => (text.trim() ? { message: text.trim() } : null),
      invalid: (c) => c.t("teams-message-invalid"),
      buttons: messageStep,
      onButton: (choice) => (choice === "skip" ? { message: null } : choice === "cancel" ? { cancel: true } : null),
      maxLength: JOIN_MESSAGE_MAX_LENGTH,
    });
    ctx = answer.ctx;
    if ("cancel" in answer.value) {
      await ctx.reply(ctx.t("cancelled"));
      return showMainMenu(ctx);
    }
    const message = answer.value.message;
    const result = await conversation.external(async () => {
      const joined = await requestToJoin(deps.db, { teamId, userId, message }, deps.clock.now());
      // Logged inside the external so that a replay does not log it again.
      ctx.log.info({ team_id: teamId, outcome: joined.kind }, "team join request");
      return joined;
    });
    const text =
      result.kind === "requested"
        ? ctx.t("teams-request-sent", { name: escapeHtml(teamName(ctx, team)) })
        : result.kind === "already"
          ? ctx.t(result.status === "member" ? "teams-you-are-member" : "teams-you-requested")
          : ctx.t("teams-not-found");
    await ctx.reply(text, {
      reply_markup: new InlineKeyboard().text(ctx.t("teams-button-card"), teamCard.pack({ team: teamId })).row().text(ctx.t("button-menu"), menuOpenButton.pack()),
    });
  };
}

export const teamsFlows: Flow[] = [{ id: TEAM_JOIN, build: teamJoinConversation }];
