import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type ApiClientOptions, type ChatTypeContext, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AppContext, AppDeps, AppI18n, BaseContext, Flow } from "./context.js";
import { adminFeature } from "./features/admin/index.js";
import { catalogCsvFeature, catalogCsvFlows } from "./features/catalog-csv/index.js";
import { eventAdminFeature, eventAdminFlows } from "./features/event-admin/index.js";
import { teamAdminFeature, teamAdminFlows } from "./features/team-admin/index.js";
import { catalogFeature, catalogFlows } from "./features/catalog/index.js";
import { broadcastsFeature, broadcastsFlows } from "./features/broadcasts/index.js";
import { figuresFeature } from "./features/figures/index.js";
import { centersFeature } from "./features/centers/index.js";
import { bookingsFeature, bookingsFlows } from "./features/bookings/index.js";
import { cardFeature, cardFlows, cardStartFeature } from "./features/card/index.js";
import { consultFeature, consultFlows } from "./features/consult/index.js";
import { eventsFeature } from "./features/events/index.js";
import { helpFeature } from "./features/help/index.js";
import { menuFeature } from "./features/menu/index.js";
import { showMainMenu } from "./features/menu/menu.js";
import { practiceFeature, practiceFlows } from "./features/practice/index.js";
import { privacyFeature } from "./features/privacy/index.js";
import { profileFeature, profileFlows } from "./features/profile/index.js";
import { remindersFeature, remindersFlows } from "./features/reminders/index.js";
import { signupFlows } from "./features/signup/conversation.js";
import { staffCommandsInFlows, staffFeature, staffFlows, staffStartFeature } from "./features/staff/index.js";
import { startFeature } from "./features/start/index.js";
import { teamsFeature, teamsFlows } from "./features/teams/index.js";
import { teatalkFeature } from "./features/teatalk/index.js";
import { linksFeature } from "./features/links/index.js";
import { describeFailure } from "../telegram/failures.js";
import { htmlByDefault } from "../telegram/html.js";
import { telegramTransport } from "../telegram/transport.js";
import { FlowState } from "./flow-state.js";
import { createI18n, withLanguage } from "./i18n.js";
import { handledUpdateNotes, UpdateTracker } from "./polling.js";
import { turnKeyOf } from "./turns.js";
import { inFlow } from "./shared/ask.js";
import { CallbackAnswers } from "./shared/callback-answers.js";
import { attachDeps, attachDepsPerRun } from "./shared/deps.js";
import { helpButton } from "./shared/keyboards.js";
import { commandsLeavingFlows } from "./shared/leave-flow.js";
import { noteSends } from "./shared/screen.js";
import { Handlers } from "./shared/handlers.js";

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

/**
 * grammY names the type of its `fetch` option after node-fetch, whose types are not installed,
 * which would leave it untyped here; it is called as the standard `fetch`.
 */
type ClientOptions = Omit<ApiClientOptions, "fetch"> & { fetch?: typeof fetch };

export interface BotOptions {
  botInfo?: UserFromGetMe;
  /** Client options on top of the configured API root (tests answer in place of Telegram with `fetch`). */
  client?: ClientOptions;
  /** Aborting it cuts every Bot API request in flight short (the process is stopping). */
  cutOff?: AbortSignal;
}

/** Every feature's flows: each is entered by its id from that feature's buttons and commands. */
const FLOWS: Flow[] = [
  signupFlows,
  profileFlows,
  consultFlows,
  bookingsFlows,
  staffFlows,
  remindersFlows,
  practiceFlows,
  teamsFlows,
  cardFlows,
  catalogFlows,
  catalogCsvFlows,
  eventAdminFlows,
  teamAdminFlows,
  broadcastsFlows,
].flat();

/** Composes plugins and features in the order updates pass through them. */
export function createBot(deps: AppDeps, options: BotOptions = {}): CreatedBot {
  // Conversations build their own Api objects from these client options, so whatever must
  // apply to every call (timeouts, retries, the cut-off) belongs here rather than in bot.api's
  // transformers.
  const transport = telegramTransport({ cutOff: options.cutOff, fetch: options.client?.fetch, logger: deps.logger });
  const bot = new Bot<AppContext>(deps.config.botToken, {
    botInfo: options.botInfo,
    client: { apiRoot: deps.config.apiRoot, ...options.client, fetch: transport },
  });
  const answers = new CallbackAnswers();
  // What every Api object of the bot applies to its calls: bot.api's, and those the
  // conversations plugin builds for its contexts, which bot.api's transformers do not reach.
  const transformers = [htmlByDefault, answers.transformer];
  bot.api.config.use(...transformers);
  const withTransformers: MiddlewareFn<BaseContext> = async (ctx, next) => {
    ctx.api.config.use(...transformers);
    await next();
  };
  bot.use(answers.track);

  const tracker = new UpdateTracker(handledUpdateNotes(deps));
  // One chat's updates in order within this process; across processes, see WebhookInbox.
  bot.use(sequentialize(turnKeyOf));
  bot.use(tracker.middleware);

  const i18n = createI18n();
  const fetchFile = (filePath: string) => transport(`${deps.config.apiRoot}/file/bot${deps.config.botToken}/${filePath}`);
  const withDepsInFlow = attachDepsPerRun(deps, fetchFile);

  const privateChats = new Handlers<ChatTypeContext<AppContext, "private">>();
  bot.chatType("private").use(privateChats);
  privateChats.use(attachDeps(deps, fetchFile), i18n, withLanguage);
  const flows = new FlowState(deps);
  privateChats.use(
    conversations<AppContext, BaseContext>({
      storage: flows.storage(CONVERSATIONS_VERSION),
      // Installed again inside, because a conversation builds fresh contexts on replay.
      plugins: (run) => [withDepsInFlow(run), i18n, withLanguage, withTransformers, noteSends],
    }),
  );
  privateChats.use(flows.keepOnOutage);
  // Before the flows: help is never held up by a question, and /cancel is never taken as an answer;
  // /start, /menu, /admin, /staff and /host leave a flow for where they lead.
  privateChats.use(helpFeature, flowControl);
  privateChats.use(staffCommandsInFlows, commandsLeavingFlows(["start", "menu", "admin"]));
  for (const flow of FLOWS) privateChats.use(createConversation(flow.build(deps), flow.id));
  // Early: it also notices that someone marked as having blocked the bot is writing again.
  privateChats.use(remindersFeature);
  privateChats.use(centersFeature, teamsFeature, linksFeature);
  // Before startFeature: /start card_<token> checks a card (before a specialist's /start too),
  // /start staff_<token> links a specialist; any other /start passes on.
  privateChats.use(cardStartFeature, staffStartFeature, staffFeature);
  privateChats.use(adminFeature, catalogFeature, catalogCsvFeature, eventAdminFeature, teamAdminFeature, broadcastsFeature, figuresFeature, cardFeature);
  privateChats.use(consultFeature, bookingsFeature);
  privateChats.use(teatalkFeature, eventsFeature);
  privateChats.use(practiceFeature);
  privateChats.use(startFeature, profileFeature, privacyFeature, menuFeature);
  privateChats.use(fallback);
  bot.use(elsewhere);

  bot.catch(async (err) => {
    const ctx = err.ctx;
    const log = deps.logger.child({ update_id: ctx.update.update_id });
    const failure = describeFailure(err.error);
    const answered = ctx.callbackQuery ? answers.take(ctx.callbackQuery.id) : true;
    if (tracker.isLeftOver(ctx.update.update_id)) {
      log.info(failure ?? {}, "update cut short by the stop; Telegram delivers it again after the restart");
      return;
    }
    if (failure) log.error(failure, "Bot API call failed");
    else log.error({ err: err.error }, "unhandled error in update");
    // Best effort, each on its own: Telegram may still be unreachable; the apology must still be tried.
    if (!answered) await ctx.answerCallbackQuery().catch(() => undefined);
    if (ctx.chat?.type === "private") await ctx.reply(ctx.t("error-generic")).catch(() => undefined);
  });

  return { bot, i18n, tracker };
}

/** /cancel leaves any flow; mounted before the conversations so that they never swallow it. */
const flowControl = new Handlers<AppContext>();
flowControl.command("cancel", async (ctx) => {
  const active = inFlow(ctx);
  await ctx.conversation.exitAll();
  // The reply keyboard of a step (the phone button) goes away with the flow.
  await ctx.reply(ctx.t(active ? "cancelled" : "nothing-to-cancel"), { reply_markup: { remove_keyboard: true } });
  await showMainMenu(ctx);
});

/**
 * The bot talks in private chats only; a press anywhere else (a group, a message sent through
 * inline mode) is still answered, or the person's client keeps waiting on it.
 */
const elsewhere = new Handlers<BaseContext>();
elsewhere.on("callback_query", (ctx) => ctx.answerCallbackQuery());

/** Whatever no feature took: a stale button or a message out of context still gets an answer. */
const fallback = new Handlers<AppContext>();
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
