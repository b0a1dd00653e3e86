import { InlineKeyboard } from "grammy";
import { reissueCard } from "../../../db/cards.js";
import type { AppContext, Flow } from "../../context.js";
import { menuButton, menuEntryData } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { cardAdminFeature, lookUpCard } from "./admin.js";
import { cardCategory, cardPartners, cardReissue, cardReissueNo, cardReissueYes } from "./buttons.js";
import { CARD_PARTNER_BENEFITS, CARD_PARTNER_NEW, newPartnerConversation, partnerBenefitsConversation, partnersAdminFeature } from "./partners.js";
import { sendCardPhoto, showCategory, showMyCard, showPartnerCategories } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

export { cardStartFeature, greetPartner } from "./check.js";

export const cardFlows: Flow[] = [
  { id: CARD_PARTNER_NEW, build: newPartnerConversation },
  { id: CARD_PARTNER_BENEFITS, build: partnerBenefitsConversation },
];

/** "My card" with its partners and reissue, and administrators' cards and partners. */
export const cardFeature = new Handlers<AppContext>().chatType("private");

cardFeature.use(cardAdminFeature, partnersAdminFeature);

cardFeature.callbackQuery(menuEntryData("card"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMyCard(ctx);
});

/** /card is one's own card; an administrator adds a card's number to look it up. */
cardFeature.command("card", async (ctx) => {
  const typed = ctx.match.trim();
  if (typed === "") return showMyCard(ctx);
  await lookUpCard(ctx, typed);
});

cardFeature.callbackQuery(cardPartners.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPartnerCategories(ctx);
});

cardFeature.callbackQuery(cardCategory.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const { category, page } = cardCategory.unpack(ctx.match);
  await showCategory(ctx, category, page);
});

/** Asked first: the code the person may have printed or saved stops working. */
cardFeature.callbackQuery(cardReissue.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(
    ctx,
    ctx.t("card-reissue-confirm"),
    new InlineKeyboard().text(ctx.t("card-button-reissue-yes"), cardReissueYes.pack()).row().text(ctx.t("card-button-reissue-no"), cardReissueNo.pack()),
  );
});

cardFeature.callbackQuery(cardReissueYes.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const reissue = await reissueCard(ctx.deps.db, ctx.from.id, ctx.deps.clock.now());
  // No card (the data was erased since) or a revoked one: "My card" says what there is.
  if (reissue.kind !== "reissued") return showMyCard(ctx);
  ctx.log.info("card reissued");
  await showScreen(ctx, ctx.t("card-reissued"));
  await sendCardPhoto(ctx, reissue.card);
});

cardFeature.callbackQuery(cardReissueNo.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, ctx.t("card-reissue-kept"), menuButton(ctx.t));
});
