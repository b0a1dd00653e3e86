import { InlineKeyboard } from "grammy";
import { findLiveSignup, upcomingEventsPage, type EventView } from "../../../db/events.js";
import type { DistrictCode } from "../../../domain/districts.js";
import { joinStatus, signupOpen } from "../../../domain/seats.js";
import { TEATALK_LEVELS, TEATALK_LIST_DAYS, type TeaTalkLevel } from "../../../domain/teatalk.js";
import { addMinutes } from "../../../domain/time-math.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { districtKeyboard, menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { addEventShareButton } from "../links/share.js";
import { openPractice } from "../practice/buttons.js";
import {
  clubsList,
  districtChoice,
  joinSession,
  levelChoice,
  sessionCard as sessionButton,
  sessionSignupButtons,
  teatalkClubs,
  teatalkMine,
} from "./buttons.js";
import { listLine, sessionCard } from "./format.js";
import { seatStatusText } from "../../shared/seat-actions.js";
import { signupButtons } from "../../shared/seat-buttons.js";

/** Sessions per page of the list: each is a few lines and a number button. */
const PAGE_SIZE = 8;
const NUMBERS_PER_ROW = 4;

/** The list's filters; "all" where nothing is chosen. */
export interface ClubsFilter {
  level: TeaTalkLevel | "all";
  district: DistrictCode | "all";
}

export const ALL_CLUBS: ClubsFilter = { level: "all", district: "all" };

/** Where in the list a person is. A session's card and its sign-up carry it in their buttons. */
export interface ListPlace {
  filter: ClubsFilter;
  page: number;
}

export const LIST_START: ListPlace = { filter: ALL_CLUBS, page: 0 };

/** The button data that shows the list at `place`. */
export function listPlaceData(place: ListPlace): string {
  return listData(place.filter, place.page);
}

function listData(f: ClubsFilter, page = 0): string {
  return clubsList.pack({ ...f, page });
}

/** The tea-talk entry of the main menu: the clubs in the centers, or practice in the chat. */
export async function showTeaTalkMenu(ctx: BaseContext): Promise<void> {
  const kb = new InlineKeyboard()
    .text(ctx.t("teatalk-button-clubs"), teatalkClubs.pack())
    .row()
    // Kazakh practice in the chat is a feature of its own; it answers this button.
    .text(ctx.t("teatalk-button-practice"), openPractice.pack())
    .row()
    .text(ctx.t("teatalk-button-my"), teatalkMine.pack())
    .row()
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, ctx.t("teatalk-menu"), kb);
}

/** Upcoming sessions of the next weeks that match the filter, a page at a time, with the filter buttons. */
export async function showClubs(ctx: BaseContext, filter: ClubsFilter, page = 0): Promise<void> {
  const language = ctx.language;
  const now = ctx.deps.clock.now();
  const sessions = {
    categories: ["teatalk"] as const,
    level: filter.level === "all" ? undefined : filter.level,
    district: filter.district === "all" ? undefined : filter.district,
    from: now,
    to: addMinutes(now, TEATALK_LIST_DAYS * 24 * 60),
  };
  const { items: shown, index: current, pages, offset } = await upcomingEventsPage(ctx.deps.db, sessions, page, PAGE_SIZE);

  const title = ctx.t("teatalk-list-title", {
    days: TEATALK_LIST_DAYS,
    district: filter.district === "all" ? ctx.t("teatalk-filter-all") : ctx.t(`district-${filter.district}`),
    level: filter.level === "all" ? ctx.t("teatalk-filter-all") : ctx.t(`teatalk-level-${filter.level}`),
  });
  const parts = [title];
  if (shown.length === 0) parts.push(ctx.t("teatalk-list-empty"));
  else {
    parts.push(...shown.map((s, i) => listLine(ctx.t, language, s, offset + i + 1)));
    parts.push(ctx.t("teatalk-list-hint"));
    if (pages > 1) parts.push(ctx.t("teatalk-list-page", { page: current + 1, pages }));
  }

  const kb = new InlineKeyboard();
  const here: ListPlace = { filter, page: current };
  shown.forEach((s, i) => {
    kb.text(String(offset + i + 1), sessionButton.pack({ session: s.id, place: here }));
    if (i % NUMBERS_PER_ROW === NUMBERS_PER_ROW - 1) kb.row();
  });
  startRow(kb);
  if (current > 0) kb.text(ctx.t("teatalk-button-prev"), listData(filter, current - 1));
  if (current < pages - 1) kb.text(ctx.t("teatalk-button-next"), listData(filter, current + 1));
  startRow(kb)
    .text(
      ctx.t("teatalk-button-district", { district: filter.district === "all" ? ctx.t("teatalk-filter-all") : ctx.t(`district-${filter.district}`) }),
      districtChoice.pack(filter),
    )
    .text(
      ctx.t("teatalk-button-level", { level: filter.level === "all" ? ctx.t("teatalk-filter-all") : ctx.t(`teatalk-level-${filter.level}`) }),
      levelChoice.pack(filter),
    )
    .row()
    .text(ctx.t("teatalk-button-my"), teatalkMine.pack())
    .row()
    .text(ctx.t("button-back"), menuEntryData("teatalk"))
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}

/** Back to the list as it was, or to the main menu: the last row of a filter's choices. */
function choiceExits(ctx: BaseContext, kb: InlineKeyboard, filter: ClubsFilter): InlineKeyboard {
  return startRow(kb).text(ctx.t("button-back"), listData(filter)).text(ctx.t("button-menu"), menuOpenButton.pack());
}

/** The district filter's choices; the level chosen so far is kept. */
export async function showDistrictChoice(ctx: BaseContext, filter: ClubsFilter): Promise<void> {
  const kb = districtKeyboard(ctx.t, (district) => clubsList.pack({ level: filter.level, district }));
  startRow(kb).text(ctx.t("teatalk-all-districts"), listData({ level: filter.level, district: "all" }));
  await showScreen(ctx, ctx.t("teatalk-choose-district"), choiceExits(ctx, kb, filter));
}

/** The level filter's choices; the district chosen so far is kept. */
export async function showLevelChoice(ctx: BaseContext, filter: ClubsFilter): Promise<void> {
  const kb = new InlineKeyboard();
  for (const level of TEATALK_LEVELS) kb.text(ctx.t(`teatalk-level-${level}`), listData({ level, district: filter.district })).row();
  kb.text(ctx.t("teatalk-all-levels"), listData({ level: "all", district: filter.district }));
  await showScreen(ctx, ctx.t("teatalk-choose-level"), choiceExits(ctx, kb, filter));
}

/**
 * One session's card with what the person can do: sign up or join the waitlist, or, if they
 * already have a sign-up, see where they stand and cancel it (or answer the offer). Back leads
 * to the list at `place`.
 */
export async function showSession(ctx: BaseContext, session: EventView, place: ListPlace = LIST_START): Promise<void> {
  const language = ctx.language;
  const now = ctx.deps.clock.now();
  const own = ctx.from ? await findLiveSignup(ctx.deps.db, session.id, ctx.from.id) : undefined;
  const parts = [sessionCard(ctx.t, language, session)];
  const kb = new InlineKeyboard();
  if (own) {
    parts.push(seatStatusText("teatalk", ctx.t, language, own, now));
    signupButtons(ctx.t, "teatalk", sessionSignupButtons, own, kb);
  } else if (signupOpen(new Date(session.starts_at), now)) {
    const full = joinStatus(session) === "waitlisted";
    kb.text(ctx.t(full ? "teatalk-button-join-waitlist" : "teatalk-button-join"), joinSession.pack({ session: session.id, place }));
  } else parts.push(ctx.t("teatalk-card-closed"));
  await addEventShareButton(ctx, kb, session);
  startRow(kb).text(ctx.t("teatalk-button-to-list"), listPlaceData(place)).row().text(ctx.t("button-menu"), menuOpenButton.pack());
  await showScreen(ctx, parts.join("\n\n"), kb);
}
