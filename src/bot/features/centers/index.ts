import { Composer } from "grammy";
import { findCenter } from "../../../db/catalog.js";
import type { AppContext } from "../../context.js";
import { menuEntryData } from "../../shared/keyboards.js";
import { centerCard, districtCenters } from "./buttons.js";
import { showCenter, showDistrictCenters, showDistricts } from "./view.js";

/** The public directory of centers: district → its centers → a center's card. No account needed. */
export const centersFeature = new Composer<AppContext>().chatType("private");

centersFeature.callbackQuery(menuEntryData("centers"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistricts(ctx);
});

// Not a district: no match, and the catch-all answers it as a stale button.
centersFeature.callbackQuery(districtCenters.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistrictCenters(ctx, districtCenters.unpack(ctx.match).district);
});

centersFeature.callbackQuery(centerCard.filter(), async (ctx) => {
  const center = await findCenter(ctx.deps.db, centerCard.unpack(ctx.match).center);
  if (!center) {
    // A center removed since the list was shown, or forged data: say so and start over.
    ctx.log.info("centers: unknown center id in callback");
    await ctx.answerCallbackQuery({ text: ctx.t("centers-not-found-alert") });
    await showDistricts(ctx, ctx.t("centers-not-found"));
    return;
  }
  await ctx.answerCallbackQuery();
  await showCenter(ctx, center);
});
