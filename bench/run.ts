import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/paths.js";
import { fillWithHistory } from "../test/support/volume.js";
import { bareConversation, bareGrammy, type CeilingFigures } from "./ceilings.js";
import { runMix, type MixFigures } from "./mix.js";
import { dispatchThrottled, dispatchUnthrottled, type OutboxFigures } from "./outbox.js";
import { browse, visit } from "./people.js";
import { timeSchedulerRuns } from "./scheduler.js";
import { benchBot, openBenchStore, type Store } from "./setup.js";
import { spreadOf, spreadsOf } from "./stats.js";
import { InProcessTelegram } from "./telegram.js";
import { judge, table, type BenchResults } from "./targets.js";

const { values: args } = parseArgs({
  options: {
    people: { type: "string", default: "200" },
    repeats: { type: "string", default: "3" },
    "outbox-messages": { type: "string", default: "20000" },
    "history-people": { type: "string", default: "100000" },
    "history-bookings": { type: "string", default: "1000000" },
  },
});
const PEOPLE = Number(args.people);
const REPEATS = Number(args.repeats);
const OUTBOX_MESSAGES = Number(args["outbox-messages"]);
const HISTORY_PEOPLE = Number(args["history-people"]);
const HISTORY_BOOKINGS = Number(args["history-bookings"]);

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const say = (line: string) => process.stderr.write(`${line}\n`);

/** The mix, then the same people looking around, on one store; ids of this repetition's people from `firstId`. */
async function mixOn(store: Store, telegram: InProcessTelegram, bot: ReturnType<typeof benchBot>, firstId: number, count = PEOPLE) {
  const mix = await runMix(bot, telegram, { count, firstId }, visit);
  const taps = await runMix(bot, telegram, { count, firstId }, browse);
  const offScript = [...mix.offScript, ...taps.offScript];
  if (offScript.length > 0) say(`  ${offScript.length} steps off script, e.g. ${offScript[0]}`);
  return { mix: mix.figures, taps: taps.figures, offScript: offScript.length };
}

/** Updates a person sends in the mix: the ceilings walk the same number of steps. */
const STEPS = visit(0).length;

async function main(): Promise<void> {
  const started = new Date();
  const tmp = mkdtempSync(join(tmpdir(), "jastar-bench-kv-"));

  // (a), (b): the mix on an empty database, and the two ceilings, side by side in each repetition.
  say(`mix of ${PEOPLE} people, ${REPEATS} times, with the two ceilings...`);
  const empty = await openBenchStore();
  const telegram = new InProcessTelegram();
  const bot = benchBot(empty, telegram);
  // Warm-up, not measured: a running bot has compiled its code long ago.
  await mixOn(empty, telegram, bot, 9_000_000, 20);
  await bareGrammy(new InProcessTelegram(), { count: 20, firstId: 9_000_000 }, STEPS);
  await bareConversation(new InProcessTelegram(), { count: 20, firstId: 9_000_000 }, STEPS, join(tmp, "warm.db"));
  const runs: { mix: MixFigures; taps: MixFigures; grammy: CeilingFigures; conversation: CeilingFigures; offScript: number }[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const firstId = 1_000_000 + r * 10_000;
    const grammy = await bareGrammy(new InProcessTelegram(), { count: PEOPLE, firstId }, STEPS);
    const conversation = await bareConversation(new InProcessTelegram(), { count: PEOPLE, firstId }, STEPS, join(tmp, `kv-${r}.db`));
    runs.push({ ...(await mixOn(empty, telegram, bot, firstId)), grammy, conversation });
    say(`  run ${r + 1}: mix ${runs[r]!.mix.updates_per_s.toFixed(0)} updates/s`);
  }
  const schedulerEmpty = await timeSchedulerRuns(empty, REPEATS);
  const errorsEmpty = empty.errors.count;
  await empty.close();
  const rssMb = peakRssMb();

  // (e): the outbox, against Telegram's limit and without any.
  say(`outbox: ${OUTBOX_MESSAGES} messages at Telegram's 30 a second, ${REPEATS} times (about ${Math.ceil((REPEATS * OUTBOX_MESSAGES) / 30 / 60)} minutes)...`);
  const throttled: OutboxFigures[] = [];
  let errorsThrottled = 0;
  for (let r = 0; r < REPEATS; r++) {
    const store = await openBenchStore();
    throttled.push(await dispatchThrottled(store, OUTBOX_MESSAGES, 20_000_000));
    errorsThrottled += store.errors.count;
    await store.close();
    say(`  run ${r + 1}: ${throttled[r]!.msgs_per_s.toFixed(1)} msgs/s`);
  }
  say(`outbox: ${OUTBOX_MESSAGES} messages without a limit, ${REPEATS} times...`);
  const unthrottled: OutboxFigures[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const store = await openBenchStore();
    unthrottled.push(await dispatchUnthrottled(store, OUTBOX_MESSAGES, 20_000_000));
    await store.close();
  }

  // (c): the same mix on a database with years of history.
  say(`history: ${HISTORY_PEOPLE} people, ${HISTORY_BOOKINGS} bookings...`);
  const full = await openBenchStore();
  const fillStart = performance.now();
  await fillWithHistory(
    full.db,
    {
      people: HISTORY_PEOPLE,
      bookings: HISTORY_BOOKINGS,
      // For each million bookings: 200,000 outbox messages, 20,000 tea-talk sessions (200,000
      // seats taken) and 500,000 practice answers; an idle flow for one person in ten.
      outbox: HISTORY_BOOKINGS / 5,
      teaTalks: HISTORY_BOOKINGS / 50,
      practiceReviews: HISTORY_BOOKINGS / 2,
      idleFlows: HISTORY_PEOPLE / 10,
      firstPersonId: 50_000_000,
    },
    new Date(),
  );
  const fillSeconds = (performance.now() - fillStart) / 1000;
  say(`  filled in ${fillSeconds.toFixed(0)} s`);
  const fullTelegram = new InProcessTelegram();
  const fullBot = benchBot(full, fullTelegram);
  await mixOn(full, fullTelegram, fullBot, 9_100_000, 20);
  const fullRuns: { mix: MixFigures; taps: MixFigures; offScript: number }[] = [];
  for (let r = 0; r < REPEATS; r++) fullRuns.push(await mixOn(full, fullTelegram, fullBot, 3_000_000 + r * 10_000));
  const schedulerFull = await timeSchedulerRuns(full, REPEATS);
  const errorsFull = full.errors.count;
  await full.close();
  rmSync(tmp, { recursive: true, force: true });

  const mix = spreadsOf(runs.map((r) => r.mix));
  const taps = spreadsOf(runs.map((r) => r.taps));
  const mixFull = spreadsOf(fullRuns.map((r) => r.mix));
  const results: BenchResults = {
    date: started.toISOString(),
    machine: machine(),
    options: { people: PEOPLE, repeats: REPEATS, steps_per_person: STEPS, outbox_messages: OUTBOX_MESSAGES, history_people: HISTORY_PEOPLE, history_bookings: HISTORY_BOOKINGS },
    mix: {
      ...mix,
      ratio_to_bare_conversation: spreadOf(runs.map((r) => r.mix.updates_per_s / r.conversation.updates_per_s)),
      steps_off_script: runs.reduce((sum, r) => sum + r.offScript, 0),
      errors_logged: errorsEmpty,
    },
    one_tap: { ...taps, ratio_to_bare_grammy: spreadOf(runs.map((r) => r.taps.updates_per_s / r.grammy.updates_per_s)) },
    bare_grammy: spreadsOf(runs.map((r) => r.grammy)),
    bare_conversation: spreadsOf(runs.map((r) => r.conversation)),
    scheduler_run_ms: spreadOf(schedulerEmpty),
    rss_mb: rssMb,
    outbox_throttled: { ...spreadsOf(throttled), limit_per_s: 30, errors_logged: errorsThrottled },
    outbox_unthrottled: spreadsOf(unthrottled),
    history: {
      fill_s: fillSeconds,
      mix: mixFull,
      cost_ratio_1m_bookings: spreadOf(fullRuns.map((r, i) => r.mix.ms_per_update / runs[i]!.mix.ms_per_update)),
      one_tap_cost_ratio_1m_bookings: spreadOf(fullRuns.map((r, i) => r.taps.ms_per_update / runs[i]!.taps.ms_per_update)),
      scheduler_run_ms: spreadOf(schedulerFull),
      scheduler_cost_ratio_1m_bookings: spreadOf(schedulerFull).median / spreadOf(schedulerEmpty).median,
      steps_off_script: fullRuns.reduce((sum, r) => sum + r.offScript, 0),
      errors_logged: errorsFull,
      rss_mb: peakRssMb(),
    },
  };
  const verdicts = judge(results);
  const dir = join(projectRoot(), "bench", "results");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${started.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(path, `${JSON.stringify({ ...results, targets: verdicts }, null, 2)}\n`);
  process.stdout.write(`${table(results, verdicts)}\n\nfigures written to ${path}\n`);
}

/** What the figures were measured on. */
function machine() {
  const model = /^model name\s*:\s*(.+)$/m.exec(safeRead("/proc/cpuinfo"))?.[1] ?? cpus()[0]?.model ?? "unknown";
  return {
    cores: cpus().length,
    cpu: model,
    ram_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine slows every figure alike: the load when the run began says how much.
    load_average_1m: loadavg()[0]!,
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

await main();
