import { GrammyError, HttpError, InputFile, type Api } from "grammy";
import {
  cancelPendingForRecipient,
  claimDue,
  confirmClaim,
  expireOverdue,
  releaseClaimsOfGoneWorkers,
  releaseStaleClaims,
  settleClaim,
  type Settlement,
} from "../db/outbox.js";
import type { OutboxRow, User } from "../db/schema.js";
import { findUsers, updateUser } from "../db/users.js";
import type { AppDeps } from "../deps.js";
import type { Language } from "../domain/language.js";
import type { NoticeKind } from "../domain/notices.js";
import { isQuietTime, nextAllowedTime } from "../domain/quiet-hours.js";
import { abortableSleep, type Sleep } from "../sleep.js";
import { isChatLinkRefused } from "../telegram/failures.js";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "./backoff.js";
import { claimerIsGone, newClaimerId, processExists } from "./claimer.js";
import type { BroadcastProgressRenderer, NoticeRenderers, RenderedNotice } from "./notice.js";
import { SendRateLimiter, TELEGRAM_SEND_LIMITS } from "./rate-limiter.js";

/**
 * What the scheduler works with besides the app's dependencies, handed to it at start-up: a Bot
 * API client, the translations and the bot's renderer of each kind of message.
 */
export interface SchedulerDeps extends AppDeps {
  /** The client messages go out with; see `outboxApi`. */
  api: Api;
  i18n: { t(language: Language, key: string, vars?: Record<string, string | number>): string };
  renderers: NoticeRenderers;
  /** The broadcasts' progress messages; without it they are sent but not kept up to date. */
  broadcastProgress?: BroadcastProgressRenderer;
}

export interface DispatcherOptions {
  /** Names this worker in `claimed_by`; by default its machine, process and a nonce (see claimer.ts). */
  workerId?: string;
  /** Whether a process runs on this machine, to recognise the claims of a dead one; tests fake it. */
  processExists?: (pid: number) => boolean;
  /** Rows claimed per statement. */
  batchSize?: number;
  /** Requests to Telegram in flight at once, each on its own row (see `SENDS_IN_FLIGHT`). */
  sendsInFlight?: number;
  sleep?: Sleep;
  limiter?: SendRateLimiter;
}

/** Outbox ids by what became of them in one run. */
export interface DispatchReport {
  sent: number[];
  cancelled: number[];
  expired: number[];
  /** Moved out of the quiet hours. */
  postponed: number[];
  /** Failed and scheduled again with backoff. */
  retrying: number[];
  /** Given up after the last attempt, or impossible to render. */
  failed: number[];
  /** Answered 429: back in the queue, sent once the pause is over. */
  throttled: number[];
  /** Left unsent for the next run because the dispatcher was stopping. */
  released: number[];
  /** Taken over by another worker after this one's lease ran out; not sent by this one. */
  lost: number[];
}

type Bucket = keyof DispatchReport;
type Verdict = { outcome: Settlement; bucket: Bucket };

const DEFAULT_BATCH_SIZE = 10;
/**
 * A request to Telegram takes tens to hundreds of milliseconds, and 30 a second leave 33 ms for
 * each: one at a time, the outbox could not reach the limit. The rate limiter keeps them within it.
 */
export const SENDS_IN_FLIGHT = 8;
/** The workers of this process, so that it never takes its own live claims for a dead process's. */
const ownWorkers = new Set<string>();
/** A claimed row handed back unsent, for the next run (or another worker) to take. */
const RELEASED: Verdict = { outcome: { state: "pending" }, bucket: "released" };

/**
 * Sends what is due in the outbox, once, within Telegram's limits, in each recipient's language.
 *
 * Each row is claimed (state `sending`, `claimed_by` this worker) by one UPDATE ... RETURNING, so
 * two workers never hold the same row. A row claimed by a worker that died goes back to pending
 * once the lease (`outboxLeaseSeconds`) has run out, or at the next run of any worker on the same
 * machine, a restart of the dead one included, which sees that the claimer's process is gone.
 *
 * Exactly once, and its one exception. The claim is renewed right before the request to Telegram
 * and the row is recorded sent right after the answer, with nothing else in between. A message
 * goes out twice only if the process dies inside that window: after the request left and before
 * the write that follows the answer. The window is thus the whole round trip to Telegram (up to
 * the send timeout) plus one database write, and a crash there sends that row again once it is
 * released: Telegram has no idempotency key that could tell it "you already have this one".
 * Each worker has at most `SENDS_IN_FLIGHT` requests in flight, so a crash duplicates at most that
 * many messages per worker. Rows claimed but not yet sent at a crash are not at risk; they only wait to be released.
 * A request whose answer never came (a timeout) is the same case without a crash: it is retried,
 * and Telegram may have delivered the first one.
 */
export class OutboxDispatcher {
  readonly workerId: string;
  private readonly deps: SchedulerDeps;
  private readonly batchSize: number;
  private readonly sendsInFlight: number;
  private readonly sleep: Sleep;
  private readonly limiter: SendRateLimiter;
  private readonly processExists: (pid: number) => boolean;
  private readonly stopping = new AbortController();

  constructor(deps: SchedulerDeps, options: DispatcherOptions = {}) {
    this.deps = deps;
    this.workerId = options.workerId ?? newClaimerId();
    ownWorkers.add(this.workerId);
    this.processExists = options.processExists ?? processExists;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.sendsInFlight = options.sendsInFlight ?? SENDS_IN_FLIGHT;
    this.sleep = options.sleep ?? abortableSleep;
    this.limiter = options.limiter ?? new SendRateLimiter({ ...TELEGRAM_SEND_LIMITS, perSecond: deps.config.outboxSendsPerSecond ?? TELEGRAM_SEND_LIMITS.perSecond });
  }

  /** Finishes the messages in flight, hands the rest of its batch back, and starts nothing new. */
  stop(): void {
    this.stopping.abort();
  }

  /** Whether the worker named `claimedBy` is certainly gone (see `claimerIsGone`). */
  isGone(claimedBy: string): boolean {
    return claimerIsGone(claimedBy, { ownClaimers: ownWorkers, processExists: this.processExists });
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** One run: recovers dead workers' rows, expires what is too late, then sends until nothing is due. */
  async dispatchDue(): Promise<DispatchReport> {
    const { db, config } = this.deps;
    const report: DispatchReport = {
      sent: [], cancelled: [], expired: [], postponed: [], retrying: [], failed: [], throttled: [], released: [], lost: [],
    };
    const orphaned = await releaseClaimsOfGoneWorkers(db, (claimedBy) => this.isGone(claimedBy));
    if (orphaned > 0) this.deps.logger.warn({ count: orphaned }, "outbox rows of a stopped process on this machine taken back");
    const recovered = await releaseStaleClaims(db, this.now(), config.outboxLeaseSeconds * 1000);
    if (recovered > 0) this.deps.logger.warn({ count: recovered }, "outbox rows of a worker that stopped answering taken back");
    report.expired.push(...(await expireOverdue(db, this.now())));
    // Rounds until one finds nothing due: a row put back during a round (a 429) is due again.
    while (!this.stopped && (await this.dispatchRound(report)) > 0);
    return report;
  }

  /** Sends what is due with several requests in flight, until none is left; returns how many rows it took. */
  private async dispatchRound(report: DispatchReport): Promise<number> {
    const { db } = this.deps;
    let taken = 0;
    const queue = new ClaimedRows(async () => {
      if (this.stopped) return [];
      const batch = await claimDue(db, this.workerId, this.now(), this.batchSize);
      const recipients = await findUsers(db, batch.map((row) => row.recipient_id));
      taken += batch.length;
      return batch.map((row) => ({ row, recipient: recipients.get(row.recipient_id) }));
    });
    // One chat's messages go in the order they were due: each waits for the one before it.
    const chats = new Map<number, Promise<unknown>>();
    const sender = async () => {
      for (let next = await queue.take(); next; next = await queue.take()) {
        const { row, recipient } = next;
        const before = chats.get(row.recipient_id);
        const turn = (async () => {
          await before;
          const verdict = this.stopped ? RELEASED : await this.deliver(row, recipient);
          // deliver() records a sent row itself, at once; a lost row is no longer this worker's.
          if (verdict.bucket !== "sent" && verdict.bucket !== "lost") await this.settle(row, verdict.outcome);
          report[verdict.bucket].push(row.id);
        })();
        chats.set(row.recipient_id, turn);
        await turn;
        if (chats.get(row.recipient_id) === turn) chats.delete(row.recipient_id);
      }
    };
    await Promise.all(Array.from({ length: this.sendsInFlight }, sender));
    return taken;
  }

  /** Sends one claimed row, or decides why not. A sent row is already recorded when this returns. */
  private async deliver(row: OutboxRow, recipient: User | undefined): Promise<Verdict> {
    const { db } = this.deps;
    const skip = this.screen(row, recipient, this.now());
    if (skip) return skip;

    let notice: RenderedNotice | null;
    try {
      notice = await this.render(row, recipient);
    } catch (err) {
      this.deps.logger.error({ err, outbox_id: row.id, kind: row.kind }, "outbox message could not be rendered");
      return this.retryOrGiveUp(row, "render error", "render");
    }
    if (!notice) return { outcome: { state: "cancelled", reason: "no longer relevant" }, bucket: "cancelled" };

    // Paced at the moment of sending, rendering done: a slow render neither bunches sends up nor
    // spaces them further. The slot is taken right before the request leaves, in the same turn
    // as the last look at the limiter, so that sends in flight side by side never share one;
    // one taken by another send while the claim was renewed means waiting for the next.
    for (;;) {
      const wait = this.limiter.delayFor(row.recipient_id, this.now().getTime());
      if (wait > 0) await this.sleep(wait, this.stopping.signal);
      if (this.stopped) return RELEASED;
      if (wait > 0) continue;
      // From the claim's renewal to the write after Telegram's answer nothing else happens: a crash
      // in this window, the round trip included, sends the row twice (see the class comment).
      if ((await confirmClaim(db, row.id, this.workerId, this.now())).kind === "lost") return { outcome: { state: "pending" }, bucket: "lost" };
      if (this.limiter.delayFor(row.recipient_id, this.now().getTime()) === 0) break;
    }
    const answered = this.limiter.sent(row.recipient_id, this.now().getTime());
    try {
      await this.send(row.recipient_id, notice).finally(() => answered(this.now().getTime()));
    } catch (err) {
      // A send cut short by a stop is handed back as it was, not counted as a failed attempt.
      // Like a timeout, it may have reached Telegram (see the class comment).
      if (this.stopped) return RELEASED;
      return this.afterSendError(row, err);
    }
    await settleClaim(db, row.id, this.workerId, this.now(), { state: "sent", attempts: row.attempts + 1 });
    return { outcome: { state: "sent", attempts: row.attempts + 1 }, bucket: "sent" };
  }

  /** Sends a file, a photo, or a text (its version without chat buttons when Telegram refuses one of them). */
  private async send(chatId: number, notice: RenderedNotice): Promise<void> {
    const { api } = this.deps;
    if ("document" in notice) {
      const { filename, content, caption } = notice.document;
      await api.sendDocument(chatId, new InputFile(content, filename), { caption });
      return;
    }
    if ("photo" in notice) {
      const { fileId, caption, reply_markup } = notice.photo;
      await api.sendPhoto(chatId, fileId, { caption, reply_markup });
      return;
    }
    try {
      await api.sendMessage(chatId, notice.text, { reply_markup: notice.reply_markup });
    } catch (err) {
      if (!notice.ifChatLinkRefused || !isChatLinkRefused(err)) throw err;
      const instead = notice.ifChatLinkRefused;
      await api.sendMessage(chatId, instead.text, { reply_markup: instead.reply_markup });
    }
  }

  /** Rows that must not be sent now, whatever their text: too late, unwanted, at night, unknown. */
  private screen(row: OutboxRow, recipient: User | undefined, now: Date): Verdict | null {
    if (row.expires_at !== null && row.expires_at <= now.toISOString()) {
      return { outcome: { state: "expired", reason: "expired before it could be sent" }, bucket: "expired" };
    }
    if (!row.essential && recipient?.notifications === 0) {
      return { outcome: { state: "cancelled", reason: "notifications off" }, bucket: "cancelled" };
    }
    if (!row.urgent && isQuietTime(now)) {
      const at = nextAllowedTime(now);
      if (row.expires_at !== null && row.expires_at <= at.toISOString()) {
        return { outcome: { state: "expired", reason: "would only arrive after its expiry" }, bucket: "expired" };
      }
      return { outcome: { state: "pending", dueAt: at }, bucket: "postponed" };
    }
    if (!this.deps.renderers[row.kind as NoticeKind]) {
      this.deps.logger.error({ outbox_id: row.id, kind: row.kind }, "outbox row of an unknown kind");
      return { outcome: { state: "failed", reason: `unknown kind "${row.kind}"`, attempts: row.attempts }, bucket: "failed" };
    }
    return null;
  }

  /** The row's message in the recipient's language (Russian for someone the bot has no row for). */
  private async render(row: OutboxRow, recipient: User | undefined): Promise<RenderedNotice | null> {
    const language = recipient?.language ?? "ru";
    const renderer = this.deps.renderers[row.kind as NoticeKind]!;
    return renderer({
      row,
      recipient,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      language,
      t: (key, vars) => this.deps.i18n.t(language, key, vars),
      db: this.deps.db,
      now: this.now(),
    });
  }

  private async afterSendError(row: OutboxRow, err: unknown): Promise<Verdict> {
    if (err instanceof GrammyError && err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      this.limiter.pauseUntil(this.now().getTime() + seconds * 1000);
      this.deps.logger.warn({ outbox_id: row.id, retry_after: seconds }, "Telegram asked to slow down; sending paused");
      return { outcome: { state: "pending" }, bucket: "throttled" };
    }
    if (err instanceof GrammyError && err.error_code === 403) {
      await this.recipientUnreachable(row, `403: ${err.description}`);
      return { outcome: { state: "cancelled", reason: `403: ${err.description}` }, bucket: "cancelled" };
    }
    if (err instanceof GrammyError) return this.retryOrGiveUp(row, `${err.error_code}: ${err.description}`, err.error_code);
    if (err instanceof HttpError) return this.retryOrGiveUp(row, "network error", "network");
    this.deps.logger.error({ err, outbox_id: row.id }, "unexpected error while sending");
    return this.retryOrGiveUp(row, "unexpected error", "unexpected");
  }

  /** The person blocked the bot (or left Telegram): mark them and withdraw everything waiting for them. */
  private async recipientUnreachable(row: OutboxRow, reason: string): Promise<void> {
    const { db } = this.deps;
    const now = this.now();
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, row.recipient_id, { blocked_at: now.toISOString() }, now);
      await cancelPendingForRecipient(trx, row.recipient_id, reason);
    });
    this.deps.logger.info({ outbox_id: row.id }, "recipient blocked the bot; their messages cancelled");
  }

  private retryOrGiveUp(row: OutboxRow, reason: string, code: number | string): Verdict {
    const attempts = row.attempts + 1;
    if (attempts >= MAX_SEND_ATTEMPTS) {
      this.deps.logger.error({ outbox_id: row.id, kind: row.kind, code, attempts }, "outbox message given up");
      return { outcome: { state: "failed", reason, attempts }, bucket: "failed" };
    }
    const dueAt = new Date(this.now().getTime() + retryDelayMs(attempts));
    this.deps.logger.warn({ outbox_id: row.id, kind: row.kind, code, attempts }, "outbox send failed; will retry");
    return { outcome: { state: "pending", dueAt, reason, attempts }, bucket: "retrying" };
  }

  private async settle(row: OutboxRow, outcome: Settlement): Promise<void> {
    await settleClaim(this.deps.db, row.id, this.workerId, this.now(), outcome);
  }
}

/**
 * The rows this worker claimed and has yet to hand to a sender, claimed a batch at a time when
 * they run out (one claim at once, however many senders ask).
 */
class ClaimedRows {
  private readonly rows: { row: OutboxRow; recipient: User | undefined }[] = [];
  private claiming: Promise<void> | undefined;
  private exhausted = false;

  constructor(private readonly claim: () => Promise<{ row: OutboxRow; recipient: User | undefined }[]>) {}

  /** The next claimed row, or undefined when nothing more is due. */
  async take(): Promise<{ row: OutboxRow; recipient: User | undefined } | undefined> {
    while (this.rows.length === 0 && !this.exhausted) {
      this.claiming ??= this.claim()
        .then((batch) => {
          if (batch.length === 0) this.exhausted = true;
          this.rows.push(...batch);
        })
        .finally(() => (this.claiming = undefined));
      await this.claiming;
    }
    return this.rows.shift();
  }
}
