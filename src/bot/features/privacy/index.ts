import { InlineKeyboard, InputFile } from "grammy";
import { listUpcomingOwnBookings } from "../../../db/bookings.js";
import { listOwnSignups } from "../../../db/events.js";
import { eraseUserData, exportUserData, loadPersonalData } from "../../../db/user-data.js";
import type { AppContext } from "../../context.js";
import { dayAndTime, escapeHtml } from "../../shared/format.js";
import { menuButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { bookingVars, factsOfBooking } from "../consult/details.js";
import { newPerDayOf } from "../practice/home.js";
import { erase, eraseConfirmed, eraseDeclined, exportData } from "./buttons.js";
import { readableExport } from "./readable.js";
import { Handlers } from "../../shared/handlers.js";

export const privacyFeature = new Handlers<AppContext>().chatType("private");

/** Two files: one to read, in the person's language, and the same data as JSON for machines. */
async function sendMyData(ctx: AppContext): Promise<void> {
  const { db, clock } = ctx.deps;
  const personal = await loadPersonalData(db, ctx.from!.id);
  if (!personal) {
    await showScreen(ctx, ctx.t("mydata-nothing"), menuButton(ctx.t));
    return;
  }
  const newPerDay = newPerDayOf(personal.practice.settings, ctx.deps);
  const text = readableExport(ctx.t, ctx.language, personal, newPerDay, clock.now());
  await ctx.replyWithDocument(new InputFile(Buffer.from(text, "utf8"), "jastar-my-data.txt"), { caption: ctx.t("mydata-caption") });
  const json = JSON.stringify(await exportUserData(db, ctx.from!.id), null, 2);
  await ctx.replyWithDocument(new InputFile(Buffer.from(json, "utf8"), "jastar-my-data.json"), {
    caption: ctx.t("mydata-json-caption"),
    reply_markup: menuButton(ctx.t),
  });
}

/**
 * What erasing would cancel besides the data: the person's upcoming consultations and tea-talk
 * places, one line each; empty when there are none.
 */
async function upcomingToCancel(ctx: AppContext): Promise<string[]> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const lang = ctx.language;
  const bookings = await listUpcomingOwnBookings(db, ctx.from!.id, now);
  const signups = await listOwnSignups(db, ctx.from!.id, now);
  return [
    ...bookings.map((b) => ctx.t("deleteme-booking-item", bookingVars(ctx, lang, factsOfBooking(b, lang)))),
    ...signups.map(({ event }) =>
      ctx.t(event.category === "teatalk" ? "deleteme-teatalk-item" : "deleteme-event-item", {
        ...dayAndTime(event.starts_at, lang),
        center: escapeHtml(lang === "kk" ? event.place_kk : event.place_ru),
        title: escapeHtml(lang === "kk" ? event.title_kk : event.title_ru),
      }),
    ),
  ];
}

/**
 * Asks first, saying what would be cancelled with the data, so that nobody loses a booking
 * unawares. From the profile's button the question takes the profile's place; the answer then
 * takes the question's.
 */
async function askToErase(ctx: AppContext): Promise<void> {
  const cancels = await upcomingToCancel(ctx);
  const warning = cancels.length > 0 ? `${ctx.t("deleteme-cancels", { items: cancels.join("\n") })}\n\n` : "";
  await showScreen(
    ctx,
    warning + ctx.t("deleteme-confirm"),
    new InlineKeyboard().text(ctx.t("button-deleteme-yes"), eraseConfirmed.pack()).row().text(ctx.t("button-deleteme-no"), eraseDeclined.pack()),
  );
}

privacyFeature.command("mydata", sendMyData);
privacyFeature.callbackQuery(exportData.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendMyData(ctx);
});

privacyFeature.command("deleteme", askToErase);
privacyFeature.callbackQuery(erase.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askToErase(ctx);
});

privacyFeature.callbackQuery(eraseConfirmed.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  // The goodbye is rendered before erasing: afterwards there is no stored language to use.
  const goodbye = ctx.t("deleteme-done");
  await ctx.conversation.exitAll();
  await eraseUserData(ctx.deps.db, ctx.from.id, ctx.deps.clock.now());
  ctx.log.info("personal data erased on request");
  await showScreen(ctx, goodbye);
});

privacyFeature.callbackQuery(eraseDeclined.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showScreen(ctx, ctx.t("deleteme-kept"), menuButton(ctx.t));
});
