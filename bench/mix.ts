import { setTimeout as sleep } from "node:timers/promises";
import type { Bot } from "grammy";
import type { AppContext } from "../src/bot/context.js";
import type { UpdateTracker } from "../src/bot/polling.js";
import { browse, SimulatedPerson, visit, type Step, type StepKind } from "./people.js";
import { percentile } from "./stats.js";
import type { InProcessTelegram } from "./telegram.js";

/** The latency of one run of the mix, and the updates it took; times in milliseconds. */
export interface LatencyFigures {
  updates: number;
  updates_per_s: number;
  p50_ms: number;
  p99_ms: number;
  tap_updates: number;
  tap_p50_ms: number;
  tap_p99_ms: number;
  flow_updates: number;
  flow_p50_ms: number;
  flow_p99_ms: number;
}

/** What one run of the mix measured with no pause between a person's steps. */
export interface MixFigures extends LatencyFigures {
  /** Wall time per update with every person at once: the cost the database size is judged by. */
  ms_per_update: number;
}

export interface MixRun {
  figures: MixFigures;
  /** Steps whose button was not on the person's screen: the visit went off its script. */
  offScript: string[];
}

/** How many times a step that repeats is tapped at most before the visit counts as off script. */
const MAX_REPEATS = 12;

/** A small seeded generator (mulberry32) of numbers in [0, 1): the same person pauses alike in every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Every person goes through their script at once, each waiting for the bot's answer before the
 * next step, as polling hands updates over in production: one chat's in order, chats side by
 * side, each through the tracker that polling uses. With `thinkMs`, a person reads the screen
 * before each update, for a time drawn between its two bounds; the first pause also spreads the
 * first updates, so that the people do not all start in the same instant.
 */
export async function runMix(
  created: { bot: Bot<AppContext>; tracker: UpdateTracker },
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
  script: (n: number) => Step[],
  thinkMs?: readonly [number, number],
): Promise<MixRun> {
  const timings: Record<StepKind, number[]> = { flow: [], tap: [] };
  const offScript: string[] = [];
  const walk = async (n: number) => {
    const person = new SimulatedPerson(people.firstId + n, telegram);
    const random = seededRandom(person.user.id);
    for (const step of script(n)) {
      const until = "until" in step ? step.until : undefined;
      for (let taps = 0; taps < (until ? MAX_REPEATS : 1); taps++) {
        if (thinkMs) await sleep(thinkMs[0] + random() * (thinkMs[1] - thinkMs[0]));
        const update = person.updateFor(step);
        if (typeof update === "string") {
          if ("optional" in step && step.optional) break;
          offScript.push(update);
          return;
        }
        const start = performance.now();
        await created.tracker.handle(created.bot, update);
        timings[step.kind].push(performance.now() - start);
        if (until && person.sees(until)) break;
      }
      if (until && !person.sees(until)) {
        offScript.push(`still no button ${String(until)} after ${MAX_REPEATS} taps, among ${person.screen().join(" | ")}`);
        return;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: people.count }, (_, n) => walk(n)));
  const wallMs = performance.now() - start;
  const all = [...timings.flow, ...timings.tap];
  return {
    figures: {
      updates: all.length,
      updates_per_s: (all.length / wallMs) * 1000,
      p50_ms: percentile(all, 50),
      p99_ms: percentile(all, 99),
      tap_updates: timings.tap.length,
      tap_p50_ms: percentile(timings.tap, 50),
      tap_p99_ms: percentile(timings.tap, 99),
      flow_updates: timings.flow.length,
      flow_p50_ms: percentile(timings.flow, 50),
      flow_p99_ms: percentile(timings.flow, 99),
      ms_per_update: wallMs / all.length,
    },
    offScript,
  };
}

/** Steps that went off script, with the first of them described. */
export interface OffScript {
  offScript: number;
  firstOffScript: string | undefined;
}

const offScriptOf = (runs: MixRun[]): OffScript => {
  const steps = runs.flatMap((r) => r.offScript);
  return { offScript: steps.length, firstOffScript: steps[0] };
};

/** What a round measured: the mix, then the same people looking around (one-tap only). */
export interface RoundFigures extends OffScript {
  mix: MixFigures;
  taps: MixFigures;
}

/** The mix, then the same people looking around; ids of the round's people from `firstId`. */
export async function runRound(
  created: { bot: Bot<AppContext>; tracker: UpdateTracker },
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
): Promise<RoundFigures> {
  const mix = await runMix(created, telegram, people, visit);
  const taps = await runMix(created, telegram, people, browse);
  return { mix: mix.figures, taps: taps.figures, ...offScriptOf([mix, taps]) };
}

/** What the mix at a person's pace measured. */
export interface PacedRun extends OffScript {
  figures: LatencyFigures;
}

/**
 * The mix with new people, each pausing `thinkMs` between steps: wall time per update is then
 * mostly the pauses, and is left out.
 */
export async function runPaced(
  created: { bot: Bot<AppContext>; tracker: UpdateTracker },
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
  thinkMs: readonly [number, number],
): Promise<PacedRun> {
  const run = await runMix(created, telegram, people, visit, thinkMs);
  const { ms_per_update, ...figures } = run.figures;
  return { figures, ...offScriptOf([run]) };
}
