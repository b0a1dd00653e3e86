import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../src/paths.js";
import { fillWithHistory } from "../test/support/volume.js";
import { BotProcess } from "./bot-process.js";
import { bareConversation, bareGrammy, postgresKeyValue, sqliteKeyValue, type CeilingFigures, type KeyValueTable } from "./ceilings.js";
import type { MixFigures, OffScript, LatencyFigures } from "./mix.js";
import { benchOptions, POSTGRES_VARIABLE } from "./options.js";
import { dispatchThrottled, dispatchUnthrottled, type OutboxFigures } from "./outbox.js";
import { visit } from "./people.js";
import { PostgresServer } from "./postgres.js";
import { newBenchDatabase, openBenchStore, type Store } from "./setup.js";
import { spreadOf, spreadsOf } from "./stats.js";
import { InProcessTelegram } from "./telegram.js";
import { judge, table, type BenchResults, type DatabaseFigures } from "./targets.js";

const options = benchOptions(process.argv.slice(2), process.env);
const PEOPLE = options.people;
const REPEATS = options.repeats;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Updates a person sends in the mix: the ceilings walk the same number of steps. */
const STEPS = visit(0).length;

/** Says what went off script in a run. */
function sayOffScript<T extends OffScript>(figures: T): T {
  if (figures.offScript > 0) say(`  ${figures.offScript} steps off script, e.g. ${figures.firstOffScript}`);
  return figures;
}

/** A round in the bot's process (the mix, then the same people looking around). */
async function round(bot: BotProcess, firstId: number, count = PEOPLE) {
  return sayOffScript(await bot.round(firstId, count));
}

/**
 * The mix with its two ceilings, the mix at a person's pace and the scheduler, then the mix on
 * a database with years of history: on SQLite files, or on new databases of `server`'s. The bot runs in a process of its
 * own for each database; the ceilings and the filling run here.
 */
async function measureDatabase(server: PostgresServer | undefined): Promise<DatabaseFigures> {
  const where = server ? "PostgreSQL" : "SQLite";
  const tmp = mkdtempSync(join(tmpdir(), "jastar-bench-kv-"));
  // The bare conversation keeps its state where the bot keeps its own: a new file for each
  // walk, or a table in a database of its own on the same server.
  const kv = server ? await server.newDatabase() : undefined;
  const keyValue = async (name: string): Promise<KeyValueTable> => (kv ? postgresKeyValue(kv.url) : sqliteKeyValue(join(tmp, `${name}.db`)));
  try {
    // (a), (b): the mix on an empty database, and the two ceilings, side by side in each
    // repetition; then new people walking the mix at a person's pace, whose latency the targets judge.
    say(`${where}: mix of ${PEOPLE} people, ${REPEATS} times, with the two ceilings and at a person's pace...`);
    const empty = await newBenchDatabase(server);
    await (await openBenchStore(empty.url)).close();
    const bot = await BotProcess.start(empty.url);
    // Warm-up, not measured: a running bot has compiled its code long ago.
    await round(bot, 9_000_000, 20);
    await bareGrammy(new InProcessTelegram(), { count: 20, firstId: 9_000_000 }, STEPS);
    await bareConversation(new InProcessTelegram(), { count: 20, firstId: 9_000_000 }, STEPS, await keyValue("warm"));
    const runs: { mix: MixFigures; taps: MixFigures; grammy: CeilingFigures; conversation: CeilingFigures; offScript: number }[] = [];
    const paced: { figures: LatencyFigures; offScript: number }[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const firstId = 1_000_000 + r * 10_000;
      const grammy = await bareGrammy(new InProcessTelegram(), { count: PEOPLE, firstId }, STEPS);
      const conversation = await bareConversation(new InProcessTelegram(), { count: PEOPLE, firstId }, STEPS, await keyValue(`kv-${r}`));
      runs.push({ ...(await round(bot, firstId)), grammy, conversation });
      paced.push(sayOffScript(await bot.paced(2_000_000 + r * 10_000, PEOPLE, options.thinkMs)));
      const latest = paced[r]!.figures;
      say(`  run ${r + 1}: mix ${runs[r]!.mix.updates_per_s.toFixed(0)} updates/s; paced p99 ${latest.tap_p99_ms.toFixed(1)} ms one-tap, ${latest.flow_p99_ms.toFixed(1)} ms conversation`);
    }
    const schedulerEmpty = await bot.schedulerRuns(REPEATS);
    const emptyEnd = await bot.finish();
    await empty.remove();

    // (c): the same mix on a database with years of history.
    say(`${where}: history: ${options.historyPeople} people, ${options.historyBookings} bookings...`);
    const full = await newBenchDatabase(server);
    const store = await openBenchStore(full.url);
    const fillStart = performance.now();
    await fillWithHistory(
      store.db,
      {
        people: options.historyPeople,
        bookings: options.historyBookings,
        // For each million bookings: 200,000 outbox messages, 20,000 tea-talk sessions (200,000
        // seats taken) and 500,000 practice answers; an idle flow for one person in ten.
        outbox: options.historyBookings / 5,
        teaTalks: options.historyBookings / 50,
        practiceReviews: options.historyBookings / 2,
        idleFlows: options.historyPeople / 10,
        firstPersonId: 50_000_000,
      },
      new Date(),
    );
    const fillSeconds = (performance.now() - fillStart) / 1000;
    await store.close();
    say(`  filled in ${fillSeconds.toFixed(0)} s`);
    const fullBot = await BotProcess.start(full.url);
    await round(fullBot, 9_100_000, 20);
    const fullRuns = [];
    for (let r = 0; r < REPEATS; r++) fullRuns.push(await round(fullBot, 3_000_000 + r * 10_000));
    const schedulerFull = await fullBot.schedulerRuns(REPEATS);
    const fullEnd = await fullBot.finish();
    await full.remove();

    return {
      mix: {
        ...spreadsOf(runs.map((r) => r.mix)),
        ratio_to_bare_conversation: spreadOf(runs.map((r) => r.mix.updates_per_s / r.conversation.updates_per_s)),
        steps_off_script: runs.reduce((sum, r) => sum + r.offScript, 0),
        errors_logged: emptyEnd.errorsLogged,
      },
      paced: {
        think_ms: options.thinkMs,
        people: PEOPLE,
        ...spreadsOf(paced.map((r) => r.figures)),
        steps_off_script: paced.reduce((sum, r) => sum + r.offScript, 0),
      },
      one_tap: { ...spreadsOf(runs.map((r) => r.taps)), ratio_to_bare_grammy: spreadOf(runs.map((r) => r.taps.updates_per_s / r.grammy.updates_per_s)) },
      bare_grammy: spreadsOf(runs.map((r) => r.grammy)),
      bare_conversation: spreadsOf(runs.map((r) => r.conversation)),
      scheduler_run_ms: spreadOf(schedulerEmpty),
      rss_mb: emptyEnd.peakRssMb,
      history: {
        fill_s: fillSeconds,
        mix: spreadsOf(fullRuns.map((r) => r.mix)),
        cost_ratio_1m_bookings: spreadOf(fullRuns.map((r, i) => r.mix.ms_per_update / runs[i]!.mix.ms_per_update)),
        one_tap_cost_ratio_1m_bookings: spreadOf(fullRuns.map((r, i) => r.taps.ms_per_update / runs[i]!.taps.ms_per_update)),
        scheduler_run_ms: spreadOf(schedulerFull),
        scheduler_cost_ratio_1m_bookings: spreadOf(schedulerFull).median / spreadOf(schedulerEmpty).median,
        steps_off_script: fullRuns.reduce((sum, r) => sum + r.offScript, 0),
        errors_logged: fullEnd.errorsLogged,
        rss_mb: fullEnd.peakRssMb,
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await kv?.remove();
  }
}

/** The same figures on PostgreSQL, when a server is given. */
async function measurePostgres(): Promise<BenchResults["postgres"]> {
  if (!options.postgres) {
    const skipped = `no server given: --postgres or ${POSTGRES_VARIABLE}`;
    say(`PostgreSQL: skipped (${skipped})`);
    return { skipped };
  }
  const server = new PostgresServer(options.postgres);
  try {
    return { server_version: await server.version(), ...(await measureDatabase(server)) };
  } finally {
    await server.close();
  }
}

/** `work` on a new SQLite store with the demo data, removed afterwards. */
async function onNewStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const database = await newBenchDatabase();
  const store = await openBenchStore(database.url);
  try {
    return await work(store);
  } finally {
    await store.close();
    await database.remove();
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const onMachine = machine();
  const sqlite = await measureDatabase(undefined);
  const postgres = await measurePostgres();

  // (e): the outbox, against Telegram's limit and without any.
  say(`outbox: ${options.outboxMessages} messages at Telegram's 30 a second, ${REPEATS} times (about ${Math.ceil((REPEATS * options.outboxMessages) / 30 / 60)} minutes)...`);
  const throttled: OutboxFigures[] = [];
  let errorsThrottled = 0;
  for (let r = 0; r < REPEATS; r++) {
    throttled.push(
      await onNewStore(async (store) => {
        const figures = await dispatchThrottled(store, options.outboxMessages, 20_000_000);
        errorsThrottled += store.errors.count;
        return figures;
      }),
    );
    say(`  run ${r + 1}: ${throttled[r]!.msgs_per_s.toFixed(1)} msgs/s`);
  }
  say(`outbox: ${options.outboxMessages} messages without a limit, ${REPEATS} times...`);
  const unthrottled: OutboxFigures[] = [];
  for (let r = 0; r < REPEATS; r++) unthrottled.push(await onNewStore((store) => dispatchUnthrottled(store, options.outboxMessages, 20_000_000)));

  const results: BenchResults = {
    date: started.toISOString(),
    machine: onMachine,
    options: {
      people: PEOPLE,
      repeats: REPEATS,
      steps_per_person: STEPS,
      outbox_messages: options.outboxMessages,
      history_people: options.historyPeople,
      history_bookings: options.historyBookings,
    },
    ...sqlite,
    outbox_throttled: { ...spreadsOf(throttled), limit_per_s: 30, errors_logged: errorsThrottled },
    outbox_unthrottled: spreadsOf(unthrottled),
    postgres,
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
