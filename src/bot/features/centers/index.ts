import { findCenter } from "../../../db/catalog.js";
import { cardPayload } from "../../../domain/deep-links.js";
import { LANGUAGES } from "../../../domain/language.js";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { CONSULT } from "../consult/conversation.js";
import { requireAccount } from "../menu/menu.js";
import { bookAtCenter, centerCard, districtCenters, nearestCenters } from "./buttons.js";
import { askLocation, showCenter, showDistrictCenters, showDistricts, showNearestCenters } from "./view.js";
import { Handlers } from "../../shared/handlers.js";

/** The public directory of centers: district → its centers → a center's card. No account needed. */
export const centersFeature = new Handlers<AppContext>().chatType("private");

centersFeature.callbackQuery(menuEntryData("centers"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistricts(ctx);
});

// Not a district: no match, and the catch-all answers it as a stale button.
centersFeature.callbackQuery(districtCenters.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistrictCenters(ctx, districtCenters.unpack(ctx.match).district);
});

/** A center removed since the list was shown, or forged data: say so and start over. */
async function centerGone(ctx: AppContext): Promise<void> {
  ctx.log.info("centers: unknown center id in callback");
  await ctx.answerCallbackQuery({ text: ctx.t("centers-not-found-alert") });
  await showDistricts(ctx, ctx.t("centers-not-found"));
}

centersFeature.callbackQuery(centerCard.filter(), async (ctx) => {
  const center = await findCenter(ctx.deps.db, centerCard.unpack(ctx.match).center);
  if (!center) return centerGone(ctx);
  await ctx.answerCallbackQuery();
  await showCenter(ctx, center);
});

/** Booking with the center already chosen; without an account, sign-up comes back to the center's card. */
centersFeature.callbackQuery(bookAtCenter.filter(), async (ctx) => {
  const center = await findCenter(ctx.deps.db, bookAtCenter.unpack(ctx.match).center);
  if (!center) return centerGone(ctx);
  await ctx.answerCallbackQuery();
  if (await requireAccount(ctx, cardPayload("center", center.id))) await ctx.conversation.enter(CONSULT, { centerId: center.id });
});

centersFeature.callbackQuery(nearestCenters.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askLocation(ctx);
});

centersFeature.on("message:location", async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  await showNearestCenters(ctx, { latitude, longitude });
});

/** "Cancel" under the location request, in whichever language it was shown. */
centersFeature.on("message:text").filter(
  (ctx) => {
    const text = ctx.message?.text;
    return text !== undefined && LANGUAGES.some((lang) => ctx.i18n.fluent.translate(lang, "centers-near-button-cancel") === text);
  },
  async (ctx) => {
    await ctx.reply(ctx.t("cancelled"), { reply_markup: { remove_keyboard: true } });
    await showDistricts(ctx);
  },
);
