import type { ExpressionBuilder, SelectQueryBuilder } from "kysely";
import { AGE_BANDS, type Segment } from "../domain/broadcasts.js";
import type { Language } from "../domain/language.js";
import { recordAudit } from "./audit.js";
import type { Db } from "./database.js";
import { enqueueAll } from "./outbox.js";
import type { Broadcast, BroadcastOutcome, BroadcastState, Database } from "./schema.js";

/** What an administrator composed and confirmed. */
export interface BroadcastDraft {
  segment: Segment;
  textKk: string | null;
  textRu: string | null;
  photoFileId: string | null;
  button: { kind: "event" | "center"; url: string } | null;
}

type UsersQuery = SelectQueryBuilder<Database, "users", { id: number }>;

/**
 * The people a segment reaches: signed up with consent, not blocked the bot, notifications on
 * (a broadcast is never essential: the outbox would drop it for anyone with them off).
 */
function segmentPeople(db: Db, segment: Segment): UsersQuery {
  let q = db
    .selectFrom("users")
    .select("users.id")
    .where("users.consent_at", "is not", null)
    .where("users.blocked_at", "is", null)
    .where("users.notifications", "=", 1);
  switch (segment.kind) {
    case "everyone":
      return q;
    case "district":
      return q.where("users.district", "=", segment.district);
    case "language":
      return q.where("users.language", "=", segment.language);
    case "age": {
      const band = AGE_BANDS[segment.band];
      return q.where("users.age", ">=", band.from).where("users.age", "<=", band.to);
    }
    case "neet":
      return q.where("users.occupation", "=", "neither");
    case "center":
      return q.where((eb: ExpressionBuilder<Database, "users">) =>
        eb.or([
          eb("users.id", "in", eb.selectFrom("bookings").select("bookings.user_id").where("bookings.center_id", "=", segment.centerId).where("bookings.user_id", "is not", null).$narrowType<{ user_id: number }>()),
          eb(
            "users.id",
            "in",
            eb
              .selectFrom("event_signups")
              .innerJoin("events", "events.id", "event_signups.event_id")
              .select("event_signups.user_id")
              .where("events.center_id", "=", segment.centerId)
              .where("event_signups.user_id", "is not", null)
              .$narrowType<{ user_id: number }>(),
          ),
        ]),
      );
    case "teatalk":
      return q.where("users.id", "in", (eb) =>
        eb
          .selectFrom("event_signups")
          .innerJoin("events", "events.id", "event_signups.event_id")
          .select("event_signups.user_id")
          .where("events.category", "=", "teatalk")
          .where("event_signups.status", "!=", "cancelled")
          .where("event_signups.user_id", "is not", null)
          .$narrowType<{ user_id: number }>(),
      );
    case "team":
      q = q.where("users.id", "in", (eb) =>
        eb.selectFrom("team_members").select("team_members.user_id").where("team_members.team_id", "=", segment.teamId).where("team_members.status", "=", "member"),
      );
      return q;
  }
}

/** How many people a segment reaches now. */
export async function countSegment(db: Db, segment: Segment): Promise<number> {
  const row = await db
    .selectFrom(segmentPeople(db, segment).as("p"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Creates a broadcast in the sending state with its recipients fixed as the segment reaches now,
 * and records it in the audit log, in one transaction. The recipients are written by one INSERT
 * ... SELECT: one statement and one commit however many they are. The outbox gets their messages
 * later, a window at a time (see `feedBroadcast`).
 */
export async function createBroadcast(
  db: Db,
  sender: { id: number; language: Language; centerId: string | null },
  draft: BroadcastDraft,
  now: Date,
): Promise<Broadcast> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("broadcasts")
      .values({
        created_by: sender.id,
        sender_language: sender.language,
        center_id: sender.centerId,
        segment: JSON.stringify(draft.segment),
        text_kk: draft.textKk,
        text_ru: draft.textRu,
        photo_file_id: draft.photoFileId,
        button_kind: draft.button?.kind ?? null,
        button_url: draft.button?.url ?? null,
        state: "sending",
        total: 0,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const people = segmentPeople(trx, draft.segment).select((eb) => eb.val(id).as("broadcast_id"));
    const inserted = await trx.insertInto("broadcast_recipients").columns(["user_id", "broadcast_id"]).expression(people).executeTakeFirst();
    const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    const broadcast = await trx.updateTable("broadcasts").set({ total }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actorId: sender.id,
        action: "broadcast.send",
        subject: `broadcast:${id}`,
        centerId: sender.centerId,
        after: { segment: draft.segment, total, textKk: draft.textKk, textRu: draft.textRu, photo: draft.photoFileId !== null, button: draft.button },
      },
      now,
    );
    return broadcast;
  });
}

export async function findBroadcast(db: Db, id: number): Promise<Broadcast | undefined> {
  return db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The latest broadcasts, of these centers only when `centerIds` is given. */
export async function recentBroadcasts(db: Db, centerIds: readonly string[] | null, limit: number): Promise<Broadcast[]> {
  let q = db.selectFrom("broadcasts").selectAll().orderBy("id", "desc").limit(limit);
  if (centerIds?.length === 0) return [];
  if (centerIds) q = q.where("center_id", "in", centerIds);
  return q.execute();
}

/** Broadcasts that may still change: sending, paused, or stopped with messages on their way. */
export async function unsettledBroadcasts(db: Db): Promise<Broadcast[]> {
  return db.selectFrom("broadcasts").selectAll().where("settled_at", "is", null).orderBy("id").execute();
}

/** What an administrator can do to a broadcast, from the states it can be done in. */
const CHANGES = {
  pause: { from: ["sending"], to: "paused" },
  resume: { from: ["paused"], to: "sending" },
  cancel: { from: ["sending", "paused"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly BroadcastState[]; to: BroadcastState }>;
export type BroadcastChange = keyof typeof CHANGES;

export type ChangeResult = { kind: "changed"; broadcast: Broadcast } | { kind: "unchanged"; broadcast: Broadcast | undefined };

/**
 * Pauses, resumes or cancels a broadcast, with its audit record, in one transaction. Pausing or
 * cancelling takes its messages that are still waiting back out of the outbox (their recipients
 * are to send again); those a worker has already taken go out.
 */
export async function changeBroadcast(db: Db, id: number, change: BroadcastChange, actorId: number, now: Date): Promise<ChangeResult> {
  const { from, to } = CHANGES[change];
  return db.transaction().execute(async (trx) => {
    const before = await findBroadcast(trx, id);
    const broadcast = await trx
      .updateTable("broadcasts")
      .set({ state: to })
      .where("id", "=", id)
      .where("state", "in", from)
      .returningAll()
      .executeTakeFirst();
    if (!before || !broadcast) return { kind: "unchanged", broadcast: before };
    if (to !== "sending") await withdrawWaiting(trx, id);
    await recordAudit(
      trx,
      { actorId, action: `broadcast.${change}`, subject: `broadcast:${id}`, centerId: broadcast.center_id, before: { state: before.state }, after: { state: to } },
      now,
    );
    return { kind: "changed", broadcast };
  });
}

/** Deletes a broadcast's messages that no worker has taken yet, and marks their recipients as still to send. */
async function withdrawWaiting(db: Db, broadcastId: number): Promise<void> {
  const withdrawn = await db
    .deleteFrom("outbox")
    .where("state", "=", "pending")
    .where("id", "in", (eb) =>
      eb
        .selectFrom("broadcast_recipients")
        .select("outbox_id")
        .where("broadcast_id", "=", broadcastId)
        .where("outcome", "is", null)
        .where("outbox_id", "is not", null)
        .$narrowType<{ outbox_id: number }>(),
    )
    .returning("id")
    .execute();
  const ids = withdrawn.map((r) => r.id);
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    await db
      .updateTable("broadcast_recipients")
      .set({ outbox_id: null })
      .where("broadcast_id", "=", broadcastId)
      .where("outcome", "is", null)
      .where("outbox_id", "in", ids.slice(i, i + IDS_PER_STATEMENT))
      .execute();
  }
}

/** Ids bound in one statement: far under SQLite's limit of bound parameters. */
const IDS_PER_STATEMENT = 500;

/**
 * Records what became of the broadcast's messages that have left the outbox's queue since the
 * last look, and adds them to its counters in the same transaction. A message Telegram refused
 * because the person blocked the bot counts as blocked; one that was given up, expired or
 * dropped (notifications turned off meanwhile) as failed. Returns how many outcomes it recorded.
 */
export async function collectOutcomes(db: Db, broadcastId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("broadcast_recipients as r")
      .leftJoin("outbox as o", "o.id", "r.outbox_id")
      .select(["r.user_id", "o.state", "o.last_error"])
      .where("r.broadcast_id", "=", broadcastId)
      .where("r.outcome", "is", null)
      .where("r.outbox_id", "is not", null)
      .execute();
    const byOutcome: Record<BroadcastOutcome, number[]> = { sent: [], failed: [], blocked: [] };
    for (const row of rows) {
      if (row.state === "pending" || row.state === "sending") continue;
      const outcome: BroadcastOutcome =
        row.state === "sent" ? "sent" : row.state === "cancelled" && row.last_error?.startsWith("403") ? "blocked" : "failed";
      byOutcome[outcome].push(row.user_id);
    }
    let recorded = 0;
    for (const [outcome, userIds] of Object.entries(byOutcome) as [BroadcastOutcome, number[]][]) {
      recorded += await recordOutcome(trx, broadcastId, userIds, outcome);
    }
    return recorded;
  });
}

/** Sets the outcome of recipients that have none yet and adds them to the counter of the same name. */
async function recordOutcome(db: Db, broadcastId: number, userIds: number[], outcome: BroadcastOutcome): Promise<number> {
  let recorded = 0;
  for (let i = 0; i < userIds.length; i += IDS_PER_STATEMENT) {
    const result = await db
      .updateTable("broadcast_recipients")
      .set({ outcome })
      .where("broadcast_id", "=", broadcastId)
      .where("user_id", "in", userIds.slice(i, i + IDS_PER_STATEMENT))
      .where("outcome", "is", null)
      .executeTakeFirst();
    recorded += Number(result.numUpdatedRows);
  }
  if (recorded > 0) {
    await db
      .updateTable("broadcasts")
      .set((eb) => ({ [outcome]: eb(eb.ref(outcome), "+", recorded) }))
      .where("id", "=", broadcastId)
      .execute();
  }
  return recorded;
}

/** The message of a broadcast as the outbox holds it: its text is read when it is sent. */
function broadcastNotice(broadcastId: number, recipientId: number, now: Date) {
  return {
    kind: "broadcast" as const,
    recipientId,
    dueAt: now,
    expiresAt: null,
    payload: { broadcastId },
    // One message per broadcast and person, however often the window is refilled.
    dedupeKey: `broadcast:${broadcastId}:${recipientId}`,
    essential: false,
    urgent: false,
  };
}

/**
 * Tops the broadcast's messages waiting in the outbox up to `window`, if it is sending: a window
 * at a time keeps the queue short, so that a reminder due meanwhile waits seconds behind a
 * broadcast, not hours, and a pause takes effect at once. Someone who blocked the bot since the
 * broadcast was confirmed is counted as blocked without a message. Returns how many messages it
 * added to the outbox.
 */
export async function feedBroadcast(db: Db, broadcastId: number, window: number, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // A write first, so that the transaction holds the write lock from its start: two processes
    // feeding the same broadcast take turns instead of failing on a lock upgrade.
    const sending = await trx
      .updateTable("broadcasts")
      .set({ state: "sending" })
      .where("id", "=", broadcastId)
      .where("state", "=", "sending")
      .executeTakeFirst();
    if (Number(sending.numUpdatedRows) === 0) return 0;
    const onTheirWay = await trx
      .selectFrom("broadcast_recipients")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("broadcast_id", "=", broadcastId)
      .where("outcome", "is", null)
      .where("outbox_id", "is not", null)
      .executeTakeFirstOrThrow();
    const room = window - Number(onTheirWay.n);
    if (room <= 0) return 0;
    const next = await trx
      .selectFrom("broadcast_recipients as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.user_id", "u.blocked_at"])
      .where("r.broadcast_id", "=", broadcastId)
      .where("r.outcome", "is", null)
      .where("r.outbox_id", "is", null)
      .limit(room)
      .execute();
    await recordOutcome(trx, broadcastId, next.filter((r) => r.blocked_at !== null).map((r) => r.user_id), "blocked");
    const reachable = next.filter((r) => r.blocked_at === null).map((r) => r.user_id);
    if (reachable.length === 0) return 0;
    const notices = reachable.map((userId) => broadcastNotice(broadcastId, userId, now));
    await enqueueAll(trx, notices, now);
    const rows = await trx
      .selectFrom("outbox")
      .select(["id", "recipient_id"])
      .where("dedupe_key", "in", notices.map((n) => n.dedupeKey))
      .execute();
    for (const row of rows) {
      await trx
        .updateTable("broadcast_recipients")
        .set({ outbox_id: row.id })
        .where("broadcast_id", "=", broadcastId)
        .where("user_id", "=", row.recipient_id)
        .execute();
    }
    return reachable.length;
  });
}

/** How many of a broadcast's recipients have no outcome yet, and how many of those are on their way. */
export async function openRecipients(db: Db, broadcastId: number): Promise<{ remaining: number; onTheirWay: number }> {
  const row = await db
    .selectFrom("broadcast_recipients")
    .select((eb) => [
      eb.fn.countAll<number>().as("remaining"),
      eb.fn.count<number>("outbox_id").as("onTheirWay"),
    ])
    .where("broadcast_id", "=", broadcastId)
    .where("outcome", "is", null)
    .executeTakeFirstOrThrow();
  return { remaining: Number(row.remaining), onTheirWay: Number(row.onTheirWay) };
}

/** The broadcasts a person was among the recipients of, for /mydata: which, when, and how it went. */
export async function exportBroadcastsReceived(db: Db, userId: number) {
  return db
    .selectFrom("broadcast_recipients as r")
    .innerJoin("broadcasts as b", "b.id", "r.broadcast_id")
    .select(["r.broadcast_id", "b.created_at", "r.outcome"])
    .where("r.user_id", "=", userId)
    .orderBy("r.broadcast_id")
    .execute();
}

/**
 * Marks a broadcast settled: a sending one with nobody left becomes done; a cancelled one is
 * settled once nothing of it is on its way. Returns the broadcast as it is now.
 */
export async function settleBroadcast(db: Db, broadcastId: number, now: Date): Promise<Broadcast> {
  const open = await openRecipients(db, broadcastId);
  const at = now.toISOString();
  if (open.remaining === 0) {
    await db
      .updateTable("broadcasts")
      .set({ state: "done", settled_at: at })
      .where("id", "=", broadcastId)
      .where("state", "=", "sending")
      .execute();
  }
  if (open.onTheirWay === 0) {
    await db.updateTable("broadcasts").set({ settled_at: at }).where("id", "=", broadcastId).where("state", "=", "cancelled").execute();
  }
  return (await findBroadcast(db, broadcastId))!;
}

/** Where the sender's progress message is, once it is sent. */
export async function recordProgressMessage(db: Db, broadcastId: number, message: { chatId: number; messageId: number; text: string }, now: Date): Promise<void> {
  await db
    .updateTable("broadcasts")
    .set({ progress_chat_id: message.chatId, progress_message_id: message.messageId, progress_text: message.text, progress_edited_at: now.toISOString() })
    .where("id", "=", broadcastId)
    .execute();
}

/** The progress message now shows `text`. */
export async function recordProgressShown(db: Db, broadcastId: number, text: string, now: Date): Promise<void> {
  await db.updateTable("broadcasts").set({ progress_text: text, progress_edited_at: now.toISOString() }).where("id", "=", broadcastId).execute();
}
