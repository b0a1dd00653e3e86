import { InlineKeyboard, Keyboard } from "grammy";
import { findCenter, findCenterOffers, knownAddress, listCenters, servicesAtCenter } from "../../../db/catalog.js";
import type { Center } from "../../../db/schema.js";
import { cardPayload } from "../../../domain/deep-links.js";
import { formatKm, nearest, type GeoPoint } from "../../../domain/distance.js";
import type { DistrictCode } from "../../../domain/districts.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { districtKeyboard, menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { addShareButton } from "../links/share.js";
import { bookAtCenter, centerCard, districtCenters, nearestCenters } from "./buttons.js";

/** How many centers "nearest centers" lists. */
const NEAREST_COUNT = 3;

/** The districts to choose from, under `notice` when there is something to say first. */
export async function showDistricts(ctx: BaseContext, notice?: string): Promise<void> {
  const kb = startRow(districtKeyboard(ctx.t, (district) => districtCenters.pack({ district })))
    .text(ctx.t("centers-button-nearest"), nearestCenters.pack())
    .row()
    .text(ctx.t("button-menu"), menuOpenButton.pack());
  const text = ctx.t("centers-choose-district");
  await showScreen(ctx, notice === undefined ? text : `${notice}\n\n${text}`, kb);
}

export async function showDistrictCenters(ctx: BaseContext, district: DistrictCode): Promise<void> {
  const centers = await listCenters(ctx.deps.db, district);
  const language = ctx.language;
  const kb = new InlineKeyboard();
  for (const c of centers) kb.text(language === "kk" ? c.name_kk : c.name_ru, centerCard.pack({ center: c.id })).row();
  kb.text(ctx.t("button-back"), menuEntryData("centers")).text(ctx.t("button-menu"), menuOpenButton.pack());
  const text = centers.length > 0 ? "centers-district-title" : "centers-district-empty";
  await showScreen(ctx, ctx.t(text, { district: ctx.t(`district-${district}`) }), kb);
}

function nameOf(ctx: BaseContext, center: Center): string {
  return ctx.language === "kk" ? center.name_kk : center.name_ru;
}

/**
 * The center's card. A real map point with a real address comes first as a venue; a stand-in
 * point is never shown. While any detail is a stand-in the card says it will be added.
 */
export async function showCenter(ctx: BaseContext, center: Center): Promise<void> {
  const kk = ctx.language === "kk";
  const name = nameOf(ctx, center);
  const address = knownAddress(center)?.[kk ? "kk" : "ru"];
  const services = await servicesAtCenter(ctx.deps.db, center.id);
  const offers = await findCenterOffers(ctx.deps.db, center.id);

  const parts = [
    ctx.t("centers-card", {
      name: escapeHtml(name),
      district: ctx.t(`district-${center.district}`),
      address: address === undefined ? ctx.t("centers-address-unknown") : escapeHtml(address),
      hours: escapeHtml(kk ? center.hours_kk : center.hours_ru),
      phone: center.phone ? escapeHtml(center.phone) : ctx.t("centers-phone-unknown"),
    }),
  ];
  if (center.open_24_7) parts.push(ctx.t("centers-open-24-7"));
  if (offers.length > 0) parts.push(ctx.t("centers-offers", { offers: offers.map((o) => `• ${ctx.t(`center-offer-${o}`)}`).join("\n") }));
  parts.push(
    services.length > 0
      ? ctx.t("centers-services", { services: services.map((s) => `• ${ctx.t(`service-${s}`)}`).join("\n") })
      : ctx.t("centers-no-services"),
  );
  if (center.placeholder) parts.push(ctx.t("centers-placeholder"));

  const kb = new InlineKeyboard();
  if (services.length > 0) kb.text(ctx.t("centers-button-book-here"), bookAtCenter.pack({ center: center.id })).row();
  await addShareButton(ctx, kb, cardPayload("center", center.id));
  kb.text(ctx.t("button-back"), districtCenters.pack({ district: center.district })).text(ctx.t("button-menu"), menuOpenButton.pack());

  // The map point is a message of its own, which the card then follows as a new message.
  if (address === undefined || center.location_placeholder) return showScreen(ctx, parts.join("\n\n"), kb);
  await ctx.replyWithVenue(center.latitude, center.longitude, name, address);
  await ctx.reply(parts.join("\n\n"), { reply_markup: kb });
}

/** A center's card by its id, from a deep link; false when there is no such center. */
export async function openCenter(ctx: BaseContext, id: string): Promise<boolean> {
  const center = await findCenter(ctx.deps.db, id);
  if (!center) return false;
  await showCenter(ctx, center);
  return true;
}

/** The center's name in the reader's language, for what a link opens. */
export async function centerTitle(ctx: BaseContext, id: string): Promise<string | undefined> {
  const center = await findCenter(ctx.deps.db, id);
  return center && nameOf(ctx, center);
}

/** The keyboard under the typing field that asks for the location (private chats only), or lets the person change their mind. */
export function locationRequestKeyboard(ctx: BaseContext): Keyboard {
  return new Keyboard()
    .requestLocation(ctx.t("centers-near-button-share"))
    .row()
    .text(ctx.t("centers-near-button-cancel"))
    .resized()
    .oneTime();
}

export async function askLocation(ctx: BaseContext): Promise<void> {
  await ctx.reply(ctx.t("centers-near-ask"), { reply_markup: locationRequestKeyboard(ctx) });
}

/**
 * The three centers nearest to a shared location, nearest first, each one tap from its card and
 * from booking there. A stand-in point's distance is to its district's point: marked as
 * approximate. The location request keyboard goes away first.
 */
export async function showNearestCenters(ctx: BaseContext, from: GeoPoint): Promise<void> {
  const closest = nearest(await listCenters(ctx.deps.db), from, NEAREST_COUNT);
  await ctx.reply(ctx.t("centers-near-got-it"), { reply_markup: { remove_keyboard: true } });
  const lines = closest.map(({ place, km }, i) =>
    ctx.t(place.location_placeholder ? "centers-near-line-approximate" : "centers-near-line", {
      n: i + 1,
      name: escapeHtml(nameOf(ctx, place)),
      km: formatKm(km, ctx.language),
    }),
  );
  const notes = closest.some(({ place }) => place.location_placeholder) ? [ctx.t("centers-near-approximate-note")] : [];
  const kb = new InlineKeyboard();
  for (const [i, { place }] of closest.entries()) {
    kb.text(`${i + 1}. ${nameOf(ctx, place)}`, centerCard.pack({ center: place.id }))
      .text(ctx.t("centers-button-book-short"), bookAtCenter.pack({ center: place.id }))
      .row();
  }
  kb.text(ctx.t("button-back"), menuEntryData("centers")).text(ctx.t("button-menu"), menuOpenButton.pack());
  await ctx.reply([ctx.t("centers-near-title"), lines.join("\n"), ...notes].join("\n\n"), { reply_markup: kb });
}
