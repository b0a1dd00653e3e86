import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, Composer, GrammyError, HttpError, type ApiClientOptions } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { conversationKey, conversationStateStorage } from "../db/conversation-state.js";
import type { AppContext, AppDeps, AppI18n, BaseContext } from "./context.js";
import { centersFeature } from "./features/centers/index.js";
import { bookingsFeature } from "./features/bookings/index.js";
import { RESCHEDULE, rescheduleConversation } from "./features/bookings/reschedule.js";
import { CONSULT, consultConversation } from "./features/consult/conversation.js";
import { consultFeature } from "./features/consult/index.js";
import { helpFeature } from "./features/help/index.js";
import { menuFeature } from "./features/menu/index.js";
import { showMainMenu } from "./features/menu/menu.js";
import {
  PRACTICE_PLACEMENT,
  PRACTICE_SESSION,
  practiceFeature,
  practicePlacementConversation,
  practiceSessionConversation,
} from "./features/practice/index.js";
import { privacyFeature } from "./features/privacy/index.js";
import { PROFILE_EDIT, profileEditConversation } from "./features/profile/edit.js";
import { profileFeature } from "./features/profile/index.js";
import { FEEDBACK_COMMENT, feedbackCommentConversation, remindersFeature } from "./features/reminders/index.js";
import { SIGNUP, signupConversation } from "./features/signup/conversation.js";
import { STAFF_BLOCK_TIME, blockTimeConversation } from "./features/staff/block-time.js";
import { staffCommandsInFlows, staffFeature, staffStartFeature } from "./features/staff/index.js";
import { startFeature } from "./features/start/index.js";
import { teatalkFeature } from "./features/teatalk/index.js";
import { createI18n } from "./i18n.js";
import { UpdateTracker } from "./polling.js";
import { inFlow } from "./shared/ask.js";
import { attachDeps } from "./shared/deps.js";
import { helpButton } from "./shared/keyboards.js";

/**
 * Bumped whenever a conversation's steps change shape, so that state saved by older code is
 * dropped instead of replayed against new code.
 */
const CONVERSATIONS_VERSION = 2;

export interface CreatedBot {
  bot: Bot<AppContext>;
  i18n: AppI18n;
  tracker: UpdateTracker;
}

export interface BotOptions {
  botInfo?: UserFromGetMe;
  /** Client options on top of the configured API root (tests answer in place of Telegram here). */
  client?: ApiClientOptions;
}

/** Composes plugins and features in the order updates pass through them. */
export function createBot(deps: AppDeps, options: BotOptions = {}): CreatedBot {
  // Conversations build their own Api objects from these client options, so whatever must
  // apply to every call belongs here rather than in bot.api's transformers.
  const bot = new Bot<AppContext>(deps.config.botToken, {
    botInfo: options.botInfo,
    client: { apiRoot: deps.config.apiRoot, ...options.client },
  });
  // 429s wait their retry_after; other network hiccups retry a few times. Not inside
  // conversations: there a replay would sleep through the same retry_after again.
  // Network errors surface instead of being retried for hours: a handler (and a clean stop
  // waiting for it) must not hang while Telegram is out of reach.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));

  const tracker = new UpdateTracker();
  bot.use(tracker.middleware);
  // One chat's updates in order: conversations replay from stored state and must not interleave.
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));

  const i18n = createI18n();
  const withDeps = attachDeps(deps);

  const privateChats = bot.chatType("private");
  privateChats.use(withDeps, i18n);
  privateChats.use(
    conversations<AppContext, BaseContext>({
      storage: {
        type: "key",
        version: CONVERSATIONS_VERSION,
        getStorageKey: (ctx) => (ctx.chatId === undefined ? undefined : conversationKey(ctx.chatId)),
        adapter: conversationStateStorage(deps.db, deps.clock),
      },
      plugins: [withDeps, i18n],
    }),
  );
  // Before the flows: help is never held up by a question, and /cancel is never taken as an answer.
  privateChats.use(helpFeature, flowControl);
  privateChats.use(staffCommandsInFlows);
  privateChats.use(createConversation(signupConversation(deps), SIGNUP));
  privateChats.use(createConversation(profileEditConversation(deps), PROFILE_EDIT));
  privateChats.use(createConversation(consultConversation(deps), CONSULT));
  privateChats.use(createConversation(rescheduleConversation(deps), RESCHEDULE));
  privateChats.use(createConversation(blockTimeConversation(deps), STAFF_BLOCK_TIME));
  privateChats.use(createConversation(feedbackCommentConversation(deps), FEEDBACK_COMMENT));
  privateChats.use(createConversation(practiceSessionConversation(deps), PRACTICE_SESSION));
  privateChats.use(createConversation(practicePlacementConversation(deps), PRACTICE_PLACEMENT));
  // Early: it also notices that someone marked as having blocked the bot is writing again.
  privateChats.use(remindersFeature);
  privateChats.use(centersFeature);
  // Before startFeature: /start staff_<token> links a specialist; any other /start passes on.
  privateChats.use(staffStartFeature, staffFeature);
  privateChats.use(consultFeature, bookingsFeature);
  privateChats.use(teatalkFeature);
  privateChats.use(practiceFeature);
  privateChats.use(startFeature, profileFeature, privacyFeature, menuFeature);
  privateChats.use(fallback);

  bot.catch(async (err) => {
    const ctx = err.ctx;
    const log = deps.logger.child({ update_id: ctx.update.update_id });
    const e = err.error;
    if (e instanceof GrammyError) log.error({ method: e.method, code: e.error_code, description: e.description }, "Bot API error");
    else if (e instanceof HttpError) log.error({ err: e.error }, "network error talking to the Bot API");
    else log.error({ err: e }, "unhandled error in update");
    // Best effort, each on its own: the query may have been answered before the error, and
    // Telegram refuses a second answer; the apology must still go out.
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat?.type === "private") await ctx.reply(ctx.t("error-generic")).catch(() => undefined);
  });

  return { bot, i18n, tracker };
}

/** /cancel leaves any flow; mounted before the conversations so that they never swallow it. */
const flowControl = new Composer<AppContext>();
flowControl.command("cancel", async (ctx) => {
  const active = inFlow(ctx);
  await ctx.conversation.exitAll();
  // The reply keyboard of a step (the phone button) goes away with the flow.
  await ctx.reply(ctx.t(active ? "cancelled" : "nothing-to-cancel"), { reply_markup: { remove_keyboard: true } });
  await showMainMenu(ctx);
});

/** Whatever no feature took: a stale button or a message out of context still gets an answer. */
const fallback = new Composer<AppContext>();
fallback.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("stale-button-alert") });
  await ctx.reply(ctx.t("stale-button"));
  await showMainMenu(ctx);
});
fallback.on("message", async (ctx) => {
  // What the bot cannot read (a voice message, a greeting, a few words) may be someone asking
  // for help: the help lines stay one tap away.
  await ctx.reply(ctx.t("unknown-message"), { reply_markup: helpButton(ctx.t) });
  await showMainMenu(ctx);
});
