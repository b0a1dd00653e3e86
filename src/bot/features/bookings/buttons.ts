import { defineScreen, int } from "../../shared/callback-data.js";

/** The buttons of an upcoming booking, in My bookings and under its reminder. */
const booking = int(15);
export const cancelBooking = defineScreen("mybk:cancel", { booking });
export const confirmCancel = defineScreen("mybk:cancel-yes", { booking });
export const keepBooking = defineScreen("mybk:keep", { booking });
export const rescheduleBooking = defineScreen("mybk:reschedule", { booking });
export const calendarFile = defineScreen("mybk:ics", { booking });
