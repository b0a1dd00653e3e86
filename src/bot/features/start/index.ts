import { isRegistered } from "../../../db/users.js";
import { cardOfPayload } from "../../../domain/deep-links.js";
import type { AppContext } from "../../context.js";
import { destinationOf, signupButton } from "../../shared/keyboards.js";
import { openCard } from "../links/index.js";
import { showMainMenu } from "../menu/menu.js";
import { SIGNUP } from "../signup/conversation.js";
import { Handlers } from "../../shared/handlers.js";

export const startFeature = new Handlers<AppContext>().chatType("private");

/**
 * /start, and the deep links of posters (`/start center_<id>`, `team_<id>`, `event_<id>`): someone
 * signed up goes straight to the card; anyone else signs up first and lands on it afterwards.
 */
startFeature.command("start", async (ctx) => {
  const payload = ctx.match.trim();
  const card = cardOfPayload(payload) ? payload : undefined;
  if (isRegistered(ctx.account)) return card ? openCard(ctx, card) : showMainMenu(ctx);
  await ctx.conversation.enter(SIGNUP, card === undefined ? undefined : destinationOf(card));
});

/** "Sign up" offered by a guarded action: the destination brings the person back to it afterwards. */
startFeature.callbackQuery(signupButton.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  if (isRegistered(ctx.account)) return showMainMenu(ctx);
  await ctx.conversation.enter(SIGNUP, destinationOf(signupButton.unpack(ctx.match).to) ?? undefined);
});
