import { Composer } from "grammy";
import { findCenter } from "../../../db/catalog.js";
import { isDistrict } from "../../../domain/districts.js";
import type { AppContext } from "../../context.js";
import { CENTER_PREFIX, DISTRICT_PREFIX, showCenter, showDistrictCenters, showDistricts } from "./view.js";

/** The public directory of centers: district → its centers → a center's card. No account needed. */
export const centersFeature = new Composer<AppContext>().chatType("private");

centersFeature.callbackQuery("menu:centers", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDistricts(ctx);
});

centersFeature.callbackQuery(new RegExp(`^${DISTRICT_PREFIX}:(.+)$`), async (ctx, next) => {
  const district = ctx.match[1];
  // Not a district: the catch-all answers it as a stale button.
  if (!isDistrict(district)) return next();
  await ctx.answerCallbackQuery();
  await showDistrictCenters(ctx, district);
});

centersFeature.callbackQuery(new RegExp(`^${CENTER_PREFIX}:(.+)$`), async (ctx) => {
  const center = await findCenter(ctx.deps.db, ctx.match[1]!);
  if (!center) {
    // A center removed since the list was shown, or forged data: say so and start over.
    ctx.log.info("centers: unknown center id in callback");
    await ctx.answerCallbackQuery({ text: ctx.t("centers-not-found-alert") });
    await ctx.reply(ctx.t("centers-not-found"));
    await showDistricts(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  await showCenter(ctx, center);
});
