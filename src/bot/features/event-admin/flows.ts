import { InlineKeyboard } from "grammy";
import { listCenters } from "../../../db/catalog.js";
import { addEvent, centerOf, editEvent, reminderMinutesOf, type EventChange, type EventDraft, type EventPlace } from "../../../db/event-admin.js";
import { findEvent } from "../../../db/events.js";
import { DISTRICTS } from "../../../domain/districts.js";
import { EVENT_MAX_SEATS, readCapacity, readEnd, readStart, TEATALK_MAX_SEATS } from "../../../domain/event-times.js";
import { EVENT_CATEGORIES, type EventCategory } from "../../../domain/events.js";
import { TEATALK_LEVELS, type TeaTalkLevel } from "../../../domain/teatalk.js";
import { localTimeOf } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext, Flow } from "../../context.js";
import { askChoice, askText, startRow } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { dayOf, escapeHtml, timeRange } from "../../shared/format.js";
import { districtKeyboard } from "../../shared/keyboards.js";
import { adminScopeOf, mayManageCenter } from "../admin/access.js";
import { eventAccessOf } from "./access.js";
import { eventAdmin, eventsAdmin, type EventField } from "./buttons.js";

export const EVENT_ADMIN_NEW = "event-admin-new";
export const EVENT_ADMIN_EDIT = "event-admin-edit";

const TITLE_MAX = 120;
const DESCRIPTION_MAX = 1000;
const HOST_NAME_MAX = 80;
const VENUE_MAX = 120;
/** The choice, among the centers, of a place elsewhere in the city. */
const VENUE = "venue";

const centerStep = defineStep("evn-center");
const districtStep = defineStep("evn-district");
const categoryStep = defineStep("evn-category");
const levelStep = defineStep("evn-level");
const skipStep = defineStep("evn-skip");
const confirmStep = defineStep("evn-confirm");

/** A text between 2 and `max` characters, trimmed; null otherwise. */
function plainText(text: string, max: number): string | null {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return trimmed.length >= 2 && trimmed.length <= max ? trimmed : null;
}

/** The clock through the flow's record, so that a replay sees the time of the first run. */
async function nowOf(conversation: AppConversation, deps: AppDeps): Promise<Date> {
  return new Date(await conversation.external(() => deps.clock.now().toISOString()));
}

/** One line of text, from 2 to `max` characters: a title or a place's name. */
async function askLine(conversation: AppConversation, ctx: BaseContext, question: string, max = TITLE_MAX) {
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t(question, { max }) }),
    parse: (text) => plainText(text, max),
    invalid: (c) => c.t("admin-text-invalid", { max }),
    maxLength: max,
  });
}

/** A description in one language, or none (""). */
async function askDescription(conversation: AppConversation, ctx: BaseContext, question: string) {
  return askText(conversation, ctx, {
    prompt: (c) => ({ text: c.t(question, { max: DESCRIPTION_MAX }), markup: new InlineKeyboard().text(c.t("button-skip"), skipStep.data("skip")) }),
    parse: (text) => text.trim() || null,
    invalid: (c) => c.t("need-text"),
    buttons: skipStep,
    onButton: (choice) => (choice === "skip" ? "" : null),
    maxLength: DESCRIPTION_MAX,
  });
}

/** The start and end, typed and read back until both make sense. */
async function askPeriod(conversation: AppConversation, ctx: BaseContext, now: Date): Promise<{ start: Date; end: Date; ctx: BaseContext }> {
  let start: Date;
  for (;;) {
    const typed = await askText(conversation, ctx, {
      prompt: (c) => ({ text: c.t("evadm-ask-start") }),
      parse: (text) => readStart(text, now),
      invalid: (c) => c.t("evadm-start-unreadable"),
    });
    ctx = typed.ctx;
    if (typed.value.kind === "ok") {
      start = typed.value.at;
      break;
    }
    await ctx.reply(ctx.t(`evadm-start-${typed.value.kind}`));
  }
  for (;;) {
    const typed = await askText(conversation, ctx, {
      prompt: (c) => ({ text: c.t("evadm-ask-end", { day: dayOf(start.toISOString(), c.language), time: localTimeOf(start) }) }),
      parse: (text) => readEnd(text, start, now),
      invalid: (c) => c.t("evadm-end-unreadable"),
    });
    ctx = typed.ctx;
    if (typed.value.kind === "ok") return { start, end: typed.value.at, ctx };
    await ctx.reply(ctx.t(`evadm-end-${typed.value.kind}`));
  }
}

/** Seats: a number, or no limit (never for tea talk, whose host marks everyone in one message). */
async function askCapacity(conversation: AppConversation, ctx: BaseContext, category: EventCategory) {
  const teatalk = category === "teatalk";
  const max = teatalk ? TEATALK_MAX_SEATS : EVENT_MAX_SEATS;
  return askText<{ seats: number | null }>(conversation, ctx, {
    prompt: (c) => ({
      text: c.t("evadm-ask-capacity", { max }),
      markup: teatalk ? undefined : new InlineKeyboard().text(c.t("evadm-button-no-limit"), skipStep.data("skip")),
    }),
    parse: (text) => {
      const seats = readCapacity(text, max);
      return seats === null ? null : { seats };
    },
    invalid: (c) => c.t("evadm-capacity-invalid", { max }),
    buttons: skipStep,
    onButton: (choice) => (choice === "skip" && !teatalk ? { seats: null } : null),
  });
}

/** The organiser's name as visitors see it; a tea-talk session always has a host. */
async function askHost(conversation: AppConversation, ctx: BaseContext, category: EventCategory) {
  const required = category === "teatalk";
  return askText(conversation, ctx, {
    prompt: (c) => ({
      text: c.t(required ? "evadm-ask-host-teatalk" : "evadm-ask-host", { max: HOST_NAME_MAX }),
      markup: required ? undefined : new InlineKeyboard().text(c.t("button-skip"), skipStep.data("skip")),
    }),
    parse: (text) => plainText(text, HOST_NAME_MAX),
    invalid: (c) => c.t("admin-text-invalid", { max: HOST_NAME_MAX }),
    buttons: skipStep,
    onButton: (choice) => (choice === "skip" && !required ? "" : null),
    maxLength: HOST_NAME_MAX,
  });
}

/** Save or leave: the last step of every change, after what it will be was shown back. */
async function askConfirm(conversation: AppConversation, ctx: BaseContext, text: (c: BaseContext) => string, save: string) {
  return askChoice(conversation, ctx, confirmStep, ["save", "cancel"] as const, (c) => ({
    text: text(c),
    markup: new InlineKeyboard().text(c.t(save), confirmStep.data("save")).text(c.t("button-cancel"), confirmStep.data("cancel")),
  }));
}

/** The way on after a flow: to the event, or to the list. */
function afterwards(ctx: BaseContext, eventId: number | null, admin: boolean): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (eventId !== null) kb.text(ctx.t("evadm-button-open"), eventAdmin.pack({ event: eventId }));
  if (admin) startRow(kb).text(ctx.t("evadm-button-list"), eventsAdmin.pack({ page: 0 }));
  return kb;
}

/** A place chosen in a flow, with its name in both languages to show it back. */
interface ChosenPlace {
  place: EventPlace;
  name: { kk: string; ru: string };
  ctx: BaseContext;
}

/**
 * Where: one of the administrator's centers (`centerIds`; null for the whole city). A city
 * administrator may instead name a place elsewhere in the city (a park, a hall) in both
 * languages, and its district.
 */
async function askPlace(conversation: AppConversation, ctx: BaseContext, deps: AppDeps, centerIds: readonly string[] | null): Promise<ChosenPlace> {
  const centers = await conversation.external(async () =>
    (await listCenters(deps.db)).filter((c) => centerIds === null || centerIds.includes(c.id)).map((c) => ({ id: c.id, kk: c.name_kk, ru: c.name_ru })),
  );
  const city = centerIds === null;
  const chosen = await askChoice(
    conversation,
    ctx,
    centerStep,
    [...centers.map((c) => c.id), ...(city ? [VENUE] : [])],
    (c) => {
      const kb = new InlineKeyboard();
      for (const center of centers) startRow(kb).text(c.language === "kk" ? center.kk : center.ru, centerStep.data(center.id));
      if (city) startRow(kb).text(c.t("evadm-button-venue"), centerStep.data(VENUE));
      return { text: c.t(city ? "evadm-ask-place-city" : "evadm-ask-center"), markup: kb };
    },
  );
  const center = centers.find((c) => c.id === chosen.choice);
  if (center) return { place: { kind: "center", centerId: center.id }, name: center, ctx: chosen.ctx };
  const kk = await askLine(conversation, chosen.ctx, "evadm-ask-venue-kk", VENUE_MAX);
  const ru = await askLine(conversation, kk.ctx, "evadm-ask-venue-ru", VENUE_MAX);
  const district = await askChoice(conversation, ru.ctx, districtStep, DISTRICTS, (c) => ({
    text: c.t("evadm-ask-district"),
    markup: districtKeyboard(c.t, (d) => districtStep.data(d)),
  }));
  return {
    place: { kind: "venue", venueKk: kk.value, venueRu: ru.value, district: district.choice },
    name: { kk: kk.value, ru: ru.value },
    ctx: district.ctx,
  };
}

/**
 * A new event or tea-talk session in one of the administrator's centers: where, what kind (and
 * level), titles and descriptions in both languages, when, seats and organiser; all shown back
 * before it is created. /cancel leaves at any step.
 */
export function newEventConversation(deps: AppDeps) {
  return async function eventAdminNew(conversation: AppConversation, ctx: BaseContext): Promise<void> {
    const scope = await conversation.external(() => adminScopeOf(ctx));
    if (!scope) return void (await ctx.reply(ctx.t("staff-not-allowed")));
    const now = await nowOf(conversation, deps);

    const where = await askPlace(conversation, ctx, deps, scope.kind === "city" ? null : scope.centerIds);
    ctx = where.ctx;
    const category = await askChoice(conversation, ctx, categoryStep, EVENT_CATEGORIES, (c) => {
      const kb = new InlineKeyboard();
      EVENT_CATEGORIES.forEach((each, i) => {
        if (i % 2 === 0) startRow(kb);
        kb.text(c.t(`event-category-${each}`), categoryStep.data(each));
      });
      return { text: c.t("evadm-ask-category"), markup: kb };
    });
    ctx = category.ctx;
    let level: TeaTalkLevel | null = null;
    if (category.choice === "teatalk") {
      const chosen = await askChoice(conversation, ctx, levelStep, TEATALK_LEVELS, (c) => {
        const kb = new InlineKeyboard();
        for (const each of TEATALK_LEVELS) startRow(kb).text(c.t(`teatalk-level-${each}`), levelStep.data(each));
        return { text: c.t("evadm-ask-level"), markup: kb };
      });
      ctx = chosen.ctx;
      level = chosen.choice;
    }
    const titleKk = await askLine(conversation, ctx, "evadm-ask-title-kk");
    const titleRu = await askLine(conversation, titleKk.ctx, "evadm-ask-title-ru");
    const descriptionKk = await askDescription(conversation, titleRu.ctx, "evadm-ask-description-kk");
    const descriptionRu = await askDescription(conversation, descriptionKk.ctx, "evadm-ask-description-ru");
    const period = await askPeriod(conversation, descriptionRu.ctx, now);
    const capacity = await askCapacity(conversation, period.ctx, category.choice);
    const host = await askHost(conversation, capacity.ctx, category.choice);
    ctx = host.ctx;

    const draft: EventDraft = {
      category: category.choice,
      level,
      place: where.place,
      titleKk: titleKk.value,
      titleRu: titleRu.value,
      descriptionKk: descriptionKk.value || null,
      descriptionRu: descriptionRu.value || null,
      startsAt: period.start,
      endsAt: period.end,
      capacity: capacity.value.seats,
      hostName: host.value || null,
    };
    const confirmed = await askConfirm(
      conversation,
      ctx,
      (c) =>
        c.t("evadm-confirm-new", {
          titleKk: escapeHtml(draft.titleKk),
          titleRu: escapeHtml(draft.titleRu),
          category: c.t(`event-category-${draft.category}`),
          place: escapeHtml(where.name[c.language]),
          day: dayOf(draft.startsAt.toISOString(), c.language),
          time: timeRange({ starts_at: draft.startsAt.toISOString(), ends_at: draft.endsAt.toISOString() }),
          seats: draft.capacity === null ? c.t("evadm-no-limit") : draft.capacity,
          host: draft.hostName === null ? c.t("evadm-host-none") : escapeHtml(draft.hostName),
        }),
      "evadm-button-create",
    );
    ctx = confirmed.ctx;
    if (confirmed.choice === "cancel") return void (await ctx.reply(ctx.t("cancelled"), { reply_markup: afterwards(ctx, null, true) }));

    const actorId = ctx.from!.id;
    const created = await conversation.external(async () => {
      // The role is read again: it may have been revoked while the flow went on.
      const current = await adminScopeOf(ctx);
      if (!current || !mayManageCenter(current, centerOf(draft.place))) return null;
      const id = await addEvent(deps.db, draft, { telegramId: actorId }, deps.clock.now());
      ctx.log.info({ event_id: id }, "event created");
      return id;
    });
    if (created === null) return void (await ctx.reply(ctx.t("staff-not-allowed")));
    await ctx.reply(ctx.t("evadm-created"), { reply_markup: afterwards(ctx, created, true) });
  };
}

/**
 * One change to an event, as chosen on its screen: its titles, descriptions, time (shown back
 * before it is saved), seats, center or organiser. Who may make it is checked again when it is saved.
 */
export function editEventConversation(deps: AppDeps) {
  return async function eventAdminEdit(conversation: AppConversation, ctx: BaseContext, eventId: number, field: EventField): Promise<void> {
    const event = await conversation.external(() => findEvent(deps.db, eventId));
    if (!event) return void (await ctx.reply(ctx.t("evadm-gone")));
    const now = await nowOf(conversation, deps);
    const access = await conversation.external(() => eventAccessOf(ctx, event));
    const admin = access?.kind === "admin";

    let change: EventChange;
    if (field === "title") {
      const kk = await askLine(conversation, ctx, "evadm-ask-title-kk");
      const ru = await askLine(conversation, kk.ctx, "evadm-ask-title-ru");
      ctx = ru.ctx;
      change = { title_kk: kk.value, title_ru: ru.value };
    } else if (field === "description") {
      const kk = await askDescription(conversation, ctx, "evadm-ask-description-kk");
      const ru = await askDescription(conversation, kk.ctx, "evadm-ask-description-ru");
      ctx = ru.ctx;
      change = { description_kk: kk.value || null, description_ru: ru.value || null };
    } else if (field === "time") {
      const period = await askPeriod(conversation, ctx, now);
      ctx = period.ctx;
      const confirmed = await askConfirm(
        conversation,
        ctx,
        (c) =>
          c.t("evadm-confirm-time", {
            day: dayOf(period.start.toISOString(), c.language),
            time: timeRange({ starts_at: period.start.toISOString(), ends_at: period.end.toISOString() }),
            count: event.taken + event.waiting,
          }),
        "evadm-button-save",
      );
      ctx = confirmed.ctx;
      if (confirmed.choice === "cancel") return void (await ctx.reply(ctx.t("cancelled"), { reply_markup: afterwards(ctx, eventId, admin) }));
      change = { starts_at: period.start.toISOString(), ends_at: period.end.toISOString() };
    } else if (field === "capacity") {
      const seats = await askCapacity(conversation, ctx, event.category);
      ctx = seats.ctx;
      change = { capacity: seats.value.seats };
    } else if (field === "place") {
      const where = await askPlace(conversation, ctx, deps, access?.kind === "admin" && access.scope.kind === "centers" ? access.scope.centerIds : null);
      ctx = where.ctx;
      change = { place: where.place };
    } else {
      const host = await askHost(conversation, ctx, event.category);
      ctx = host.ctx;
      change = { host_name: host.value || null };
    }

    const actorId = ctx.from!.id;
    const result = await conversation.external(async () => {
      const current = await findEvent(deps.db, eventId);
      const allowed = current && (await eventAccessOf(ctx, current));
      // A center administrator moves events only between their own centers; a host not at all.
      const placeAllowed = change.place === undefined || (allowed?.kind === "admin" && mayManageCenter(allowed.scope, centerOf(change.place)));
      if (!allowed || !placeAllowed) return { kind: "not-allowed" } as const;
      const edited = await editEvent(
        deps.db,
        {
          eventId,
          change,
          actor: { telegramId: actorId },
          reminderMinutes: reminderMinutesOf(deps.config),
        },
        deps.clock.now(),
      );
      ctx.log.info({ event_id: eventId, field, outcome: edited.kind }, "event edited");
      return edited;
    });
    const reply =
      result.kind === "edited"
        ? result.told > 0
          ? ctx.t("evadm-saved-told", { count: result.told })
          : ctx.t("admin-saved")
        : result.kind === "capacity-below"
          ? ctx.t("evadm-capacity-below", { taken: result.taken })
          : result.kind === "not-allowed"
            ? ctx.t("staff-not-allowed")
            : ctx.t("evadm-gone");
    await ctx.reply(reply, { reply_markup: afterwards(ctx, eventId, admin) });
  };
}

export const eventAdminFlows: Flow[] = [
  { id: EVENT_ADMIN_NEW, build: newEventConversation },
  { id: EVENT_ADMIN_EDIT, build: editEventConversation },
];
