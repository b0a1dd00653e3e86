import { Composer } from "grammy";
import { setCenterOffer, editCenter } from "../../../db/center-edits.js";
import type { AppContext, Flow } from "../../context.js";
import { forAdmin } from "../admin/access.js";
import { catalogCenter, catalogCenters, centerOffers, editCenterField, setOffer, setOpen247 } from "./buttons.js";
import { CATALOG_CENTER_FIELD, centerFieldConversation } from "./center-field.js";
import { managedCenter, showCatalogCenter, showCatalogCenters, showCenterOffers } from "./centers.js";

export const catalogFlows: Flow[] = [{ id: CATALOG_CENTER_FIELD, build: centerFieldConversation }];

/**
 * The catalog for administrators: the centers' cards, what each center offers, its specialists
 * and their hours. A center administrator reaches their own centers only; every button checks
 * the sender's right to the center it names.
 */
export const catalogFeature = new Composer<AppContext>().chatType("private");

catalogFeature.callbackQuery(
  catalogCenters.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showCatalogCenters(ctx, scope);
  }),
);

catalogFeature.callbackQuery(
  catalogCenter.filter(),
  forAdmin(async (ctx, scope) => {
    const center = await managedCenter(ctx, scope, catalogCenter.unpack(ctx.match).center);
    if (!center) return;
    await ctx.answerCallbackQuery();
    await showCatalogCenter(ctx, center);
  }),
);

catalogFeature.callbackQuery(
  editCenterField.filter(),
  forAdmin(async (ctx, scope) => {
    const { center: centerId, field } = editCenterField.unpack(ctx.match);
    const center = await managedCenter(ctx, scope, centerId);
    if (!center) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(CATALOG_CENTER_FIELD, { centerId: center.id, field });
  }),
);

catalogFeature.callbackQuery(
  setOpen247.filter(),
  forAdmin(async (ctx, scope) => {
    const { center: centerId, open } = setOpen247.unpack(ctx.match);
    if (!(await managedCenter(ctx, scope, centerId))) return;
    const edit = { field: "open_24_7", open: open === "on" } as const;
    const center = await editCenter(ctx.deps.db, { centerId, actorId: ctx.from.id, edit }, ctx.deps.clock.now());
    await ctx.answerCallbackQuery();
    if (center) await showCatalogCenter(ctx, center);
  }),
);

catalogFeature.callbackQuery(
  centerOffers.filter(),
  forAdmin(async (ctx, scope) => {
    const center = await managedCenter(ctx, scope, centerOffers.unpack(ctx.match).center);
    if (!center) return;
    await ctx.answerCallbackQuery();
    await showCenterOffers(ctx, center);
  }),
);

catalogFeature.callbackQuery(
  setOffer.filter(),
  forAdmin(async (ctx, scope) => {
    const { center: centerId, offer, offered } = setOffer.unpack(ctx.match);
    const center = await managedCenter(ctx, scope, centerId);
    if (!center) return;
    await setCenterOffer(ctx.deps.db, { centerId, offer, offered: offered === "on", actorId: ctx.from.id }, ctx.deps.clock.now());
    await ctx.answerCallbackQuery();
    await showCenterOffers(ctx, center);
  }),
);
