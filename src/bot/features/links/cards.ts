import { InputFile } from "grammy";
import { cardOfPayload, startLink, type CardKind } from "../../../domain/deep-links.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { qrPng } from "../../shared/qr.js";
import { openCenter, centerTitle } from "../centers/view.js";
import { eventTitle, openEvent } from "../events/card.js";
import { showMainMenu } from "../menu/menu.js";
import { openTeam, teamTitle } from "../teams/view.js";
import { mayShareCards } from "./share.js";

/** What a deep link of each kind of card does: shows the card (false: no such card), and names it. */
interface CardOpener {
  open: (ctx: BaseContext, id: string) => Promise<boolean>;
  title: (ctx: BaseContext, id: string) => Promise<string | undefined>;
}

const CARDS: Record<CardKind, CardOpener> = {
  center: { open: openCenter, title: centerTitle },
  team: { open: openTeam, title: teamTitle },
  event: { open: openEvent, title: eventTitle },
};

/**
 * Opens the card a deep link points to. A malformed link or a card that is gone (a poster
 * outlives what it advertises) is said plainly, with the main menu.
 */
export async function openCard(ctx: BaseContext, payload: string): Promise<void> {
  const card = cardOfPayload(payload);
  if (card && card.id !== null && (await CARDS[card.kind].open(ctx, card.id))) return;
  ctx.log.info({ kind: card?.kind ?? null }, "deep link to an unknown card");
  await ctx.reply(ctx.t("link-not-found"));
  await showMainMenu(ctx);
}

/**
 * "🔗 Link and QR": the card's link and a printable QR image of it, with a caption saying what
 * it opens. Only the centers' staff: a forged press by anyone else sends nothing.
 */
export async function shareCard(ctx: AppContext, payload: string): Promise<void> {
  if (!(await mayShareCards(ctx))) {
    ctx.log.info("card link refused: not staff");
    await ctx.answerCallbackQuery({ text: ctx.t("staff-not-allowed") });
    await ctx.reply(ctx.t("staff-not-allowed"));
    return;
  }
  const card = cardOfPayload(payload);
  const title = card && card.id !== null ? await CARDS[card.kind].title(ctx, card.id) : undefined;
  if (!card || title === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    await ctx.reply(ctx.t("link-not-found"));
    return;
  }
  await ctx.answerCallbackQuery();
  const link = startLink(ctx.me.username, payload);
  await ctx.replyWithPhoto(new InputFile(await qrPng(link), `${payload}.png`), {
    caption: ctx.t(`link-qr-caption-${card.kind}`, { name: escapeHtml(title), link }),
  });
}
