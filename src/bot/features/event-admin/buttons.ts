import { defineScreen, int, oneOf } from "../../shared/callback-data.js";

/** What an event's screen offers to change, one flow each. */
export const EVENT_FIELDS = ["title", "description", "time", "capacity", "place", "host"] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

const event = int(12);

/** The events of the administrator's centers (a page), one event, a change to it, calling it off, a new one. */
export const eventsAdmin = defineScreen("evadm:list", { page: int(3) });
export const eventAdmin = defineScreen("evadm:event", { event });
export const editEventButton = defineScreen("evadm:edit", { event, field: oneOf(EVENT_FIELDS) });
export const cancelEventButton = defineScreen("evadm:cancel", { event });
export const cancelEventYes = defineScreen("evadm:cancel-yes", { event });
export const newEventButton = defineScreen("evadm:new");

/** An organiser's or host's own events ahead, from /host. */
export const hostedEvents = defineScreen("evadm:mine");
