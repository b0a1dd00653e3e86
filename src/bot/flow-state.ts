import type { ConversationData, ConversationStorage } from "@grammyjs/conversations";
import type { MiddlewareFn } from "grammy";
import { conversationKey, conversationStateStorage } from "../db/conversation-state.js";
import { isTelegramOutage } from "../telegram/failures.js";
import type { AppContext, AppDeps } from "./context.js";

/**
 * Where the conversations plugin keeps each chat's flow, and the rule that a flow survives a
 * Telegram outage. When a step's answer cannot reach Telegram, the plugin ends the conversation
 * and would save it as ended; the person would then find every button of the flow outdated.
 * Instead nothing is saved for that update, so the flow stays at the step it was at, and the
 * same press or message works again once Telegram answers.
 */
export class FlowState {
  private readonly failed = new WeakSet<AppContext>();

  constructor(private readonly deps: AppDeps) {}

  /** The storage option of the conversations plugin, versioned with `version`. */
  storage(version: number): ConversationStorage<AppContext, ConversationData> {
    const store = conversationStateStorage<ConversationData>(this.deps.db, this.deps.clock);
    const keyOf = (ctx: AppContext) => (ctx.chatId === undefined ? undefined : conversationKey(ctx.chatId));
    return {
      type: "context",
      version,
      adapter: {
        read: async (ctx) => {
          const key = keyOf(ctx);
          return key === undefined ? undefined : store.read(key);
        },
        write: async (ctx, state) => {
          const key = keyOf(ctx);
          if (key !== undefined && !this.failed.has(ctx)) await store.write(key, state);
        },
        delete: async (ctx) => {
          const key = keyOf(ctx);
          if (key !== undefined && !this.failed.has(ctx)) await store.delete(key);
        },
      },
    };
  }

  /** Mounted right after the conversations plugin: marks an update whose flow met an outage. */
  readonly keepOnOutage: MiddlewareFn<AppContext> = async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      if (isTelegramOutage(error)) this.failed.add(ctx);
      throw error;
    }
  };
}
