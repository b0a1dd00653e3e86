import { InlineKeyboard } from "grammy";
import { addPartner, countPartnerAccounts, editPartner, findPartner, listActivePartners, listEndedPartners, setPartnerActive } from "../../../db/cards.js";
import type { Partner } from "../../../db/schema.js";
import { createInvite, type CreatedInvite } from "../../../db/staff.js";
import { BENEFIT_MAX, PARTNER_CATEGORIES, PARTNER_NAME_MAX, parsePartnerName } from "../../../domain/card.js";
import type { AppContext, AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { paged } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { forCityAdmin } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { isAdmin, linkVars } from "../staff/invite.js";
import {
  adminPartner,
  adminPartnerBenefits,
  adminPartnerCategory,
  adminPartnerLink,
  adminPartnerNew,
  adminPartnerReactivate,
  adminPartnerRemove,
  adminPartnerRemoveYes,
  adminPartners,
  adminPartnersEnded,
  adminPartnerSetCategory,
} from "./buttons.js";
import { Handlers } from "../../shared/handlers.js";

export const CARD_PARTNER_NEW = "card-partner-new";
export const CARD_PARTNER_BENEFITS = "card-partner-benefits";

/** Partners listed at a time for an administrator. */
const PARTNERS_PER_PAGE = 8;

/**
 * Administrators' partners, reached from /invite: adding one, its staff's invite links, ending a
 * partnership. Anyone else's presses were refused before (see cardAdminFeature).
 */
export const partnersAdminFeature = new Handlers<AppContext>().chatType("private");

const admin = partnersAdminFeature.filter(isAdmin);

/** The partners, a page at a time, each leading to its own screen; and a new one. */
async function showAdminPartners(ctx: BaseContext, page: number, notice?: string): Promise<void> {
  const partners = await listActivePartners(ctx.deps.db);
  const buttons = partners.map((p) => ({ text: `${p.name} · ${ctx.t(`card-category-${p.category}`)}`, data: adminPartner.pack({ partner: p.id }) }));
  const kb = paged(ctx, buttons, page, PARTNERS_PER_PAGE, (p) => adminPartners.pack({ page: p }));
  kb.text(ctx.t("card-admin-button-new-partner"), adminPartnerNew.pack()).row();
  const ended = (await listEndedPartners(ctx.deps.db)).length;
  if (ended > 0) kb.text(ctx.t("card-admin-button-ended", { count: ended }), adminPartnersEnded.pack()).row();
  kb.text(ctx.t("button-back"), adminHome.pack());
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

/**
 * A partner's screen: what card holders read of it, and what can be done. An ended partnership
 * can be taken up again, and nothing else.
 */
async function showAdminPartner(ctx: BaseContext, partner: Partner, notice?: string): Promise<void> {
  const none = ctx.t("card-admin-benefit-none");
  const text = ctx.t("card-admin-partner", {
    name: escapeHtml(partner.name),
    category: ctx.t(`card-category-${partner.category}`),
    benefitKk: partner.benefit_kk === null ? none : escapeHtml(partner.benefit_kk),
    benefitRu: partner.benefit_ru === null ? none : escapeHtml(partner.benefit_ru),
    accounts: await countPartnerAccounts(ctx.deps.db, partner.id),
  });
  const kb = new InlineKeyboard();
  const lines = [notice, text];
  if (partner.active) {
    kb.text(ctx.t("card-admin-button-link"), adminPartnerLink.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("card-admin-button-category"), adminPartnerCategory.pack({ partner: partner.id }))
      .text(ctx.t("card-admin-button-benefits"), adminPartnerBenefits.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("card-admin-button-remove"), adminPartnerRemove.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("button-back"), adminPartners.pack({ page: 0 }));
  } else {
    lines.push(ctx.t("card-admin-partner-ended"));
    kb.text(ctx.t("card-admin-button-reactivate"), adminPartnerReactivate.pack({ partner: partner.id }))
      .row()
      .text(ctx.t("button-back"), adminPartnersEnded.pack());
  }
  await showScreen(ctx, lines.filter(Boolean).join("\n\n"), kb);
}

admin.callbackQuery(adminPartner.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const partner = await findPartner(ctx.deps.db, adminPartner.unpack(ctx.match).partner);
  if (!partner) return showAdminPartners(ctx, 0, ctx.t("card-admin-partner-gone"));
  await showAdminPartner(ctx, partner);
});

admin.callbackQuery(
  adminPartnersEnded.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const ended = await listEndedPartners(ctx.deps.db);
    const kb = new InlineKeyboard();
    for (const p of ended) kb.text(`${p.name} · ${ctx.t(`card-category-${p.category}`)}`, adminPartner.pack({ partner: p.id })).row();
    kb.text(ctx.t("button-back"), adminPartners.pack({ page: 0 }));
    await showScreen(ctx, ctx.t(ended.length > 0 ? "card-admin-ended" : "card-admin-ended-none"), kb);
  }),
);

admin.callbackQuery(
  adminPartnerReactivate.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const partnerId = adminPartnerReactivate.unpack(ctx.match).partner;
    const taken = await setPartnerActive(ctx.deps.db, { partnerId, active: true, actorId: ctx.from.id }, ctx.deps.clock.now());
    const partner = await findPartner(ctx.deps.db, partnerId);
    if (!partner) return showAdminPartners(ctx, 0, ctx.t("card-admin-partner-gone"));
    if (taken) ctx.log.info({ partner_id: partnerId }, "partnership taken up again");
    await showAdminPartner(ctx, partner, taken ? ctx.t("card-admin-partner-reactivated", { name: escapeHtml(partner.name) }) : undefined);
  }),
);

admin.callbackQuery(
  adminPartnerCategory.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const partner = await partnerOfButton(ctx, adminPartnerCategory.unpack(ctx.match).partner);
    if (!partner) return;
    const kb = new InlineKeyboard();
    for (const category of PARTNER_CATEGORIES) {
      startRow(kb).text(ctx.t(`card-category-${category}`), adminPartnerSetCategory.pack({ partner: partner.id, category }));
    }
    startRow(kb).text(ctx.t("button-back"), adminPartner.pack({ partner: partner.id }));
    await showScreen(ctx, ctx.t("card-admin-ask-category"), kb);
  }),
);

admin.callbackQuery(
  adminPartnerSetCategory.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const { partner: partnerId, category } = adminPartnerSetCategory.unpack(ctx.match);
    const partner = await partnerOfButton(ctx, partnerId);
    if (!partner) return;
    const edited = await editPartner(ctx.deps.db, { partnerId, change: { category }, actorId: ctx.from.id }, ctx.deps.clock.now());
    ctx.log.info({ partner_id: partnerId }, "partner's category changed");
    if (edited) await showAdminPartner(ctx, edited, ctx.t("admin-saved"));
  }),
);

admin.callbackQuery(
  adminPartnerBenefits.filter(),
  forCityAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    const partner = await partnerOfButton(ctx, adminPartnerBenefits.unpack(ctx.match).partner);
    if (partner) await ctx.conversation.enter(CARD_PARTNER_BENEFITS, partner.id);
  }),
);

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
  await setPartnerActive(ctx.deps.db, { partnerId: partner.id, active: false, actorId: ctx.from.id }, ctx.deps.clock.now());
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
      const partner = await addPartner(
        deps.db,
        { name: name.value, category: category.choice, benefitKk: benefitKk.value || null, benefitRu: benefitRu.value || null },
        createdBy,
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

/**
 * New benefit texts for a partner, in Kazakh and in Russian; skipping one leaves it as it is.
 * Saved with the state before and after in the audit log.
 */
export function partnerBenefitsConversation(deps: AppDeps) {
  return async function cardPartnerBenefits(conversation: AppConversation, ctx: BaseContext, partnerId: number): Promise<void> {
    const kk = await askBenefit(conversation, ctx, "card-admin-ask-benefit-kk");
    const ru = await askBenefit(conversation, kk.ctx, "card-admin-ask-benefit-ru");
    ctx = ru.ctx;
    const change = { ...(kk.value ? { benefit_kk: kk.value } : {}), ...(ru.value ? { benefit_ru: ru.value } : {}) };
    const actorId = ctx.from!.id;
    const edited = await conversation.external(async () => {
      // The role is read again: it may have been taken away while the flow went on.
      if (!deps.config.adminIds.includes(actorId)) return "not-allowed" as const;
      if (Object.keys(change).length === 0) return "unchanged" as const;
      return (await editPartner(deps.db, { partnerId, change, actorId }, deps.clock.now())) ? ("saved" as const) : ("gone" as const);
    });
    const text = edited === "not-allowed" ? "staff-not-allowed" : edited === "gone" ? "card-admin-partner-gone" : edited === "saved" ? "admin-saved" : "card-admin-unchanged";
    await ctx.reply(ctx.t(text), { reply_markup: new InlineKeyboard().text(ctx.t("button-back"), adminPartner.pack({ partner: partnerId })) });
  };
}
