import { InlineKeyboard } from "grammy";
import { upcomingEventsPage, type EventFilter } from "../../../db/events.js";
import type { DistrictCode } from "../../../domain/districts.js";
import { EVENT_PERIODS, LISTED_CATEGORIES, periodSpan, type EventPeriod, type ListedCategory } from "../../../domain/events.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { districtKeyboard, gridKeyboard, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { categoryChoice, districtChoice, eventCard, eventsList, myEvents, periodChoice } from "./buttons.js";
import { eventListLine } from "./format.js";

/** Events per page: each is a few lines and a number button. */
const PAGE_SIZE = 6;
const NUMBERS_PER_ROW = 3;

/** The list's filters; "all" where nothing is chosen. */
export interface EventsFilter {
  category: ListedCategory | "all";
  district: DistrictCode | "all";
  period: EventPeriod;
}

/** Where in the list a person is. An event's card and its sign-up carry it in their buttons. */
export interface ListPlace {
  filter: EventsFilter;
  page: number;
}

export const EVENTS_START: ListPlace = { filter: { category: "all", district: "all", period: "all" }, page: 0 };

/** The button data that shows the list at `place`. */
export function listPlaceData(place: ListPlace): string {
  return eventsList.pack({ place });
}

function filterLabels(ctx: BaseContext, f: EventsFilter) {
  return {
    category: f.category === "all" ? ctx.t("events-all-categories") : ctx.t(`event-category-${f.category}`),
    district: f.district === "all" ? ctx.t("events-all-districts") : ctx.t(`district-${f.district}`),
    period: ctx.t(`events-period-${f.period}`),
  };
}

function dbFilter(f: EventsFilter, now: Date): EventFilter {
  return {
    categories: f.category === "all" ? LISTED_CATEGORIES : [f.category],
    district: f.district === "all" ? undefined : f.district,
    ...periodSpan(f.period, now),
  };
}

/**
 * Upcoming events that match the filter, a page at a time, with the filter buttons. Only the
 * page's rows are read: the city has thousands of events a year.
 */
export async function showEvents(ctx: BaseContext, place: ListPlace = EVENTS_START): Promise<void> {
  const language = ctx.language;
  const { filter } = place;
  const where = dbFilter(filter, ctx.deps.clock.now());
  const { items: shown, index: current, pages, offset } = await upcomingEventsPage(ctx.deps.db, where, place.page, PAGE_SIZE);

  const labels = filterLabels(ctx, filter);
  const parts = [ctx.t("events-list-title", labels)];
  if (shown.length === 0) parts.push(ctx.t("events-list-empty"));
  else {
    parts.push(...shown.map((e, i) => eventListLine(ctx.t, language, e, offset + i + 1)));
    parts.push(ctx.t("events-list-hint"));
    if (pages > 1) parts.push(ctx.t("events-list-page", { page: current + 1, pages }));
  }

  const here: ListPlace = { filter, page: current };
  const kb = gridKeyboard(
    shown.map((e, i) => InlineKeyboard.text(String(offset + i + 1), eventCard.pack({ event: e.id, place: here }))),
    NUMBERS_PER_ROW,
  );
  startRow(kb);
  if (current > 0) kb.text(ctx.t("events-button-prev"), listPlaceData({ filter, page: current - 1 }));
  if (current < pages - 1) kb.text(ctx.t("events-button-next"), listPlaceData({ filter, page: current + 1 }));
  startRow(kb)
    .text(ctx.t("events-button-category", labels), categoryChoice.pack({ place: here }))
    .text(ctx.t("events-button-district", labels), districtChoice.pack({ place: here }))
    .row()
    .text(ctx.t("events-button-period", labels), periodChoice.pack({ place: here }))
    .text(ctx.t("events-button-my"), myEvents.pack())
    .row()
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}

/** A filter's choices lead to the list's first page with that one filter changed. */
function chosen(filter: EventsFilter, change: Partial<EventsFilter>): string {
  return listPlaceData({ filter: { ...filter, ...change }, page: 0 });
}

function choiceExits(ctx: BaseContext, kb: InlineKeyboard, place: ListPlace): InlineKeyboard {
  return startRow(kb).text(ctx.t("button-back"), listPlaceData(place)).text(ctx.t("button-menu"), menuOpenButton.pack());
}

export async function showCategoryChoice(ctx: BaseContext, place: ListPlace): Promise<void> {
  const kb = gridKeyboard(
    LISTED_CATEGORIES.map((category) => InlineKeyboard.text(ctx.t(`event-category-${category}`), chosen(place.filter, { category }))),
    2,
  );
  startRow(kb).text(ctx.t("events-all-categories"), chosen(place.filter, { category: "all" }));
  await showScreen(ctx, ctx.t("events-choose-category"), choiceExits(ctx, kb, place));
}

export async function showDistrictChoice(ctx: BaseContext, place: ListPlace): Promise<void> {
  const kb = districtKeyboard(ctx.t, (district) => chosen(place.filter, { district }));
  startRow(kb).text(ctx.t("events-all-districts"), chosen(place.filter, { district: "all" }));
  await showScreen(ctx, ctx.t("events-choose-district"), choiceExits(ctx, kb, place));
}

export async function showPeriodChoice(ctx: BaseContext, place: ListPlace): Promise<void> {
  const kb = gridKeyboard(
    EVENT_PERIODS.map((period) => InlineKeyboard.text(ctx.t(`events-period-${period}`), chosen(place.filter, { period }))),
    2,
  );
  await showScreen(ctx, ctx.t("events-choose-period"), choiceExits(ctx, kb, place));
}
