import { InlineKeyboard } from "grammy";
import { cancelEvent, listManagedEvents } from "../../../db/event-admin.js";
import { findEvent, type EventView } from "../../../db/events.js";
import { hostEvents } from "../../../db/organisers.js";
import type { AppContext, BaseContext } from "../../context.js";
import { dayOf, escapeHtml, timeRange } from "../../shared/format.js";
import { startRow } from "../../shared/ask.js";
import { pageArrows } from "../../shared/paged.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { teatalkHostDay } from "../teatalk/buttons.js";
import { detailsOf } from "./format.js";
import { eventAccessOf, type EventAccess } from "./access.js";
import { cancelEventButton, cancelEventYes, editEventButton, eventAdmin, eventsAdmin, EVENT_FIELDS, hostedEvents, newEventButton } from "./buttons.js";
import { EVENT_ADMIN_EDIT, EVENT_ADMIN_NEW } from "./flows.js";
import { Handlers } from "../../shared/handlers.js";

export { eventAdminFlows } from "./flows.js";
export { eventAdminNoticeRenderers } from "./notices.js";

/** Events listed at a time for an administrator. */
const EVENTS_PER_PAGE = 8;

/**
 * Events and tea-talk sessions for administrators (/admin) and their organisers (/host): the
 * list of what is ahead, each event's screen with its changes, and calling one off. Every button
 * checks, on each press, that the presser may manage that very event.
 */
export const eventAdminFeature = new Handlers<AppContext>().chatType("private");

async function showEventsAdmin(ctx: BaseContext, scope: AdminScope, page: number, notice?: string): Promise<void> {
  const centers = scope.kind === "city" ? null : scope.centerIds;
  const list = await listManagedEvents(ctx.deps.db, centers, ctx.deps.clock.now(), page, EVENTS_PER_PAGE);
  const kb = new InlineKeyboard();
  for (const e of list.items) {
    const title = ctx.language === "kk" ? e.title_kk : e.title_ru;
    kb.text(`${dayOf(e.starts_at, ctx.language)} ${timeRange(e)} · ${title}`, eventAdmin.pack({ event: e.id })).row();
  }
  pageArrows(ctx, kb, list, (p) => eventsAdmin.pack({ page: p }))
    .text(ctx.t("evadm-button-new"), newEventButton.pack())
    .row()
    .text(ctx.t("button-back"), adminHome.pack());
  const text = list.items.length > 0 ? ctx.t("evadm-list") : ctx.t("evadm-list-none");
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** The event of a button, with what the presser may do to it; refused when nothing, said when it is off. */
async function eventOfButton(ctx: AppContext, eventId: number): Promise<{ event: EventView; access: EventAccess } | undefined> {
  const event = await findEvent(ctx.deps.db, eventId);
  const access = event && (await eventAccessOf(ctx, event));
  if (!event || !access) {
    ctx.log.info({ event_id: eventId }, "event administration refused");
    await refuseAdmin(ctx);
    return undefined;
  }
  await ctx.answerCallbackQuery();
  if (event.status !== "scheduled" || new Date(event.ends_at) <= ctx.deps.clock.now()) {
    await showScreen(ctx, ctx.t("evadm-gone"), new InlineKeyboard().text(ctx.t("button-back"), backOf(access)));
    return undefined;
  }
  return { event, access };
}

/** Where an event's screen leads back to: the administrator's list, or the host's day. */
function backOf(access: EventAccess): string {
  return access.kind === "admin" ? eventsAdmin.pack({ page: 0 }) : teatalkHostDay.pack();
}

/** An event as its manager sees it: both titles, organiser and seats, and what can be changed. */
export async function showEventAdmin(ctx: BaseContext, event: EventView, access: EventAccess): Promise<void> {
  const seats =
    event.capacity === null
      ? ctx.t("evadm-seats-open", { taken: event.taken })
      : ctx.t("evadm-seats-limited", { taken: event.taken, capacity: event.capacity, waiting: event.waiting });
  const text = ctx.t("evadm-event", {
    details: detailsOf(ctx.t, ctx.language, event),
    titleKk: escapeHtml(event.title_kk),
    titleRu: escapeHtml(event.title_ru),
    host: event.host_display_name ? escapeHtml(event.host_display_name) : ctx.t("evadm-host-none"),
    seats,
  });
  const kb = new InlineKeyboard();
  // Moving an event to another center is for the administrators of the centers.
  const fields = EVENT_FIELDS.filter((f) => f !== "place" || access.kind === "admin");
  fields.forEach((field, i) => {
    if (i % 2 === 0) startRow(kb);
    kb.text(ctx.t(`evadm-button-${field}`), editEventButton.pack({ event: event.id, field }));
  });
  startRow(kb).text(ctx.t("evadm-button-cancel-event"), cancelEventButton.pack({ event: event.id })).row().text(ctx.t("button-back"), backOf(access));
  await showScreen(ctx, text, kb);
}

eventAdminFeature.callbackQuery(
  eventsAdmin.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showEventsAdmin(ctx, scope, eventsAdmin.unpack(ctx.match).page);
  }),
);

/** How far ahead an organiser's own events are listed. */
const HOSTED_DAYS_AHEAD = 366;

/** The sender's own events ahead (none for anyone else): only what they host is ever listed. */
eventAdminFeature.callbackQuery(hostedEvents.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const now = ctx.deps.clock.now();
  const events = await hostEvents(ctx.deps.db, ctx.from.id, now, new Date(now.getTime() + HOSTED_DAYS_AHEAD * 86_400_000));
  const kb = new InlineKeyboard();
  for (const e of events.slice(0, EVENTS_PER_PAGE * 2)) {
    kb.text(`${dayOf(e.starts_at, ctx.language)} ${timeRange(e)} · ${ctx.language === "kk" ? e.title_kk : e.title_ru}`, eventAdmin.pack({ event: e.id })).row();
  }
  kb.text(ctx.t("button-back"), teatalkHostDay.pack());
  await showScreen(ctx, ctx.t(events.length > 0 ? "evadm-mine" : "evadm-mine-none"), kb);
});

eventAdminFeature.callbackQuery(
  newEventButton.filter(),
  forAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(EVENT_ADMIN_NEW);
  }),
);

eventAdminFeature.callbackQuery(eventAdmin.filter(), async (ctx) => {
  const found = await eventOfButton(ctx, eventAdmin.unpack(ctx.match).event);
  if (found) await showEventAdmin(ctx, found.event, found.access);
});

eventAdminFeature.callbackQuery(editEventButton.filter(), async (ctx) => {
  const { event: eventId, field } = editEventButton.unpack(ctx.match);
  const found = await eventOfButton(ctx, eventId);
  if (!found) return;
  if (field === "place" && found.access.kind !== "admin") return refuseAdmin(ctx);
  await ctx.conversation.enter(EVENT_ADMIN_EDIT, eventId, field);
});

eventAdminFeature.callbackQuery(cancelEventButton.filter(), async (ctx) => {
  const found = await eventOfButton(ctx, cancelEventButton.unpack(ctx.match).event);
  if (!found) return;
  const { event } = found;
  await showScreen(
    ctx,
    ctx.t("evadm-cancel-confirm", { details: detailsOf(ctx.t, ctx.language, event), count: event.taken + event.waiting }),
    new InlineKeyboard()
      .text(ctx.t("evadm-button-cancel-yes"), cancelEventYes.pack({ event: event.id }))
      .row()
      .text(ctx.t("button-back"), eventAdmin.pack({ event: event.id })),
  );
});

eventAdminFeature.callbackQuery(cancelEventYes.filter(), async (ctx) => {
  const found = await eventOfButton(ctx, cancelEventYes.unpack(ctx.match).event);
  if (!found) return;
  const { event, access } = found;
  const result = await cancelEvent(ctx.deps.db, { eventId: event.id, actor: { telegramId: ctx.from.id } }, ctx.deps.clock.now());
  ctx.log.info({ event_id: event.id, outcome: result.kind }, "event cancelled by its organiser or an administrator");
  const told = result.kind === "cancelled" ? result.told : 0;
  const notice = ctx.t("evadm-cancelled", { title: escapeHtml(ctx.language === "kk" ? event.title_kk : event.title_ru), count: told });
  if (access.kind === "admin") return showEventsAdmin(ctx, access.scope, 0, notice);
  await showScreen(ctx, notice, new InlineKeyboard().text(ctx.t("button-back"), backOf(access)));
});
