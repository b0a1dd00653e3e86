import type { Bot } from "grammy";
import type { AppContext } from "../src/bot/context.js";
import type { UpdateTracker } from "../src/bot/polling.js";
import { browse, SimulatedPerson, visit, type Step, type StepKind } from "./people.js";
import { percentile } from "./stats.js";
import type { InProcessTelegram } from "./telegram.js";

/** What one run of the mix measured; times in milliseconds. */
export interface MixFigures {
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

/**
 * Every person goes through their script at once, each waiting for the bot's answer before the
 * next step, as polling hands updates over in production: one chat's in order, chats side by
 * side, each through the tracker that polling uses.
 */
export async function runMix(
  created: { bot: Bot<AppContext>; tracker: UpdateTracker },
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
  script: (n: number) => Step[],
): Promise<MixRun> {
  const timings: Record<StepKind, number[]> = { flow: [], tap: [] };
  const offScript: string[] = [];
  const walk = async (n: number) => {
    const person = new SimulatedPerson(people.firstId + n, telegram);
    for (const step of script(n)) {
      const until = "until" in step ? step.until : undefined;
      for (let taps = 0; taps < (until ? MAX_REPEATS : 1); taps++) {
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

/** What a round measured: the mix, then the same people looking around (one-tap only). */
export interface RoundFigures {
  mix: MixFigures;
  taps: MixFigures;
  /** Steps that went off script in both, with the first of them described. */
  offScript: number;
  firstOffScript: string | undefined;
}

/** The mix, then the same people looking around; ids of the round's people from `firstId`. */
export async function runRound(
  created: { bot: Bot<AppContext>; tracker: UpdateTracker },
  telegram: InProcessTelegram,
  people: { count: number; firstId: number },
): Promise<RoundFigures> {
  const mix = await runMix(created, telegram, people, visit);
  const taps = await runMix(created, telegram, people, browse);
  const offScript = [...mix.offScript, ...taps.offScript];
  return { mix: mix.figures, taps: taps.figures, offScript: offScript.length, firstOffScript: offScript[0] };
}
