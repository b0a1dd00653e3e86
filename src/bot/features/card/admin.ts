import { InlineKeyboard } from "grammy";
import { countChecks, findCard, restoreCard, revokeCard, type HeldCard } from "../../../db/cards.js";
import { cardIdOfNumber, cardNumberOf } from "../../../domain/card.js";
import type { AppContext, BaseContext } from "../../context.js";
import { dateWithYearOf } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { isAdmin } from "../staff/invite.js";
import { ADMIN_BUTTONS, adminCard, adminRestore, adminRevoke, adminRevokeYes } from "./buttons.js";
import { holderLine } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * Administrators' side of the card: a card by its number (/card 0001 2345), its revocation, and
 * a new issue of a card revoked by mistake (its holder cannot reissue it themselves).
 * Every administrator's button of the card, the partners' included, is refused here to anyone else.
 */
export const cardAdminFeature = new Handlers<AppContext>().chatType("private");

const admin = cardAdminFeature.filter(isAdmin);
cardAdminFeature
  .filter((ctx) => !isAdmin(ctx))
  .callbackQuery(
    ADMIN_BUTTONS.map((codec) => codec.filter()),
    async (ctx) => {
      await ctx.answerCallbackQuery({ text: ctx.t("staff-not-allowed") });
      await ctx.reply(ctx.t("staff-not-allowed"));
    },
  );

/** `/card <number>` as an administrator types it; anyone else's /card is their own card. */
export async function lookUpCard(ctx: BaseContext, typed: string): Promise<void> {
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.t("staff-not-allowed"));
    return;
  }
  const reading = cardIdOfNumber(typed);
  if (reading.kind !== "card") {
    await ctx.reply(ctx.t(reading.kind === "mistyped" ? "card-admin-mistyped" : "card-admin-usage"));
    return;
  }
  const card = await findCard(ctx.deps.db, reading.cardId);
  if (!card) {
    await ctx.reply(ctx.t("card-admin-unknown", { number: cardNumberOf(reading.cardId) }));
    return;
  }
  await showAdminCard(ctx, card);
}

/** A card's state for an administrator, with its revocation while it is valid, or a new issue once revoked. */
async function showAdminCard(ctx: BaseContext, card: HeldCard, notice?: string): Promise<void> {
  const status =
    card.revoked_at === null ? ctx.t("card-admin-status-active") : ctx.t("card-admin-status-revoked", { date: dateWithYearOf(card.revoked_at) });
  const text = ctx.t("card-admin-card", {
    number: cardNumberOf(card.id),
    holder: holderLine(ctx.t, card),
    issue: card.issue,
    issued: dateWithYearOf(card.issued_at),
    until: dateWithYearOf(card.expires_at),
    checks: await countChecks(ctx.deps.db, card.id),
    status,
  });
  const kb = new InlineKeyboard();
  if (card.revoked_at === null) kb.text(ctx.t("card-admin-button-revoke"), adminRevoke.pack({ card: card.id })).row();
  else kb.text(ctx.t("card-admin-button-restore"), adminRestore.pack({ card: card.id })).row();
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb.text(ctx.t("button-menu"), menuOpenButton.pack()));
}

/** The card of a button: gone when its holder erased their data since. */
async function cardOfButton(ctx: BaseContext, cardId: number): Promise<HeldCard | undefined> {
  const card = await findCard(ctx.deps.db, cardId);
  if (!card) await showScreen(ctx, ctx.t("card-admin-unknown", { number: cardNumberOf(cardId) }));
  return card;
}

admin.callbackQuery(adminCard.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const card = await cardOfButton(ctx, adminCard.unpack(ctx.match).card);
  if (card) await showAdminCard(ctx, card);
});

admin.callbackQuery(adminRevoke.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const card = await cardOfButton(ctx, adminRevoke.unpack(ctx.match).card);
  if (!card) return;
  if (card.revoked_at !== null) return showAdminCard(ctx, card);
  await showScreen(
    ctx,
    ctx.t("card-admin-revoke-confirm", { number: cardNumberOf(card.id) }),
    new InlineKeyboard()
      .text(ctx.t("card-admin-button-revoke-yes"), adminRevokeYes.pack({ card: card.id }))
      .row()
      .text(ctx.t("button-back"), adminCard.pack({ card: card.id })),
  );
});

admin.callbackQuery(adminRevokeYes.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const cardId = adminRevokeYes.unpack(ctx.match).card;
  const revocation = await revokeCard(ctx.deps.db, cardId, ctx.from.id, ctx.deps.clock.now());
  if (revocation.kind === "unknown") {
    await showScreen(ctx, ctx.t("card-admin-unknown", { number: cardNumberOf(cardId) }));
    return;
  }
  if (revocation.kind === "revoked") ctx.log.info("card revoked by an administrator");
  await showAdminCard(ctx, revocation.card, ctx.t("card-admin-revoked", { number: cardNumberOf(cardId) }));
});

admin.callbackQuery(adminRestore.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const cardId = adminRestore.unpack(ctx.match).card;
  const card = await restoreCard(ctx.deps.db, cardId, ctx.from.id, ctx.deps.clock.now());
  if (!card) {
    await showScreen(ctx, ctx.t("card-admin-unknown", { number: cardNumberOf(cardId) }));
    return;
  }
  ctx.log.info("card issued anew by an administrator");
  await showAdminCard(ctx, card, ctx.t("card-admin-restored", { number: cardNumberOf(cardId) }));
});
