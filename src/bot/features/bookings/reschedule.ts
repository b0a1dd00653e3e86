import { InlineKeyboard } from "grammy";
import { findOwnBooking, findUpcomingOwnBooking, rescheduleBooking, type RescheduleResult } from "../../../db/bookings.js";
import { keepMode } from "../../../domain/booking-rules.js";
import { BOOKING_WINDOW_DAYS } from "../../../domain/services.js";
import type { LocalDate } from "../../../domain/time.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { clashText } from "../../shared/appointments.js";
import { askStep, isNav } from "../../shared/ask.js";
import { defineStep } from "../../shared/callback-data.js";
import { describeBooking, factsOfBooking, factsOfOffer, onlineNote, sendCalendarFile, withOnlineNote } from "../consult/details.js";
import { runSteps, type StepOutcome } from "../../shared/flow.js";
import type { OfferView, Scope } from "../../shared/offers.js";
import { askAlternative, askDay, askTime } from "../../shared/booking-steps.js";
import { showMainMenu } from "../menu/menu.js";

export const RESCHEDULE = "reschedule";

const dayStep = defineStep("rs-day");
const timeStep = defineStep("rs-time");
const confirmStep = defineStep("rs-ok");
const alternativeStep = defineStep("rs-alt");

/** Each step with the answer given before it. */
type Stage = { step: "day" } | { step: "time"; date: LocalDate } | { step: "confirm"; offer: OfferView };
type Outcome = StepOutcome<Stage>;

/**
 * Moving a booking: a new day and time with the same specialist or another one of the same
 * service in the same district. The old booking stays until the new one is secured.
 */
export function rescheduleConversation(deps: AppDeps) {
  return async function reschedule(conversation: AppConversation, ctx: BaseContext, bookingId: number): Promise<void> {
    const userId = ctx.from!.id;
    const lang = ctx.language;
    // Checked again here: the booking may have changed since its button was pressed.
    const current = await conversation.external(
      async () => (await findUpcomingOwnBooking(deps.db, userId, bookingId, deps.clock.now())) ?? null,
    );
    if (!current) {
      await ctx.reply(ctx.t("bookings-not-active"));
      return showMainMenu(ctx);
    }
    const scope: Scope = { service: current.service, district: current.district, preferredSpecialistId: current.specialist_id };
    const currentFacts = factsOfBooking(current, lang);

    // Arrows rather than declarations: only they keep the check above that the booking exists.
    const day = async (): Promise<Outcome> => {
      const answer = await askDay(conversation, ctx, deps, {
        buttons: dayStep,
        scope,
        lang,
        text: (c) => c.t("bookings-reschedule-ask-day", { details: describeBooking(c, lang, currentFacts) }),
      });
      ctx = answer.ctx;
      if (answer.choice === "none") {
        await ctx.reply(ctx.t("bookings-reschedule-no-slots", { days: BOOKING_WINDOW_DAYS }));
        return "back";
      }
      if (isNav(answer.choice)) return answer.choice;
      return { next: { step: "time", date: answer.choice } };
    };

    const time = async ({ date }: { date: LocalDate }): Promise<Outcome> => {
      const answer = await askTime(conversation, ctx, deps, { buttons: timeStep, scope, lang, date });
      ctx = answer.ctx;
      if (answer.choice === "none") {
        await ctx.reply(ctx.t("consult-day-full"));
        return "back";
      }
      if (typeof answer.choice === "string") return answer.choice;
      return { next: { step: "confirm", offer: answer.choice } };
    };

    const confirm = async ({ offer: chosen }: { offer: OfferView }): Promise<Outcome> => {
      const mode = keepMode(current.mode, current.service, chosen.online);
      const facts = factsOfOffer(chosen, { service: current.service, mode, topic: current.topic }, lang);
      const answer = await askStep(conversation, ctx, confirmStep, ["yes"] as const, (c) => ({
        text: c.t("bookings-reschedule-summary", {
          old: describeBooking(c, lang, currentFacts),
          new: describeBooking(c, lang, facts),
        }),
        markup: new InlineKeyboard().text(c.t("bookings-button-reschedule-confirm"), confirmStep.data("yes")),
      }));
      ctx = answer.ctx;
      if (answer.choice !== "yes") return answer.choice;

      const moved = await conversation.external(async () => {
        const now = deps.clock.now();
        const result: RescheduleResult = await rescheduleBooking(
          deps.db,
          { userId, bookingId: current.id, specialistId: chosen.specialistId, startsAt: new Date(chosen.startsAt) },
          { limits: deps.config.booking, reminderOffsetsMinutes: deps.config.reminderOffsetsMinutes },
          now,
        );
        // Logged inside the external so that later replays of this step do not log it again.
        const replacedBy = result.kind === "rescheduled" ? result.bookingId : null;
        ctx.log.info({ booking_id: current.id, replaced_by: replacedBy, outcome: result.kind }, "reschedule attempt");
        // The confirmation tells what was written, which a replay finds rather than makes.
        const booking = replacedBy === null ? null : ((await findOwnBooking(deps.db, userId, replacedBy)) ?? null);
        return { result, booking, at: now.toISOString() };
      });
      const result = moved.result;
      if (moved.booking) {
        const written = factsOfBooking(moved.booking, lang);
        const rescheduled = ctx.t("bookings-rescheduled", { details: describeBooking(ctx, lang, written) });
        await ctx.reply(withOnlineNote(rescheduled, onlineNote(ctx.t, written.mode, ctx.from?.username !== undefined)));
        await sendCalendarFile(ctx, moved.booking, lang, "moved", new Date(moved.at));
        await showMainMenu(ctx);
        return "done";
      }
      if (result.kind === "overlap") {
        await ctx.reply(clashText(ctx.t, lang, result.clash, "time"));
        return { backTo: { step: "time", date: chosen.date } };
      }
      if (result.kind !== "taken") {
        await ctx.reply(ctx.t("bookings-not-active"));
        await showMainMenu(ctx);
        return "done";
      }
      const alternative = await askAlternative(conversation, ctx, deps, { buttons: alternativeStep, scope, lang, target: chosen.startsAt });
      ctx = alternative.ctx;
      if (alternative.choice === "none") {
        await ctx.reply(ctx.t("consult-slot-taken-none"));
        return "back";
      }
      if (alternative.choice === "back") return { backTo: { step: "time", date: chosen.date } };
      if (alternative.choice === "cancel") return "cancel";
      return { again: { step: "confirm", offer: alternative.choice } };
    };

    const end = await runSteps<Stage>(conversation, { step: "day" }, (at) => {
      switch (at.step) {
        case "day":
          return day();
        case "time":
          return time(at);
        case "confirm":
          return confirm(at);
      }
    });
    if (end !== "done") {
      await ctx.reply(ctx.t("bookings-reschedule-kept"));
      await showMainMenu(ctx);
    }
  };
}
