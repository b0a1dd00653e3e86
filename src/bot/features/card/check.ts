import { InlineKeyboard } from "grammy";
import { checkCardToken, findPartner, partnerOfAccount, recordCheck } from "../../../db/cards.js";
import { cardTokenOfStartPayload } from "../../../domain/card.js";
import type { AppContext, BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { holderLine, secretOf } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

/**
 * `/start card_<token>`: a card's QR code scanned with a phone's camera. A partner's account
 * gets "valid" with the holder's first name and age band, or "invalid" with no reason, and the
 * check is recorded; the holder is told it is their own card; anyone else learns only what the
 * card is and how to get one. Mounted before every other /start, a specialist's included.
 */
export const cardStartFeature = new Handlers<AppContext>().chatType("private");

cardStartFeature.command("start", async (ctx, next) => {
  const token = cardTokenOfStartPayload(ctx.match.trim());
  if (token === null) return next();
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const checked = await checkCardToken(db, await secretOf(ctx.deps), token, now);
  const myCard = new InlineKeyboard().text(ctx.t("menu-card"), menuEntryData("card"));
  // Showing one's own code is not a check, whatever state it is in.
  if (checked.card?.user_id === ctx.from.id) {
    await ctx.reply(ctx.t("card-check-own"), { reply_markup: myCard });
    return;
  }
  const partner = await partnerOfAccount(db, ctx.from.id);
  if (!partner) {
    await ctx.reply(ctx.t("card-foreign"), { reply_markup: new InlineKeyboard().text(ctx.t("card-button-get"), menuEntryData("card")) });
    return;
  }
  if (!partner.active) {
    await ctx.reply(ctx.t("card-partner-removed", { partner: escapeHtml(partner.name) }));
    return;
  }
  const result = checked.kind === "valid" ? "valid" : checked.reason;
  await recordCheck(db, { cardId: checked.card?.id ?? null, partnerId: partner.id, checkedBy: ctx.from.id, result }, now);
  ctx.log.info({ partner_id: partner.id, result }, "card checked");
  await ctx.reply(checked.kind === "valid" ? ctx.t("card-check-valid", { holder: holderLine(ctx.t, checked.card) }) : ctx.t("card-check-invalid"));
});

/** A partner's account whose invite worked is told whom it checks cards for, and how. */
export async function greetPartner(ctx: BaseContext, partnerId: number, alreadyYours: boolean): Promise<void> {
  const partner = (await findPartner(ctx.deps.db, partnerId))!;
  await ctx.reply(ctx.t(alreadyYours ? "card-partner-linked-already" : "card-partner-linked", { partner: escapeHtml(partner.name) }));
}
