import type { AppContext } from "../../context.js";
import { shareCard } from "./cards.js";
import { shareCardButton } from "./share.js";
import { Handlers } from "../../shared/handlers.js";

export { openCard } from "./cards.js";

/** Deep links to the centers' cards, and the staff's button that hands them out with a QR image. */
export const linksFeature = new Handlers<AppContext>().chatType("private");

linksFeature.callbackQuery(shareCardButton.filter(), (ctx) => shareCard(ctx, shareCardButton.unpack(ctx.match).card));
