import { InlineKeyboard } from "grammy";
import { findCenter, findCenterOffers, listCenters } from "../../../db/catalog.js";
import type { Center } from "../../../db/schema.js";
import { CENTER_OFFERS } from "../../../domain/center-offers.js";
import { standInDetails } from "../../../domain/stand-ins.js";
import type { BaseContext } from "../../context.js";
import { escapeHtml } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { mayManageCenter, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import {
  catalogCenter,
  catalogCenters,
  centerOffers,
  centerSpecialists,
  editCenterField,
  setOffer,
  setOpen247,
  type CenterField,
} from "./buttons.js";

/** Marks a detail that is still a stand-in. */
const STAND_IN = "⚠️";

/** The centers of the scope: all sixteen for the city, a center administrator's own otherwise. */
export async function showCatalogCenters(ctx: BaseContext, scope: AdminScope, notice?: string): Promise<void> {
  const centers = (await listCenters(ctx.deps.db)).filter((c) => mayManageCenter(scope, c.id));
  const kb = new InlineKeyboard();
  for (const c of centers) {
    const name = ctx.language === "kk" ? c.name_kk : c.name_ru;
    kb.text(c.placeholder ? `${STAND_IN} ${name}` : name, catalogCenter.pack({ center: c.id })).row();
  }
  kb.text(ctx.t("button-back"), adminHome.pack());
  const text = ctx.t("catalog-centers");
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/**
 * The center of a button, when the sender may manage it; refused otherwise, whether or not the
 * center exists, so that a forged id tells nothing. A center gone since leads back to the list.
 */
export async function managedCenter(ctx: BaseContext, scope: AdminScope, centerId: string): Promise<Center | undefined> {
  if (!mayManageCenter(scope, centerId)) {
    await refuseAdmin(ctx);
    return undefined;
  }
  const center = await findCenter(ctx.deps.db, centerId);
  if (!center) {
    await ctx.answerCallbackQuery({ text: ctx.t("catalog-center-gone") });
    await showCatalogCenters(ctx, scope, ctx.t("catalog-center-gone"));
  }
  return center;
}

/** A detail's value, marked when it is a stand-in. */
function detail(value: string, standIn: number): string {
  return standIn ? `${value} ${STAND_IN}` : value;
}

/** Every detail of the center in both languages, as its administrator checks them. */
export function centerCardText(ctx: BaseContext, center: Center): string {
  const text = ctx.t("catalog-center", {
    nameKk: escapeHtml(center.name_kk),
    nameRu: escapeHtml(center.name_ru),
    district: ctx.t(`district-${center.district}`),
    addressKk: detail(escapeHtml(center.address_kk), center.address_placeholder),
    addressRu: detail(escapeHtml(center.address_ru), center.address_placeholder),
    hoursKk: detail(escapeHtml(center.hours_kk), center.hours_placeholder),
    hoursRu: detail(escapeHtml(center.hours_ru), center.hours_placeholder),
    open: ctx.t(center.open_24_7 ? "catalog-yes" : "catalog-no"),
    phone: detail(center.phone === null ? ctx.t("centers-phone-unknown") : escapeHtml(center.phone), center.phone_placeholder),
    point: detail(`${center.latitude}, ${center.longitude}`, center.location_placeholder),
  });
  return standInDetails(center).length > 0 ? `${text}\n\n${ctx.t("catalog-center-stand-ins")}` : text;
}

/** The center's card for its administrator: each detail one tap from its edit. */
export async function showCatalogCenter(ctx: BaseContext, center: Center, notice?: string): Promise<void> {
  const id = center.id;
  const edit = (field: CenterField) => editCenterField.pack({ center: id, field });
  const kb = new InlineKeyboard()
    .text(ctx.t("catalog-button-name"), edit("name"))
    .text(ctx.t("catalog-button-address"), edit("address"))
    .row()
    .text(ctx.t("catalog-button-hours"), edit("hours"))
    .text(ctx.t("catalog-button-phone"), edit("phone"))
    .row()
    .text(ctx.t("catalog-button-point"), edit("point"))
    .text(
      ctx.t(center.open_24_7 ? "catalog-button-24-7-off" : "catalog-button-24-7-on"),
      setOpen247.pack({ center: id, open: center.open_24_7 ? "off" : "on" }),
    )
    .row()
    .text(ctx.t("catalog-button-offers"), centerOffers.pack({ center: id }))
    .text(ctx.t("catalog-button-specialists"), centerSpecialists.pack({ center: id }))
    .row()
    .text(ctx.t("button-back"), catalogCenters.pack());
  const text = centerCardText(ctx, center);
  await showScreen(ctx, notice ? `${notice}\n\n${text}` : text, kb);
}

/** What the center offers besides consultations: each offer a switch, ✅ when offered. */
export async function showCenterOffers(ctx: BaseContext, center: Center): Promise<void> {
  const offered = new Set(await findCenterOffers(ctx.deps.db, center.id));
  const kb = new InlineKeyboard();
  for (const offer of CENTER_OFFERS) {
    const on = offered.has(offer);
    kb.text(`${on ? "✅" : "▫️"} ${ctx.t(`center-offer-${offer}`)}`, setOffer.pack({ center: center.id, offer, offered: on ? "off" : "on" })).row();
  }
  kb.text(ctx.t("button-back"), catalogCenter.pack({ center: center.id }));
  const name = ctx.language === "kk" ? center.name_kk : center.name_ru;
  await showScreen(ctx, ctx.t("catalog-offers", { center: escapeHtml(name) }), kb);
}
