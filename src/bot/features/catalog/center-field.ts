import { Keyboard } from "grammy";
import { findCenter } from "../../../db/catalog.js";
import { editCenter, type CenterEdit } from "../../../db/center-edits.js";
import {
  CENTER_ADDRESS_MAX,
  CENTER_HOURS_MAX,
  CENTER_NAME_MAX,
  parseCenterAddress,
  parseCenterHours,
  parseCenterName,
  parseCoordinates,
  parseKazakhPhone,
  readPoint,
  type PointReading,
} from "../../../domain/center-fields.js";
import type { Language } from "../../../domain/language.js";
import type { AppConversation, AppDeps, BaseContext } from "../../context.js";
import { askText } from "../../shared/ask.js";
import { refuseAdmin } from "../admin/access.js";
import type { CenterField } from "./buttons.js";
import { showCatalogCenter } from "./centers.js";
import { askLine, stillManages, type Answer } from "./questions.js";

export const CATALOG_CENTER_FIELD = "catalog-center-field";

/** The details written in both languages, each with its rule and longest length. */
const TEXT_FIELDS = {
  name: { parse: parseCenterName, max: CENTER_NAME_MAX },
  address: { parse: parseCenterAddress, max: CENTER_ADDRESS_MAX },
  hours: { parse: parseCenterHours, max: CENTER_HOURS_MAX },
} as const;

/** A detail in Kazakh, then in Russian. */
async function askBothLanguages(
  conversation: AppConversation,
  ctx: BaseContext,
  field: keyof typeof TEXT_FIELDS,
): Promise<Answer<CenterEdit>> {
  const { parse, max } = TEXT_FIELDS[field];
  const text: Partial<Record<Language, string>> = {};
  for (const language of ["kk", "ru"] as const) {
    const answer = await askLine(conversation, ctx, {
      prompt: (c) => c.t(`catalog-ask-${field}-${language}`, { max }),
      parse,
      invalid: (c) => c.t(`catalog-${field}-invalid`, { max }),
      max,
    });
    ctx = answer.ctx;
    if ("cancel" in answer) return answer;
    text[language] = answer.value;
  }
  return { value: { field, text: { kk: text.kk!, ru: text.ru! } }, ctx };
}

/** The keyboard under the typing field for the map point: one's own location, or giving up. */
function pointKeyboard(c: BaseContext): Keyboard {
  return new Keyboard().requestLocation(c.t("catalog-button-share-point")).row().text(c.t("button-cancel")).resized();
}

/**
 * The map point: a location shared in Telegram (one's own, or one picked on the map), or typed
 * coordinates; either must lie in Almaty.
 */
async function askPoint(conversation: AppConversation, ctx: BaseContext): Promise<Answer<CenterEdit>> {
  let reading: PointReading | "cancel" | undefined;
  const answer = await askText<PointReading | "cancel">(conversation, ctx, {
    prompt: (c) => ({ text: c.t("catalog-ask-point"), markup: pointKeyboard(c) }),
    parse: (text, c) => {
      if (text === c.t("button-cancel")) return "cancel";
      reading = parseCoordinates(text);
      return reading.kind === "point" ? reading : null;
    },
    invalid: (c) => c.t(reading !== "cancel" && reading?.kind === "outside" ? "catalog-point-outside" : "catalog-point-unreadable"),
    other: (c) => {
      reading = undefined;
      const location = c.message?.location;
      if (!location) return null;
      const shared = readPoint({ latitude: location.latitude, longitude: location.longitude });
      reading = shared;
      return shared.kind === "point" ? shared : null;
    },
  });
  ctx = answer.ctx;
  if (answer.value === "cancel" || answer.value.kind !== "point") return { cancel: true, ctx };
  return { value: { field: "point", point: answer.value.point }, ctx };
}

async function askEdit(conversation: AppConversation, ctx: BaseContext, field: CenterField): Promise<Answer<CenterEdit>> {
  switch (field) {
    case "name":
    case "address":
    case "hours":
      return askBothLanguages(conversation, ctx, field);
    case "phone": {
      const answer = await askLine(conversation, ctx, {
        prompt: (c) => c.t("catalog-ask-phone"),
        parse: parseKazakhPhone,
        invalid: (c) => c.t("catalog-phone-invalid"),
        max: 40,
      });
      return "cancel" in answer ? answer : { value: { field: "phone", phone: answer.value }, ctx: answer.ctx };
    }
    case "point":
      return askPoint(conversation, ctx);
  }
}

/**
 * Changes one detail of a center's card: the new value is asked (in both languages where a
 * detail has two), checked, and written with its audit record only once every answer is in,
 * so that Cancel or /cancel leave nothing half-changed. The sender's right to the center is
 * checked again when writing: it may have been revoked meanwhile.
 */
export function centerFieldConversation(deps: AppDeps) {
  return async function catalogCenterField(
    conversation: AppConversation,
    ctx: BaseContext,
    start: { centerId: string; field: CenterField },
  ): Promise<void> {
    const actorId = ctx.from!.id;
    const answer = await askEdit(conversation, ctx, start.field);
    ctx = answer.ctx;
    const written = await conversation.external(async () => {
      if (!(await stillManages(ctx, start.centerId))) return { kind: "refused" as const };
      if ("cancel" in answer) return { kind: "cancelled" as const, center: await findCenter(deps.db, start.centerId) };
      const center = await editCenter(deps.db, { centerId: start.centerId, actorId, edit: answer.value }, deps.clock.now());
      if (center) ctx.log.info({ center_id: center.id, field: start.field }, "center edited");
      return { kind: "saved" as const, center };
    });
    const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
    if (written.kind === "refused") {
      if (start.field === "point") await ctx.reply(ctx.t("cancelled"), removeKeyboard);
      return refuseAdmin(ctx);
    }
    await ctx.reply(ctx.t(written.kind === "saved" ? "catalog-saved" : "cancelled"), start.field === "point" ? removeKeyboard : {});
    if (written.center) await showCatalogCenter(ctx, written.center);
    else await ctx.reply(ctx.t("catalog-center-gone"));
  };
}
