import { Context, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { AppContext } from "../bot/context.js";
import type { UpdateTracker } from "../bot/polling.js";
import { turnKeyOf } from "../bot/turns.js";
import { chatTurnHolder, releaseChatTurn, renewChatTurn, takeChatTurn } from "../db/chat-turns.js";
import { chatsWithWaitingUpdates, forgetReceivedUpdate, hasWaitingUpdates, receiveUpdate, waitingUpdates } from "../db/received-updates.js";
import type { AppDeps } from "../deps.js";
import { claimerIsGone, newClaimerId, processExists } from "../scheduler/claimer.js";
import { describeFailure } from "../telegram/failures.js";

/** How long a chat's turn lasts unless renewed: a process that died gives its chats up after this. */
const TURN_LEASE_MS = 30_000;
/** A turn is renewed this often while its updates are handled. */
const TURN_RENEW_MS = TURN_LEASE_MS / 3;
/** How often waiting updates with no live holder (one killed mid-update) are looked for. */
const SWEEP_EVERY_MS = 5_000;
/** A chat's updates read at a time by its holder. */
const UPDATES_PER_READ = 20;
/** Chats a sweep looks at, those waiting longest first; the rest wait for the next sweep. */
const CHATS_PER_SWEEP = 200;

/** The holders of this process, so that it never takes its own live turns for a dead process's. */
const ownHolders = new Set<string>();

export interface WebhookInboxOptions {
  /** Whether a process of this machine runs (a holder whose process does not is gone). */
  processExists?: (pid: number) => boolean;
}

/**
 * The updates Telegram posts to the webhook. Each is written to the database and acknowledged at
 * once, then handled: the answer to Telegram never waits for a slow handler (Telegram would post
 * the update again after its timeout), and an update acknowledged is never lost.
 *
 * Several instances may sit behind one webhook, and a chat's next update may reach another
 * instance while one is still handling the chat's last: both would then load the same
 * conversation state, and a step would be lost or run out of order. So a chat's updates are
 * handled by whoever holds its turn (`chat_turns`), one at a time, oldest first, until none is
 * left; other chats go side by side. An instance that stores an update tries to take the turn;
 * if another holds it, the holder finds the update in its next read, or in the look it takes
 * after letting the turn go (an update stored just as it let go is then not stranded). A turn
 * is renewed while its updates are handled; one whose holder died expires, or is taken at once
 * when the holder was a process on this machine that no longer runs, and a periodic sweep (and
 * the start) takes the chats left so. An update posted again, received or handled before, by
 * this instance or another, is dropped.
 */
export class WebhookInbox {
  readonly holder: string;
  /** The chats this process serves now; `again` when one of its updates came meanwhile. */
  private readonly serving = new Map<string, { again: boolean }>();
  private readonly inHand = new Set<Promise<void>>();
  private readonly processExists: (pid: number) => boolean;
  private sweeper: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly bot: Bot<AppContext>,
    private readonly tracker: UpdateTracker,
    private readonly deps: Pick<AppDeps, "db" | "clock" | "logger">,
    options: WebhookInboxOptions = {},
  ) {
    this.holder = newClaimerId();
    ownHolders.add(this.holder);
    this.processExists = options.processExists ?? processExists;
  }

  /** Keeps the update and starts handling its chat, unless it came before; resolves once it is kept. */
  async receive(update: Update): Promise<void> {
    const log = this.deps.logger.child({ update_id: update.update_id });
    const chatKey = turnKeyOf(new Context(update, this.bot.api, this.bot.botInfo));
    if (await receiveUpdate(this.deps.db, update, chatKey, this.deps.clock.now())) {
      log.trace("update received");
      this.serve(chatKey);
    } else {
      log.info("update posted again; already received");
    }
  }

  /**
   * Starts handling the chats whose updates wait with no live holder: those an earlier process
   * received and did not handle. Returns how many chats it took up.
   */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now().toISOString();
    const chats = await chatsWithWaitingUpdates(this.deps.db, CHATS_PER_SWEEP);
    const free = chats.filter((c) => !this.serving.has(c.chatKey) && (c.holder === null || c.expiresAt! <= now || this.isGone(c.holder)));
    for (const c of free) this.serve(c.chatKey);
    return free.length;
  }

  /** Sweeps now and then from now on (see `sweep`). */
  startSweeping(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((err: unknown) => this.deps.logger.error({ err }, "looking for waiting updates failed"));
    }, SWEEP_EVERY_MS);
  }

  /** Starts no new update and waits for those in hand; the rest wait in the database. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweeper);
    this.tracker.stop();
    while (this.inHand.size > 0) await Promise.allSettled([...this.inHand]);
  }

  /** Whether the holder of a turn is certainly gone (see `claimerIsGone`). */
  private isGone(holder: string): boolean {
    return claimerIsGone(holder, { ownClaimers: ownHolders, processExists: this.processExists });
  }

  /** Handles the chat's waiting updates if this process is not doing so already. */
  private serve(chatKey: string): void {
    const serving = this.serving.get(chatKey);
    if (serving) {
      serving.again = true;
      return;
    }
    if (this.stopping) return;
    const state = { again: false };
    this.serving.set(chatKey, state);
    const done = this.takeTurns(chatKey, state)
      .catch((error: unknown) => {
        this.deps.logger.error(describeFailure(error) ?? { err: error }, "handling received updates failed; a later sweep tries again");
      })
      .finally(() => this.inHand.delete(done));
    this.inHand.add(done);
  }

  /**
   * Takes the chat's turn and handles its updates until none is left, lets the turn go, and
   * looks once more: an update stored by another process after the last read, whose process
   * found the turn taken, is this one's to handle.
   */
  private async takeTurns(chatKey: string, state: { again: boolean }): Promise<void> {
    const { db } = this.deps;
    try {
      for (;;) {
        state.again = false;
        if (!(await this.takeTurn(chatKey))) return;
        let finished: boolean;
        try {
          finished = await this.handleWaiting(chatKey);
        } finally {
          await releaseChatTurn(db, chatKey, this.holder);
        }
        if (!finished || this.stopping) return;
        // `again` is read after the look, and the chat leaves `serving` in the same step: an
        // update this process receives meanwhile is either seen here or starts a turn of its own.
        if (!(await hasWaitingUpdates(db, chatKey)) && !state.again) return;
      }
    } finally {
      this.serving.delete(chatKey);
    }
  }

  /** Takes the turn if it is free, has expired, or its holder is certainly gone. */
  private async takeTurn(chatKey: string): Promise<boolean> {
    const { db, clock } = this.deps;
    if (await takeChatTurn(db, chatKey, this.holder, clock.now(), TURN_LEASE_MS)) return true;
    const holder = await chatTurnHolder(db, chatKey);
    return holder !== undefined && holder !== this.holder && this.isGone(holder) && (await takeChatTurn(db, chatKey, this.holder, clock.now(), TURN_LEASE_MS, holder));
  }

  /**
   * Handles the chat's waiting updates one after another while the turn is held, renewing it.
   * Returns false if it stopped early: the stop, a lost turn, or an update that failed (it waits
   * for a later sweep).
   */
  private async handleWaiting(chatKey: string): Promise<boolean> {
    const { db, clock, logger } = this.deps;
    let held = true;
    const renewal = setInterval(() => {
      renewChatTurn(db, chatKey, this.holder, clock.now(), TURN_LEASE_MS)
        .then((kept) => (held &&= kept))
        .catch((err: unknown) => logger.error({ err }, "keeping a chat's turn failed"));
    }, TURN_RENEW_MS);
    try {
      for (;;) {
        const updates = await waitingUpdates(db, chatKey, UPDATES_PER_READ);
        if (updates.length === 0) return true;
        for (const update of updates) {
          if (!held || this.stopping) return false;
          const finished = await this.tracker.handle(this.bot, update, false);
          // Noted as handled by the tracker first: an update posted again meanwhile is still refused.
          if (!finished) return false;
          await forgetReceivedUpdate(db, update.update_id);
          logger.trace({ update_id: update.update_id }, "update handled");
        }
      }
    } finally {
      clearInterval(renewal);
    }
  }
}
