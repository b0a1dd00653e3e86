import { sql } from "kysely";
import type { Update } from "grammy/types";
import { conversationKey } from "../../src/db/conversation-state.js";
import { dialectOf } from "../../src/db/dialect.js";
import type { ApiCall, Harness } from "./harness.js";

/** A person's flows as saved between two updates (what each update replays), if any. */
export async function storedFlow(h: Pick<Harness, "db">, userId: number): Promise<string | undefined> {
  const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(userId)).executeTakeFirst();
  return row?.value;
}

const STATE_WRITES = ["insert", "update", "delete"] as const;

/**
 * Handles `update` as if the process died right after the flow's own writes: what the flow wrote
 * stays, but its state cannot be saved (the database refuses), so the next update replays the
 * flow from the step it was at before. Returns the calls the update made.
 */
export async function handleWithFlowStateLost(h: Pick<Harness, "db" | "bot" | "calls">, update: Update): Promise<ApiCall[]> {
  const postgres = dialectOf(h.db) === "postgres";
  if (postgres) {
    await sql`create function state_lost() returns trigger language plpgsql as $$
      begin raise exception 'disk I/O error'; end $$`.execute(h.db);
    await sql`create trigger state_lost before insert or update or delete on conversation_state
      for each row execute function state_lost()`.execute(h.db);
  } else {
    for (const event of STATE_WRITES) {
      await sql`create trigger state_lost_${sql.raw(event)} before ${sql.raw(event)} on conversation_state
        begin select raise(abort, 'disk I/O error'); end`.execute(h.db);
    }
  }
  const from = h.calls.length;
  try {
    await h.bot.handleUpdate(update).catch((err) => h.bot.errorHandler(err));
  } finally {
    if (postgres) {
      await sql`drop trigger state_lost on conversation_state`.execute(h.db);
      await sql`drop function state_lost()`.execute(h.db);
    } else {
      for (const event of STATE_WRITES) await sql`drop trigger ${sql.raw(`state_lost_${event}`)}`.execute(h.db);
    }
  }
  return h.calls.slice(from);
}
