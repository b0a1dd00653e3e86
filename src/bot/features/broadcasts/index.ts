import { InlineKeyboard } from "grammy";
import { changeBroadcast, findBroadcast, openRecipients, recentBroadcasts, recordProgressMessage, recordProgressShown, type BroadcastChange } from "../../../db/broadcasts.js";
import type { Broadcast } from "../../../db/schema.js";
import type { AppContext, BaseContext, Flow } from "../../context.js";
import { dateWithYearOf } from "../../shared/format.js";
import { showScreen } from "../../shared/screen.js";
import { forAdmin, mayManageCenter, refuseAdmin, type AdminScope } from "../admin/access.js";
import { adminHome } from "../admin/buttons.js";
import { adminBroadcasts, broadcastCancel, broadcastCancelYes, broadcastNew, broadcastPause, broadcastResume, broadcastShow } from "./buttons.js";
import { BROADCAST_NEW, newBroadcastConversation } from "./compose.js";
import { renderProgress } from "./progress.js";
import { Handlers } from "../../shared/handlers.js";


export const broadcastsFlows: Flow[] = [{ id: BROADCAST_NEW, build: newBroadcastConversation }];

/** Broadcasts listed on the screen, the latest first. */
const RECENT_BROADCASTS = 5;

/**
 * Broadcasts in /admin: the latest ones, a new one, and the buttons of their progress messages.
 * A city administrator reaches everyone; a center administrator the people of their centers, and
 * may pause, resume or cancel only their centers' broadcasts.
 */
export const broadcastsFeature = new Handlers<AppContext>().chatType("private");

/** Whether this scope may pause, resume or cancel the broadcast: a city one is the city's alone. */
function mayManageBroadcast(scope: AdminScope, broadcast: Broadcast): boolean {
  return mayManageCenter(scope, broadcast.center_id);
}

async function showBroadcasts(ctx: BaseContext, scope: AdminScope): Promise<void> {
  const broadcasts = await recentBroadcasts(ctx.deps.db, scope.kind === "city" ? null : scope.centerIds, RECENT_BROADCASTS);
  const kb = new InlineKeyboard();
  for (const b of broadcasts.filter((b) => b.settled_at === null)) {
    kb.text(ctx.t("broadcast-button-show", { id: b.id }), broadcastShow.pack({ broadcast: b.id })).row();
  }
  kb.text(ctx.t("broadcast-button-new"), broadcastNew.pack()).row().text(ctx.t("button-back"), adminHome.pack());
  const lines = broadcasts.map((b) =>
    ctx.t("broadcast-line", { id: b.id, date: dateWithYearOf(b.created_at), state: ctx.t(`broadcast-state-${b.state}`), sent: b.sent, total: b.total }),
  );
  await showScreen(ctx, [ctx.t(scope.kind === "city" ? "broadcasts-city" : "broadcasts-centers"), ...lines].join("\n"), kb);
}

broadcastsFeature.callbackQuery(
  adminBroadcasts.filter(),
  forAdmin(async (ctx, scope) => {
    await ctx.answerCallbackQuery();
    await showBroadcasts(ctx, scope);
  }),
);

broadcastsFeature.callbackQuery(
  broadcastNew.filter(),
  forAdmin(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(BROADCAST_NEW);
  }),
);

/**
 * The broadcast a button names, if this administrator may manage it; otherwise the press is
 * refused (someone else's broadcast) or answered as stale (no such broadcast), and nothing changes.
 */
async function broadcastOfButton(ctx: BaseContext, scope: AdminScope, id: number): Promise<Broadcast | undefined> {
  const broadcast = await findBroadcast(ctx.deps.db, id);
  if (!broadcast) {
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
    return undefined;
  }
  if (!mayManageBroadcast(scope, broadcast)) {
    await refuseAdmin(ctx);
    return undefined;
  }
  return broadcast;
}

/** The progress message as it reads now, in its sender's language, as the scheduler writes it too. */
async function progressView(ctx: BaseContext, broadcast: Broadcast, now: Date) {
  const { remaining } = await openRecipients(ctx.deps.db, broadcast.id);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.i18n.fluent.translate(broadcast.sender_language, key, vars);
  return renderProgress({ broadcast, remaining, t, now });
}

/** Brings the progress message up to date at once, after a change made by a button. */
async function refreshProgress(ctx: BaseContext, broadcast: Broadcast): Promise<void> {
  if (broadcast.progress_chat_id === null || broadcast.progress_message_id === null) return;
  const now = ctx.deps.clock.now();
  const view = await progressView(ctx, broadcast, now);
  if (view.text === broadcast.progress_text) return;
  await ctx.api
    .editMessageText(broadcast.progress_chat_id, broadcast.progress_message_id, view.text, { reply_markup: view.reply_markup })
    // The message may be gone; the state has changed all the same, and /admin shows it.
    .catch((err: unknown) => ctx.log.warn({ err, broadcast_id: broadcast.id }, "broadcast progress not updated"));
  await recordProgressShown(ctx.deps.db, broadcast.id, view.text, now);
}

/** Pauses, resumes or cancels, with its audit record; a press that changes nothing says so. */
async function change(ctx: BaseContext, scope: AdminScope, id: number, what: BroadcastChange): Promise<void> {
  const broadcast = await broadcastOfButton(ctx, scope, id);
  if (!broadcast) return;
  const result = await changeBroadcast(ctx.deps.db, broadcast.id, what, ctx.from!.id, ctx.deps.clock.now());
  if (result.kind === "unchanged") {
    await ctx.answerCallbackQuery({ text: ctx.t("broadcast-unchanged", { state: ctx.t(`broadcast-state-${broadcast.state}`) }) });
    return;
  }
  ctx.log.info({ broadcast_id: broadcast.id, change: what }, "broadcast changed");
  await ctx.answerCallbackQuery({ text: ctx.t(`broadcast-done-${what}`) });
  await refreshProgress(ctx, result.broadcast);
}

broadcastsFeature.callbackQuery(
  broadcastPause.filter(),
  forAdmin((ctx, scope) => change(ctx, scope, broadcastPause.unpack(ctx.match).broadcast, "pause")),
);
broadcastsFeature.callbackQuery(
  broadcastResume.filter(),
  forAdmin((ctx, scope) => change(ctx, scope, broadcastResume.unpack(ctx.match).broadcast, "resume")),
);
broadcastsFeature.callbackQuery(
  broadcastCancelYes.filter(),
  forAdmin(async (ctx, scope) => {
    const id = broadcastCancelYes.unpack(ctx.match).broadcast;
    await change(ctx, scope, id, "cancel");
    const broadcast = await findBroadcast(ctx.deps.db, id);
    if (broadcast && mayManageBroadcast(scope, broadcast)) {
      await showScreen(ctx, ctx.t("broadcast-cancel-result", { id, state: ctx.t(`broadcast-state-${broadcast.state}`) }));
    }
  }),
);

/** Stopping for good is asked once more, in a message of its own below the progress message. */
broadcastsFeature.callbackQuery(
  broadcastCancel.filter(),
  forAdmin(async (ctx, scope) => {
    const broadcast = await broadcastOfButton(ctx, scope, broadcastCancel.unpack(ctx.match).broadcast);
    if (!broadcast) return;
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("broadcast-cancel-confirm", { id: broadcast.id }), {
      reply_markup: new InlineKeyboard().text(ctx.t("broadcast-button-cancel-yes"), broadcastCancelYes.pack({ broadcast: broadcast.id })),
    });
  }),
);

/** A new progress message at the bottom of the chat; the old one is no longer kept up to date. */
broadcastsFeature.callbackQuery(
  broadcastShow.filter(),
  forAdmin(async (ctx, scope) => {
    const broadcast = await broadcastOfButton(ctx, scope, broadcastShow.unpack(ctx.match).broadcast);
    if (!broadcast) return;
    await ctx.answerCallbackQuery();
    const now = ctx.deps.clock.now();
    const view = await progressView(ctx, broadcast, now);
    const sent = await ctx.reply(view.text, { reply_markup: view.reply_markup });
    await recordProgressMessage(ctx.deps.db, broadcast.id, { chatId: sent.chat.id, messageId: sent.message_id, text: view.text }, now);
  }),
);
