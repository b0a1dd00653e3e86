import type { Api, Bot } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { AppContext } from "../../src/bot/context.js";
import { UpdateTracker, type HandledUpdateNotes } from "../../src/bot/polling.js";

/** Telegram's side of getUpdates: it keeps every update until an offset passes it. */
function telegramQueue(ids: number[]) {
  let queue = ids.map((update_id) => ({ update_id }));
  const offsets: number[] = [];
  const api = {
    getUpdates: async ({ offset }: { offset: number }) => {
      offsets.push(offset);
      queue = queue.filter((u) => u.update_id >= offset);
      return queue;
    },
  } as unknown as Api;
  return { api, offsets, add: (id: number) => queue.push({ update_id: id }) };
}

/** A bot whose updates finish when the test says so. */
function controllableBot() {
  const finish = new Map<number, () => void>();
  const bot = {
    handleUpdate: (update: Update) => new Promise<void>((resolve) => finish.set(update.update_id, resolve)),
    errorHandler: async () => undefined,
  } as unknown as Bot<AppContext>;
  return { bot, finish: (id: number) => finish.get(id)!() };
}

/** The notes as the database keeps them: they outlive the process that wrote them. */
function notesKept() {
  const noted = new Set<number>();
  const notes: HandledUpdateNotes = {
    remember: async (id) => void noted.add(id),
    forgetBelow: async (offset) => {
      for (const id of noted) if (id < offset) noted.delete(id);
    },
  };
  return { notes, noted };
}

const signal = new AbortController().signal as unknown as Parameters<UpdateTracker["fetch"]>[2];
const ids = (updates: Update[]) => updates.map((u) => u.update_id);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the update tracker", () => {
  it("never confirms past an update still being handled, and takes each update once", async () => {
    const telegram = telegramQueue([1, 2]);
    const { bot, finish } = controllableBot();
    const tracker = new UpdateTracker();

    const first = await tracker.fetch(telegram.api, 100, signal);
    expect(ids(first)).toEqual([1, 2]);
    const handled = first.map((u) => tracker.handle(bot, u));
    finish(1);
    await tick();

    // Update 2 is still being handled: it stays with Telegram, and is not taken a second time.
    telegram.add(3);
    expect(ids(await tracker.fetch(telegram.api, 100, signal))).toEqual([3]);
    expect(telegram.offsets.at(-1)).toBe(2);
    expect(tracker.offset).toBe(2);

    const third = tracker.handle(bot, { update_id: 3 });
    finish(3);
    await third;
    expect(tracker.offset).toBe(2);
    finish(2);
    await Promise.all(handled);
    expect(tracker.offset).toBe(4);
    expect(ids(await tracker.fetch(telegram.api, 100, signal))).toEqual([]);
    expect(telegram.offsets.at(-1)).toBe(4);
  });

  it("notes each update as it is handled, so that the next start skips it even after a crash", async () => {
    const telegram = telegramQueue([5, 6]);
    const { bot, finish } = controllableBot();
    const { notes, noted } = notesKept();
    const crashed = new UpdateTracker(notes);
    const [five, six] = await crashed.fetch(telegram.api, 100, signal);
    // The process dies with update 5 still in hand and 6 done: a killed process says nothing more.
    void crashed.handle(bot, five!);
    const sixDone = crashed.handle(bot, six!);
    finish(6);
    await sixDone;
    expect([...noted]).toEqual([6]);

    const restarted = new UpdateTracker(notes);
    restarted.skip([...noted]);
    expect(ids(await restarted.fetch(telegram.api, 100, signal))).toEqual([5]);
    expect(restarted.offset).toBe(5);
    const again = restarted.handle(bot, five!);
    finish(5);
    await again;
    // Past both: the skipped update is not asked for again.
    expect(restarted.offset).toBe(7);
    expect(ids(await restarted.fetch(telegram.api, 100, signal))).toEqual([]);
    expect(telegram.offsets.at(-1)).toBe(7);
    // Confirmed to Telegram: nothing needs skipping any more.
    expect([...noted]).toEqual([]);
  });

  it("once stopping, starts nothing new and leaves it for after the restart", async () => {
    const tracker = new UpdateTracker();
    const ran: number[] = [];
    const ctx = (update_id: number) => ({ update: { update_id } }) as AppContext;
    await tracker.middleware(ctx(7), async () => void ran.push(7));
    tracker.stop();
    await tracker.middleware(ctx(8), async () => void ran.push(8));

    expect(ran).toEqual([7]);
    expect(tracker.isLeftOver(7)).toBe(false);
    expect(tracker.isLeftOver(8)).toBe(true);
  });
});
