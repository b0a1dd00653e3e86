import { InlineKeyboard, InputFile } from "grammy";
import { cardSecret, currentCard, listActivePartners, type HeldCard } from "../../../db/cards.js";
import { ageBandOf, CARD_START_PREFIX, cardNumberOf, firstNameOf, PARTNER_CATEGORIES, signCardToken, type PartnerCategory } from "../../../domain/card.js";
import { startLink } from "../../../domain/deep-links.js";
import { pageOf } from "../../../domain/paging.js";
import type { AppDeps, BaseContext } from "../../context.js";
import { dateWithYearOf, escapeHtml, type Translate } from "../../shared/format.js";
import { menuButton, menuOpenButton } from "../../shared/keyboards.js";
import { pageArrows } from "../../shared/paged.js";
import { qrPng } from "../../shared/qr.js";
import { showScreen } from "../../shared/screen.js";
import { requireAccount } from "../menu/menu.js";
import { cardCategory, cardPartners, cardReissue } from "./buttons.js";

/** Partners listed at a time: with a name and a benefit each at their longest, a page stays within one message. */
const PARTNERS_PER_PAGE = 10;

/** The key cards are signed with. */
export function secretOf(deps: AppDeps): Promise<string> {
  return cardSecret(deps.db, deps.config.cardSecret, deps.clock.now());
}

/** "Айгерім, 18–24 жас": all a partner learns of a holder. */
export function holderLine(t: Translate, card: Pick<HeldCard, "holder_name" | "holder_age">): string {
  const name = escapeHtml(firstNameOf(card.holder_name ?? ""));
  const band = card.holder_age === null ? null : ageBandOf(card.holder_age);
  return band ? `${name}, ${t("card-age-band", { from: band.from, to: band.to })}` : name;
}

/** The revoked card's screen: no QR, and the way to have it looked into. */
function showRevoked(ctx: BaseContext, card: HeldCard): Promise<void> {
  return showScreen(ctx, ctx.t("card-revoked", { number: cardNumberOf(card.id), date: dateWithYearOf(card.revoked_at!) }), menuButton(ctx.t));
}

/**
 * "My card": the QR code as a photo of its own, so that it stays in the chat to be shown at a
 * venue, with the number, the holder and the validity in the caption. Made the first time it is
 * opened; a revoked card shows no code at all.
 */
export async function showMyCard(ctx: BaseContext): Promise<void> {
  if (!(await requireAccount(ctx, "card"))) return;
  const card = await currentCard(ctx.deps.db, ctx.from!.id, ctx.deps.clock.now());
  if (card.revoked_at !== null) return showRevoked(ctx, card);
  await sendCardPhoto(ctx, card);
}

/** The card's photo: its QR code holds the deep link of its current issue. */
export async function sendCardPhoto(ctx: BaseContext, card: HeldCard): Promise<void> {
  const token = signCardToken(await secretOf(ctx.deps), { cardId: card.id, issue: card.issue, expiresAt: new Date(card.expires_at) });
  const png = await qrPng(startLink(ctx.me.username, CARD_START_PREFIX + token));
  await ctx.replyWithPhoto(new InputFile(png, "jastar-card.png"), {
    caption: ctx.t("card-caption", { number: cardNumberOf(card.id), holder: holderLine(ctx.t, card), until: dateWithYearOf(card.expires_at) }),
    reply_markup: new InlineKeyboard()
      .text(ctx.t("card-button-partners"), cardPartners.pack())
      .row()
      .text(ctx.t("card-button-reissue"), cardReissue.pack())
      .row()
      .text(ctx.t("button-menu"), menuOpenButton.pack()),
  });
}

/** The categories of partners, each with how many there are. */
export async function showPartnerCategories(ctx: BaseContext): Promise<void> {
  const partners = await listActivePartners(ctx.deps.db);
  const kb = new InlineKeyboard();
  for (const category of PARTNER_CATEGORIES) {
    const count = partners.filter((p) => p.category === category).length;
    kb.text(`${ctx.t(`card-category-${category}`)} (${count})`, cardCategory.pack({ category, page: 0 })).row();
  }
  await showScreen(ctx, ctx.t("card-partners-title"), kb.text(ctx.t("button-menu"), menuOpenButton.pack()));
}

/** A category's partners with their benefits, in the reader's language, a page at a time. */
export async function showCategory(ctx: BaseContext, category: PartnerCategory, page: number): Promise<void> {
  const { items, index, pages } = pageOf(await listActivePartners(ctx.deps.db, category), page, PARTNERS_PER_PAGE);
  const lines = items.map((p) => {
    const benefit = ctx.language === "kk" ? p.benefit_kk : p.benefit_ru;
    const name = escapeHtml(p.name);
    return benefit ? ctx.t("card-partner-line", { name, benefit: escapeHtml(benefit) }) : ctx.t("card-partner-line-plain", { name });
  });
  const title = ctx.t("card-partners-in-category", { category: ctx.t(`card-category-${category}`) });
  const text = [title, ...(lines.length > 0 ? lines : [ctx.t("card-partners-none")])].join("\n");
  const kb = pageArrows(ctx, new InlineKeyboard(), { index, pages }, (p) => cardCategory.pack({ category, page: p }));
  await showScreen(ctx, text, kb.text(ctx.t("button-back"), cardPartners.pack()).text(ctx.t("button-menu"), menuOpenButton.pack()));
}
