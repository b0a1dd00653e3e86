import { Composer, InlineKeyboard } from "grammy";
import {
  countChecks,
  countPartnerAccounts,
  createPartner,
  findCard,
  findPartner,
  listActivePartners,
  removePartner,
  revokeCard,
  type HeldCard,
} from "../../../db/cards.js";
import type { Partner } from "../../../db/schema.js";
import { createInvite, type CreatedInvite } from "../../../db/staff.js";
import { BENEFIT_MAX, cardIdOfNumber, cardNumberOf, PARTNER_CATEGORIES, PARTNER_NAME_MAX, parsePartnerName } from "../../../domain/card.js";
import { pageOf } from "../../../domain/paging.js";
import type { AppContext, AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { dateWithYearOf, escapeHtml } from "../../shared/format.js";
import { menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { isAdmin, linkVars } from "../staff/invite.js";
import {
  ADMIN_BUTTONS,
  adminCard,
  adminPartner,
  adminPartnerLink,
  adminPartnerNew,
  adminPartnerRemove,
  adminPartnerRemoveYes,
  adminPartners,
  adminRevoke,
  adminRevokeYes,
} from "./buttons.js";
import { holderLine } from "./view.js";

export const CARD_PARTNER_NEW = "card-partner-new";

/** Partners listed at a time for an administrator. */
const PARTNERS_PER_PAGE = 8;

/**
 * Administrators' side of the card: a card by its number (/card 0001 2345) and its revocation,
 * and the partners (from /invite): adding one, its invite links, ending a partnership.
 */
export const cardAdminFeature = new Composer<AppContext>().chatType("private");

const admin = cardAdminFeature.filter(isAdmin);
cardAdminFeature.filter(
  (ctx) => !isAdmin(ctx) && ADMIN_BUTTONS.some((codec) => codec.match(ctx.callbackQuery?.data) !== null),
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

/** A card's state for an administrator, with its revocation while it is valid. */
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

// ---------------------------------------------------------------------------------------------
// Partners

/** The partners, a page at a time, each leading to its own screen; and a new one. */
async function showAdminPartners(ctx: BaseContext, page: number, notice?: string): Promise<void> {
  const partners = await listActivePartners(ctx.deps.db);
  const { items, index, pages } = pageOf(partners, page, PARTNERS_PER_PAGE);
  const kb = new InlineKeyboard();
  for (const p of items) kb.text(`${p.name} · ${ctx.t(`card-category-${p.category}`)}`, adminPartner.pack({ partner: p.id })).row();
  if (index > 0) kb.text(ctx.t("staff-page-prev"), adminPartners.pack({ page: index - 1 }));
  if (index < pages - 1) kb.text(ctx.t("staff-page-next"), adminPartners.pack({ page: index + 1 }));
  startRow(kb).text(ctx.t("card-admin-button-new-partner"), adminPartnerNew.pack()).row().text(ctx.t("button-menu"), menuOpenButton.pack());
  const text = ctx.t(partners.length > 0 ? "card-admin-partners" : "card-admin-partners-none");
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The partner of a button while it is a partner; otherwise the list, saying so. */
async function partnerOfButton(ctx: BaseContext, partnerId: number): Promise<Partner | undefined> {
  const partner = await findPartner(ctx.deps.db, partnerId);
  if (partner?.active) return partner;
  await showAdminPartners(ctx, 0, ctx.t("card-admin-partner-gone"));
  return undefined;
}

admin.callbackQuery(adminPartners.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showAdminPartners(ctx, adminPartners.unpack(ctx.match).page);
});

admin.callbackQuery(adminPartner.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const partner = await partnerOfButton(ctx, adminPartner.unpack(ctx.match).partner);
  if (!partner) return;
  const none = ctx.t("card-admin-benefit-none");
  await showScreen(
    ctx,
    ctx.t("card-admin-partner", {
      name: escapeHtml(partner.name),
      category: ctx.t(`card-category-${partner.category}`),
      benefitKk: partner.benefit_kk === null ? none : escapeHtml(partner.benefit_kk),
      benefitRu: partner.benefit_ru === null ? none : escapeHtml(partner.benefit_ru),
      accounts: await countPartnerAccounts(ctx.deps.db, partner.id),
    }),
    new InlineKeyboard()
      .text(ctx.t("card-admin-button-link"), adminPartnerLink.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("card-admin-button-remove"), adminPartnerRemove.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("button-back"), adminPartners.pack({ page: 0 })),
  );
});

admin.callbackQuery(adminPartnerLink.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const partner = await partnerOfButton(ctx, adminPartnerLink.unpack(ctx.match).partner);
  if (!partner) return;
  const invite = await createInvite(ctx.deps.db, { target: { kind: "partner", partnerId: partner.id }, createdBy: ctx.from.id }, ctx.deps.clock.now());
  ctx.log.info({ partner_id: partner.id }, "partner invite created");
  await sendPartnerInvite(ctx, partner, invite);
});

admin.callbackQuery(adminPartnerRemove.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const partner = await partnerOfButton(ctx, adminPartnerRemove.unpack(ctx.match).partner);
  if (!partner) return;
  await showScreen(
    ctx,
    ctx.t("card-admin-remove-confirm", { name: escapeHtml(partner.name) }),
    new InlineKeyboard()
      .text(ctx.t("card-admin-button-remove-yes"), adminPartnerRemoveYes.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("button-back"), adminPartner.pack({ partner: partner.id })),
  );
});

admin.callbackQuery(adminPartnerRemoveYes.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const partner = await partnerOfButton(ctx, adminPartnerRemoveYes.unpack(ctx.match).partner);
  if (!partner) return;
  await removePartner(ctx.deps.db, partner.id);
  ctx.log.info({ partner_id: partner.id }, "partnership ended");
  await showAdminPartners(ctx, 0, ctx.t("card-admin-partner-removed", { name: escapeHtml(partner.name) }));
});

admin.callbackQuery(adminPartnerNew.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(CARD_PARTNER_NEW);
});

/** The invite link for a partner's staff, as a message of its own to be forwarded. */
async function sendPartnerInvite(ctx: BaseContext, partner: Partner, invite: CreatedInvite): Promise<void> {
  await ctx.reply(
    ctx.t("staff-invite-partner-created", {
      name: escapeHtml(partner.name),
      category: ctx.t(`card-category-${partner.category}`),
      ...linkVars(ctx, "partner", invite, ctx.language),
    }),
    { link_preview_options: { is_disabled: true }, reply_markup: new InlineKeyboard().text(ctx.t("button-back"), adminPartner.pack({ partner: partner.id })) },
  );
}

const categoryStep = defineStep("cpn-category");
const skipStep = defineStep("cpn-skip");

/** A benefit typed in one language, or skipped (""). */
function askBenefit(conversation: AppConversation, ctx: BaseContext, question: string) {
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t(question, { max: BENEFIT_MAX }), markup: new InlineKeyboard().text(c.t("button-skip"), skipStep.data("skip")) }),
    parse: (text) => text.trim() || null,
    invalid: (c) => c.t("need-text"),
    buttons: skipStep,
    onButton: (choice) => (choice === "skip" ? "" : null),
    maxLength: BENEFIT_MAX,
  });
}

/**
 * A new partner: its name, its category, and what it gives card holders in Kazakh and in Russian
 * (either may be left for later); then the invite link for its staff. /cancel leaves it.
 */
export function newPartnerConversation(deps: AppDeps) {
  return async function cardPartnerNew(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const name = await askText(conversation, ctx, {
      prompt: (c) => ({ text: c.t("card-admin-ask-name", { max: PARTNER_NAME_MAX }) }),
      parse: (text) => parsePartnerName(text),
      invalid: (c) => c.t("card-admin-name-invalid", { max: PARTNER_NAME_MAX }),
      maxLength: PARTNER_NAME_MAX,
    });
    ctx = name.ctx;
    const category = await askChoice(conversation, ctx, categoryStep, PARTNER_CATEGORIES, (c) => {
      const kb = new InlineKeyboard();
      for (const each of PARTNER_CATEGORIES) kb.text(c.t(`card-category-${each}`), categoryStep.data(each));
      return { text: c.t("card-admin-ask-category"), markup: kb };
    });
    ctx = category.ctx;
    const benefitKk = await askBenefit(conversation, ctx, "card-admin-ask-benefit-kk");
    ctx = benefitKk.ctx;
    const benefitRu = await askBenefit(conversation, ctx, "card-admin-ask-benefit-ru");
    ctx = benefitRu.ctx;

    const createdBy = ctx.from!.id;
    const { partner, invite } = await conversation.external(async () => {
      const now = deps.clock.now();
      const partner = await createPartner(
        deps.db,
        { name: name.value, category: category.choice, benefitKk: benefitKk.value || null, benefitRu: benefitRu.value || null },
        now,
      );
      const invite = await createInvite(deps.db, { target: { kind: "partner", partnerId: partner.id }, createdBy }, now);
      return { partner, invite };
    });
    ctx.log.info({ partner_id: partner.id }, "partner added");
    await ctx.reply(ctx.t("card-admin-partner-added", { name: escapeHtml(partner.name) }));
    await sendPartnerInvite(ctx, partner, invite);
  };
}
