import { InlineKeyboard } from "grammy";
import { setCenterOffer, editCenter } from "../../../db/center-edits.js";
import { countBookingsOutside, countUpcomingBookings, deactivateSpecialist as deactivate, setDateOverride } from "../../../db/specialist-edits.js";
import { formatDay, isLocalDate, localDateOf } from "../../../domain/time.js";
import type { AppContext, Flow } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin } from "../admin/access.js";
import {
  catalogCenter,
  catalogCenters,
  catalogSpecialist,
  centerOffers,
  centerSpecialists,
  deactivateSpecialist,
  deactivateSpecialistYes,
  editCenterField,
  editWeekday,
  newOverride,
  newSpecialist,
  removeOverride,
  removeOverrideYes,
  setOffer,
  setOpen247,
  specialistOverrides,
} from "./buttons.js";
import { CATALOG_CENTER_FIELD, centerFieldConversation } from "./center-field.js";
import { managedCenter, showCatalogCenter, showCatalogCenters, showCenterOffers } from "./centers.js";
import {
  CATALOG_DATE,
  CATALOG_NEW_SPECIALIST,
  CATALOG_WEEKDAY,
  dateConversation,
  newSpecialistConversation,
  weekdayConversation,
} from "./specialist-flows.js";
import { managedSpecialist, showCatalogSpecialist, showCenterSpecialists, showSpecialistOverrides, WEEKDAYS } from "./specialists.js";
import { Handlers } from "../../shared/handlers.js";

export const catalogFlows: Flow[] = [
  { id: CATALOG_CENTER_FIELD, build: centerFieldConversation },
  { id: CATALOG_NEW_SPECIALIST, build: newSpecialistConversation },
  { id: CATALOG_WEEKDAY, build: weekdayConversation },
  { id: CATALOG_DATE, build: dateConversation },
];

/**
 * The catalog for administrators: the centers' cards, what each center offers, its specialists
 * and their hours. A center administrator reaches their own centers only; every button checks
 * the sender's right to the center it names.
 */
export const catalogFeature = new Handlers<AppContext>().chatType("private");

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

catalogFeature.callbackQuery(
  centerSpecialists.filter(),
  forAdmin(async (ctx, scope) => {
    const center = await managedCenter(ctx, scope, centerSpecialists.unpack(ctx.match).center);
    if (!center) return;
    await ctx.answerCallbackQuery();
    await showCenterSpecialists(ctx, center.id);
  }),
);

catalogFeature.callbackQuery(
  newSpecialist.filter(),
  forAdmin(async (ctx, scope) => {
    const center = await managedCenter(ctx, scope, newSpecialist.unpack(ctx.match).center);
    if (!center) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(CATALOG_NEW_SPECIALIST, { centerId: center.id });
  }),
);

catalogFeature.callbackQuery(
  catalogSpecialist.filter(),
  forAdmin(async (ctx, scope) => {
    const specialist = await managedSpecialist(ctx, scope, catalogSpecialist.unpack(ctx.match).specialist);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    await showCatalogSpecialist(ctx, specialist);
  }),
);

catalogFeature.callbackQuery(
  editWeekday.filter(),
  forAdmin(async (ctx, scope) => {
    const { specialist: id, weekday } = editWeekday.unpack(ctx.match);
    const specialist = await managedSpecialist(ctx, scope, id);
    if (!specialist) return;
    const day = WEEKDAYS.find((d) => d === weekday);
    await ctx.answerCallbackQuery();
    if (day === undefined) return showCatalogSpecialist(ctx, specialist);
    await ctx.conversation.enter(CATALOG_WEEKDAY, { specialistId: specialist.id, weekday: day });
  }),
);

catalogFeature.callbackQuery(
  specialistOverrides.filter(),
  forAdmin(async (ctx, scope) => {
    const specialist = await managedSpecialist(ctx, scope, specialistOverrides.unpack(ctx.match).specialist);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    await showSpecialistOverrides(ctx, specialist);
  }),
);

catalogFeature.callbackQuery(
  newOverride.filter(),
  forAdmin(async (ctx, scope) => {
    const specialist = await managedSpecialist(ctx, scope, newOverride.unpack(ctx.match).specialist);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(CATALOG_DATE, { specialistId: specialist.id });
  }),
);

/** Removing a date's own hours is asked first: the weekly hours of that date may leave bookings outside. */
catalogFeature.callbackQuery(
  removeOverride.filter(),
  forAdmin(async (ctx, scope) => {
    const { specialist: id, date } = removeOverride.unpack(ctx.match);
    const specialist = await managedSpecialist(ctx, scope, id);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    if (!isLocalDate(date)) return showSpecialistOverrides(ctx, specialist);
    const now = ctx.deps.clock.now();
    const outside = await countBookingsOutside(ctx.deps.db, specialist.id, (s) => ({ weekly: s.weekly, overrides: s.overrides.filter((o) => o.date !== date) }), now);
    const question = ctx.t("catalog-remove-date-confirm", { day: formatDay(date, ctx.language) });
    await showScreen(
      ctx,
      outside > 0 ? `${question}\n\n${ctx.t("catalog-bookings-outside", { count: outside })}` : question,
      new InlineKeyboard()
        .text(ctx.t("catalog-button-remove-date"), removeOverrideYes.pack({ specialist: specialist.id, date }))
        .row()
        .text(ctx.t("button-back"), specialistOverrides.pack({ specialist: specialist.id })),
    );
  }),
);

catalogFeature.callbackQuery(
  removeOverrideYes.filter(),
  forAdmin(async (ctx, scope) => {
    const { specialist: id, date } = removeOverrideYes.unpack(ctx.match);
    const specialist = await managedSpecialist(ctx, scope, id);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    if (isLocalDate(date) && date >= localDateOf(ctx.deps.clock.now())) {
      await setDateOverride(ctx.deps.db, { specialist, date, override: null, actorId: ctx.from.id }, ctx.deps.clock.now());
    }
    await showSpecialistOverrides(ctx, specialist);
  }),
);

catalogFeature.callbackQuery(
  deactivateSpecialist.filter(),
  forAdmin(async (ctx, scope) => {
    const specialist = await managedSpecialist(ctx, scope, deactivateSpecialist.unpack(ctx.match).specialist);
    if (!specialist) return;
    await ctx.answerCallbackQuery();
    const upcoming = await countUpcomingBookings(ctx.deps.db, specialist.id, ctx.deps.clock.now());
    await showScreen(
      ctx,
      ctx.t("catalog-deactivate-confirm", { name: escapeHtml(specialist.display_name), count: upcoming }),
      new InlineKeyboard()
        .text(ctx.t("catalog-button-deactivate-yes"), deactivateSpecialistYes.pack({ specialist: specialist.id }))
        .row()
        .text(ctx.t("button-back"), catalogSpecialist.pack({ specialist: specialist.id })),
    );
  }),
);

catalogFeature.callbackQuery(
  deactivateSpecialistYes.filter(),
  forAdmin(async (ctx, scope) => {
    const specialist = await managedSpecialist(ctx, scope, deactivateSpecialistYes.unpack(ctx.match).specialist);
    if (!specialist) return;
    const cancelled = await deactivate(ctx.deps.db, { specialistId: specialist.id, actorId: ctx.from.id }, ctx.deps.clock.now());
    ctx.log.info({ specialist_id: specialist.id, cancelled }, "specialist deactivated");
    await ctx.answerCallbackQuery();
    const notice = ctx.t("catalog-specialist-deactivated", { name: escapeHtml(specialist.display_name), count: cancelled ?? 0 });
    await showCenterSpecialists(ctx, specialist.center_id, notice);
  }),
);
