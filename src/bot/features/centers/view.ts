import { InlineKeyboard } from "grammy";
import { findSpecialists, knownAddress, listCenters } from "../../../db/catalog.js";
import type { Db } from "../../../db/database.js";
import type { Center } from "../../../db/schema.js";
import type { DistrictCode } from "../../../domain/districts.js";
import { SERVICE_CODES, type ServiceCode } from "../../../domain/services.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { escapeHtml } from "../../shared/format.js";
import { districtKeyboard, menuEntryData, menuOpenButton } from "../../shared/keyboards.js";
import { showScreen } from "../../shared/screen.js";
import { centerCard, districtCenters } from "./buttons.js";

/** The districts to choose from, under `notice` when there is something to say first. */
export async function showDistricts(ctx: BaseContext, notice?: string): Promise<void> {
  const kb = startRow(districtKeyboard(ctx.t, (district) => districtCenters.pack({ district }))).text(ctx.t("button-menu"), menuOpenButton.pack());
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

/** Services of the center's active specialists, in the usual service order. */
async function servicesAt(db: Db, center: Center): Promise<ServiceCode[]> {
  const offered = await Promise.all(
    SERVICE_CODES.map(async (service) => {
      const specialists = await findSpecialists(db, { service, district: center.district });
      return specialists.some((s) => s.center_id === center.id) ? [service] : [];
    }),
  );
  return offered.flat();
}

/**
 * The center's card. A real map point comes first as a venue; a placeholder's stand-in point
 * is never shown, the card says the location will be added instead.
 */
export async function showCenter(ctx: BaseContext, center: Center): Promise<void> {
  const kk = ctx.language === "kk";
  const name = kk ? center.name_kk : center.name_ru;
  const address = knownAddress(center)?.[kk ? "kk" : "ru"];
  const services = await servicesAt(ctx.deps.db, center);

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
  parts.push(
    services.length > 0
      ? ctx.t("centers-services", { services: services.map((s) => `• ${ctx.t(`service-${s}`)}`).join("\n") })
      : ctx.t("centers-no-services"),
  );
  if (center.placeholder) parts.push(ctx.t("centers-placeholder"));

  const kb = new InlineKeyboard();
  if (services.length > 0) kb.text(ctx.t("menu-consult"), menuEntryData("consult")).row();
  kb.text(ctx.t("button-back"), districtCenters.pack({ district: center.district })).text(ctx.t("button-menu"), menuOpenButton.pack());

  // The map point is a message of its own, which the card then follows as a new message.
  if (address === undefined) return showScreen(ctx, parts.join("\n\n"), kb);
  await ctx.replyWithVenue(center.latitude, center.longitude, name, address);
  await ctx.reply(parts.join("\n\n"), { reply_markup: kb });
}
