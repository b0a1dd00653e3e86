import { InlineKeyboard } from "grammy";
import { bookSlot, countRecentNoShows, countUpcoming, findOwnBooking, type BookResult } from "../../../db/bookings.js";
import { findCenter } from "../../../db/catalog.js";
import { findUser } from "../../../db/users.js";
import {
  bookingModes,
  keepMode,
  serviceLimitReached,
  tooManyNoShows,
  type LimitBreach,
  type LimitRules,
} from "../../../domain/booking-rules.js";
import { DISTRICTS, type DistrictCode } from "../../../domain/districts.js";
import type { Language } from "../../../domain/language.js";
import {
  BOOKING_MODES,
  BOOKING_WINDOW_DAYS,
  SERVICE_CODES,
  SERVICES,
  TOPIC_MAX_LENGTH,
  type BookingMode,
  type ServiceCode,
} from "../../../domain/services.js";
import type { LocalDate } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { clashText } from "../../shared/appointments.js";
import { askStep, askText, isNav, startRow, withNav, type Nav } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { escapeHtml } from "../../shared/format.js";
import { districtKeyboard } from "../../shared/keyboards.js";
import { showCrisisHelp } from "../help/index.js";
import { showMainMenu } from "../menu/menu.js";
import { describeBooking, factsOfBooking, factsOfOffer, onlineNote, sendCalendarFile, withOnlineNote } from "./details.js";
import { runSteps, type StepOutcome } from "../../shared/flow.js";
import { centersGiving, type CenterView, type OfferView, type Scope } from "../../shared/offers.js";
import { askAlternative, askDay, askTime } from "../../shared/booking-steps.js";

export const CONSULT = "consult";

/** What a booking may start from: a center already chosen. */
export interface ConsultStart {
  centerId?: string;
}

/** Where the days are looked for: a district (null: any center of the city), and in it one center (null: either). */
interface Place {
  district: DistrictCode | null;
  centerId: string | null;
}

/** Each step with the answers given before it: a step is reached only with what it needs. */
type Stage =
  | { step: "service" }
  | { step: "safety"; service: ServiceCode }
  | { step: "district"; service: ServiceCode }
  | { step: "day"; service: ServiceCode; place: Place }
  | { step: "time"; service: ServiceCode; place: Place; date: LocalDate }
  | { step: "mode"; service: ServiceCode; place: Place; offer: OfferView }
  | { step: "topic"; service: ServiceCode; place: Place; offer: OfferView; mode: BookingMode }
  | { step: "confirm"; service: ServiceCode; place: Place; offer: OfferView; mode: BookingMode; topic: string | null };
type Outcome = StepOutcome<Stage>;

type TopicAnswer = { topic: string | null } | { nav: Nav };

/**
 * Booking a consultation: service → (for a psychologist, the help lines first) → district →
 * day → time → in person or online (where both are possible) → optional topic → summary →
 * confirm. The district of the profile answers the district step the first time, so the days
 * come right after the service; the day step can narrow the search to one center of the
 * district or go back to choose another district. Back and Cancel at every step; the database
 * has the last word on the slot.
 */
export function consultConversation(deps: AppDeps) {
  return async function consult(conversation: AppConversation, ctx: BaseContext, start: ConsultStart = {}): Promise<void> {
    const userId = ctx.from!.id;
    const lang = ctx.language;
    const limits = deps.config.booking;
    const scope = (service: ServiceCode, place: Place): Scope => ({ service, ...place });
    // Read once: a replay must take the same path even if the profile changes meanwhile.
    const profileDistrict = await conversation.external(async () => (await findUser(deps.db, userId))?.district ?? null);
    // A center chosen up front (its card's "book here") answers the district step instead of the profile.
    const startCenterId = start.centerId;
    let presetCenter = startCenterId ? ((await conversation.external(() => findCenter(deps.db, startCenterId))) ?? null) : null;
    let presetDistrict = presetCenter ? null : profileDistrict;
    let districtFromProfile = false;
    // The district step, asked: a district taken from the profile is reopened rather than rewound to.
    const toDistrict = (service: ServiceCode): Outcome => {
      const district = { step: "district", service } as const;
      return districtFromProfile ? { reopen: district } : { backTo: district };
    };

    const noShows = await conversation.external(() => countRecentNoShows(deps.db, userId, deps.clock.now(), limits));
    if (tooManyNoShows(noShows, limits)) {
      await ctx.reply(limitText(ctx, "no-shows", limits));
      return showMainMenu(ctx);
    }

    async function service(): Promise<Outcome> {
      const answer = await askStep(conversation, ctx, serviceStep, SERVICE_CODES, (c) => {
        const kb = new InlineKeyboard();
        for (const code of SERVICE_CODES) kb.text(c.t(`service-${code}`), serviceStep.data(code)).row();
        return { text: c.t("consult-ask-service"), markup: kb };
      });
      ctx = answer.ctx;
      if (isNav(answer.choice)) return answer.choice;
      const service = answer.choice;
      const upcoming = await conversation.external(() => countUpcoming(deps.db, userId, service, deps.clock.now()));
      if (serviceLimitReached(upcoming, limits)) {
        await ctx.reply(limitText(ctx, "per-service", limits, service));
        return { again: { step: "service" } };
      }
      return { next: service === "psychologist" ? { step: "safety", service } : { step: "district", service } };
    }

    async function safety({ service }: { service: ServiceCode }): Promise<Outcome> {
      await showCrisisHelp(ctx);
      const answer = await askStep(conversation, ctx, safetyStep, ["go"] as const, (c) => ({
        text: c.t("consult-safety-prompt"),
        markup: new InlineKeyboard().text(c.t("consult-button-continue"), safetyStep.data("go")),
      }));
      ctx = answer.ctx;
      return isNav(answer.choice) ? answer.choice : { next: { step: "district", service } };
    }

    async function district({ service }: { service: ServiceCode }): Promise<Outcome> {
      if (presetCenter) {
        const center = presetCenter;
        // Only the first time, as for the profile's district.
        presetCenter = null;
        const giving = await conversation.external(() => centersGiving(deps.db, service, center.district));
        if (giving.some((c) => c.id === center.id)) {
          districtFromProfile = true;
          return { next: { step: "day", service, place: { district: center.district, centerId: center.id } } };
        }
        const name = lang === "kk" ? center.name_kk : center.name_ru;
        await ctx.reply(ctx.t("consult-center-no-service", { center: escapeHtml(name), service: ctx.t(`service-${service}`) }));
      }
      if (presetDistrict) {
        const place = { district: presetDistrict, centerId: null };
        // Only the first time: coming back here means the person wants to choose.
        presetDistrict = null;
        districtFromProfile = true;
        return { next: { step: "day", service, place } };
      }
      const answer = await askStep(conversation, ctx, districtStep, [...DISTRICTS, "any"] as const, (c) => ({
        text: c.t("consult-ask-district", { service: c.t(`service-${service}`) }),
        markup: startRow(districtKeyboard(c.t, districtStep.data, profileDistrict)).text(c.t("consult-any-center"), districtStep.data("any")),
      }));
      ctx = answer.ctx;
      if (isNav(answer.choice)) return answer.choice;
      districtFromProfile = false;
      return { next: { step: "day", service, place: { district: answer.choice === "any" ? null : answer.choice, centerId: null } } };
    }

    async function day({ service, place }: { service: ServiceCode; place: Place }): Promise<Outcome> {
      const district = place.district;
      const centers = district ? await conversation.external(() => centersGiving(deps.db, service, district)) : [];
      // With two centers in the district the person may keep both or narrow to one.
      const centerKeys = centers.length > 1 ? [ANY_CENTER, ...centers.map((c) => `${CENTER}${c.id}`)] : [];
      const chosen = centers.find((c) => c.id === place.centerId);
      const answer = await askDay(conversation, ctx, deps, {
        buttons: dayStep,
        scope: scope(service, place),
        lang,
        text: (c) => c.t("consult-ask-day", { place: placeText(c, lang, district, chosen ?? (centers.length === 1 ? centers[0] : undefined)) }),
        extra: {
          keys: [...centerKeys, OTHER_DISTRICT],
          add: (kb, c) => {
            for (const key of centerKeys) {
              const center = centers.find((x) => `${CENTER}${x.id}` === key);
              const label = center ? center.name[lang] : c.t("consult-button-both-centers");
              const current = key === (chosen ? `${CENTER}${chosen.id}` : ANY_CENTER);
              kb.text(current ? `✓ ${label}` : label, dayStep.data(key)).row();
            }
            kb.text(c.t("consult-button-other-district"), dayStep.data(OTHER_DISTRICT));
          },
        },
      });
      ctx = answer.ctx;
      if (answer.choice === "none") {
        if (chosen) {
          // The other center may still have time: widen to both rather than leave the district.
          await ctx.reply(ctx.t("consult-no-slots-center", { center: escapeHtml(chosen.name[lang]), days: BOOKING_WINDOW_DAYS }));
          return { again: { step: "day", service, place: { district, centerId: null } } };
        }
        await ctx.reply(noSlotsText(ctx, district));
        return toDistrict(service);
      }
      if (answer.choice === "back" || answer.choice === OTHER_DISTRICT) return toDistrict(service);
      if (isNav(answer.choice)) return answer.choice;
      if (answer.choice === ANY_CENTER || answer.choice.startsWith(CENTER)) {
        const centerId = answer.choice === ANY_CENTER ? null : answer.choice.slice(CENTER.length);
        return { again: { step: "day", service, place: { district, centerId } } };
      }
      return { next: { step: "time", service, place, date: answer.choice } };
    }

    async function time({ service, place, date }: { service: ServiceCode; place: Place; date: LocalDate }): Promise<Outcome> {
      const answer = await askTime(conversation, ctx, deps, { buttons: timeStep, scope: scope(service, place), lang, date });
      ctx = answer.ctx;
      if (answer.choice === "none") {
        await ctx.reply(ctx.t("consult-day-full"));
        return "back";
      }
      if (typeof answer.choice === "string") return answer.choice;
      const offer = answer.choice;
      if (bookingModes(service, offer.online).length > 1) return { next: { step: "mode", service, place, offer } };
      return { next: { step: "topic", service, place, offer, mode: "in_person" } };
    }

    async function mode(at: { service: ServiceCode; place: Place; offer: OfferView }): Promise<Outcome> {
      const answer = await askStep(conversation, ctx, modeStep, BOOKING_MODES, (c) => {
        const kb = new InlineKeyboard();
        for (const mode of BOOKING_MODES) kb.text(c.t(`consult-mode-${mode}`), modeStep.data(mode));
        return { text: c.t("consult-ask-mode"), markup: kb };
      });
      ctx = answer.ctx;
      if (isNav(answer.choice)) return answer.choice;
      return { next: { step: "topic", service: at.service, place: at.place, offer: at.offer, mode: answer.choice } };
    }

    async function topic(at: { service: ServiceCode; place: Place; offer: OfferView; mode: BookingMode }): Promise<Outcome> {
      const sensitive = SERVICES[at.service].sensitive;
      const answer = await askText<TopicAnswer>(conversation, ctx, {
        prompt: (c) => ({
          text: c.t(sensitive ? "consult-ask-topic-private" : "consult-ask-topic", { max: TOPIC_MAX_LENGTH }),
          markup: withNav(new InlineKeyboard().text(c.t("button-skip"), topicStep.data("skip")), c, topicStep),
        }),
        parse: (text) => (text.trim() ? { topic: text.trim() } : null),
        invalid: (c) => c.t("consult-topic-invalid"),
        buttons: topicStep,
        onButton: (choice) => (choice === "skip" ? { topic: null } : isNav(choice) ? { nav: choice } : null),
        maxLength: TOPIC_MAX_LENGTH,
      });
      ctx = answer.ctx;
      if ("nav" in answer.value) return answer.value.nav;
      return { next: { step: "confirm", service: at.service, place: at.place, offer: at.offer, mode: at.mode, topic: answer.value.topic } };
    }

    async function confirm(at: Extract<Stage, { step: "confirm" }>): Promise<Outcome> {
      const { service, place, offer } = at;
      const facts = factsOfOffer(offer, { service, mode: at.mode, topic: at.topic }, lang);
      const answer = await askStep(conversation, ctx, confirmStep, ["yes"] as const, (c) => ({
        text: c.t("consult-summary", { details: describeBooking(c, lang, facts) }),
        markup: new InlineKeyboard().text(c.t("consult-button-confirm"), confirmStep.data("yes")),
      }));
      ctx = answer.ctx;
      if (isNav(answer.choice)) return answer.choice;

      const booked = await conversation.external(async () => {
        const now = deps.clock.now();
        const result: BookResult = await bookSlot(
          deps.db,
          { userId, specialistId: offer.specialistId, startsAt: new Date(offer.startsAt), mode: facts.mode, topic: facts.topic },
          { limits, reminderOffsetsMinutes: deps.config.reminderOffsetsMinutes },
          now,
        );
        // Logged inside the external so that later replays of this step do not log it again.
        const outcome = result.kind === "limit" ? `limit:${result.breach}` : result.kind;
        ctx.log.info({ booking_id: result.kind === "booked" ? result.bookingId : null, specialist_id: offer.specialistId, outcome }, "booking attempt");
        // The confirmation tells what was written, which a replay finds rather than makes.
        const booking = result.kind === "booked" ? ((await findOwnBooking(deps.db, userId, result.bookingId)) ?? null) : null;
        return { result, booking, at: now.toISOString() };
      });
      const result = booked.result;
      if (booked.booking) {
        const written = factsOfBooking(booked.booking, lang);
        const confirmation = ctx.t("consult-booked", { details: describeBooking(ctx, lang, written) });
        await ctx.reply(withOnlineNote(confirmation, onlineNote(ctx.t, written.mode, ctx.from?.username !== undefined)));
        await sendCalendarFile(ctx, booked.booking, lang, "added", new Date(booked.at));
        await showMainMenu(ctx);
        return "done";
      }
      if (result.kind === "overlap") {
        await ctx.reply(clashText(ctx.t, lang, result.clash, "time"));
        return { backTo: { step: "time", service, place, date: offer.date } };
      }
      if (result.kind === "limit") {
        await ctx.reply(limitText(ctx, result.breach, limits, service));
        await showMainMenu(ctx);
        return "done";
      }
      return chooseAlternative(at);
    }

    /** The picked time went to someone else: offer the nearest ones, keeping every other answer. */
    async function chooseAlternative(at: Extract<Stage, { step: "confirm" }>): Promise<Outcome> {
      const { service, place } = at;
      const answer = await askAlternative(conversation, ctx, deps, { buttons: alternativeStep, scope: scope(service, place), lang, target: at.offer.startsAt });
      ctx = answer.ctx;
      if (answer.choice === "none") {
        await ctx.reply(ctx.t("consult-slot-taken-none"));
        return toDistrict(service);
      }
      if (answer.choice === "back") return { backTo: { step: "time", service, place, date: at.offer.date } };
      if (answer.choice === "cancel") return "cancel";
      const offer = answer.choice;
      return { again: { ...at, offer, mode: keepMode(at.mode, service, offer.online) } };
    }

    const end = await runSteps<Stage>(conversation, { step: "service" }, (at) => {
      switch (at.step) {
        case "service":
          return service();
        case "safety":
          return safety(at);
        case "district":
          return district(at);
        case "day":
          return day(at);
        case "time":
          return time(at);
        case "mode":
          return mode(at);
        case "topic":
          return topic(at);
        case "confirm":
          return confirm(at);
      }
    });
    if (end === "cancel") await ctx.reply(ctx.t("cancelled"));
    if (end !== "done") await showMainMenu(ctx);
  };
}

const serviceStep = defineStep("cs-svc");
const safetyStep = defineStep("cs-safe");
const districtStep = defineStep("cs-dist");
const dayStep = defineStep("cs-day");
const timeStep = defineStep("cs-time");
const modeStep = defineStep("cs-mode");
const topicStep = defineStep("cs-topic");
const confirmStep = defineStep("cs-ok");
const alternativeStep = defineStep("cs-alt");

/** The day step's answers besides a day: narrow to one center, keep both, or choose another district. */
const CENTER = "c:";
const ANY_CENTER = "c:any";
const OTHER_DISTRICT = "district";

/** Where the days shown are: all the city, one center, or both centers of a district. */
function placeText(ctx: BaseContext, lang: Language, district: DistrictCode | null, center: CenterView | undefined): string {
  if (center) return ctx.t("consult-place-center", { center: escapeHtml(center.name[lang]) });
  if (district) return ctx.t("consult-place-district", { district: ctx.t(`district-${district}`) });
  return ctx.t("consult-place-any");
}

/** Why the person cannot book: too many missed consultations, or enough upcoming ones of the service. */
export function limitText(ctx: BaseContext, breach: LimitBreach, limits: LimitRules, service?: ServiceCode): string {
  return breach === "no-shows"
    ? ctx.t("consult-limit-no-shows", { limit: limits.noShowLimit, days: limits.noShowWindowDays })
    : ctx.t("consult-limit-service", { service: ctx.t(`service-${service}`), max: limits.maxUpcomingPerService });
}

/** Nothing free for the chosen service: in this district (try another or any center) or anywhere. */
function noSlotsText(ctx: BaseContext, district: DistrictCode | null): string {
  const days = BOOKING_WINDOW_DAYS;
  return district ? ctx.t("consult-no-slots-district", { district: ctx.t(`district-${district}`), days }) : ctx.t("consult-no-slots-any", { days });
}
