import type { BotReply, BotRequest } from "./bot-process.js";
import { runPaced, runRound } from "./mix.js";
import { timeSchedulerRuns } from "./scheduler.js";
import { benchBot, openStoreAt } from "./setup.js";
import { InProcessTelegram } from "./telegram.js";

// The bot's own process in the benchmark (see `BotProcess`): the store opened and the bot built
// as in production, then the driver's requests answered one by one.

const send = (reply: BotReply) => process.send!(reply);
const store = await openStoreAt(process.argv[2]!);
const telegram = new InProcessTelegram();
const bot = benchBot(store, telegram);

async function answer(request: BotRequest): Promise<BotReply> {
  switch (request.kind) {
    case "round":
      return { kind: "round", figures: await runRound(bot, telegram, { count: request.count, firstId: request.firstId }) };
    case "paced":
      return { kind: "paced", run: await runPaced(bot, telegram, { count: request.count, firstId: request.firstId }, request.thinkMs) };
    case "scheduler":
      return { kind: "scheduler", times: await timeSchedulerRuns(store, request.runs) };
    case "finish":
      await store.close();
      return { kind: "finished", errorsLogged: store.errors.count, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
}

process.on("message", (request: BotRequest) => {
  answer(request).then(
    (reply) => {
      send(reply);
      if (reply.kind === "finished") process.disconnect();
    },
    (error: unknown) => send({ kind: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
// Without its driver there is nothing left to measure, whatever was in flight.
process.on("disconnect", () => process.exit());
send({ kind: "ready" });
