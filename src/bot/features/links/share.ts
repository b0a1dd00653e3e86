import { InlineKeyboard } from "grammy";
import type { Event } from "../../../db/schema.js";
import { cardPayload, type CardPayload } from "../../../domain/deep-links.js";
import { linkedEventState, type LinkedEventState } from "../../../domain/events.js";
import type { BaseContext } from "../../context.js";
import { startRow } from "../../shared/ask.js";
import { defineScreen, key } from "../../shared/callback-data.js";
import { isCentersStaff, senderRoles } from "../staff/roles.js";

/** "🔗 Link and QR" under a card: the card's deep link and a QR image of it, for posters. */
export const shareCardButton = defineScreen("share", { card: key(48) });

/** Whether the person may hand out links to the centers' cards: any of the centers' staff. */
export async function mayShareCards(ctx: BaseContext): Promise<boolean> {
  return ctx.from !== undefined && isCentersStaff(await senderRoles(ctx));
}

/** Adds the "🔗 Link and QR" button, on a row of its own, for those who may share the card. */
export async function addShareButton(ctx: BaseContext, kb: InlineKeyboard, card: CardPayload): Promise<void> {
  if (await mayShareCards(ctx)) kb.text(ctx.t("link-button-share"), shareCardButton.pack({ card })).row();
}

/** Where a link to the event leads now (see `linkedEventState`). */
export function eventLinkState(ctx: BaseContext, event: Pick<Event, "status" | "ends_at">): LinkedEventState {
  return linkedEventState({ status: event.status, endsAt: new Date(event.ends_at) }, ctx.deps.clock.now());
}

/**
 * The button on an event's card (a tea-talk session's too), while the event is still ahead or
 * under way: a poster for one called off or over would lead nowhere.
 */
export async function addEventShareButton(ctx: BaseContext, kb: InlineKeyboard, event: Pick<Event, "id" | "status" | "ends_at">): Promise<void> {
  if (eventLinkState(ctx, event) === "open") await addShareButton(ctx, startRow(kb), cardPayload("event", event.id));
}
