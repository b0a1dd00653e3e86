import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../src/paths.js";
import type { PacedRun, RoundFigures } from "./mix.js";

/** What the driver asks the bot's process to do, one request at a time. */
export type BotRequest =
  | { kind: "round"; firstId: number; count: number }
  | { kind: "paced"; firstId: number; count: number; thinkMs: [number, number] }
  | { kind: "scheduler"; runs: number }
  | { kind: "finish" };

/** The bot's process's answers, in the order of the requests. */
export type BotReply =
  | { kind: "ready" }
  | { kind: "round"; figures: RoundFigures }
  | { kind: "paced"; run: PacedRun }
  | { kind: "scheduler"; times: number[] }
  | { kind: "finished"; errorsLogged: number; peakRssMb: number }
  | { kind: "failed"; error: string };

/**
 * The production bot in a process of its own, on the database `url` names, with the simulated
 * people and Telegram answered inside it (`bot-main.ts`): what that process's peak RSS counts is
 * the bot, its database connection and the people's updates, not the driver, the ceilings or the
 * emulator.
 */
export class BotProcess {
  private waiting: { resolve: (reply: BotReply) => void; reject: (error: Error) => void } | undefined;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (reply: BotReply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (reply.kind === "failed") waiting?.reject(new Error(`the bot's process failed: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    child.on("exit", (code, signal) => {
      this.waiting?.reject(new Error(`the bot's process ended (${signal ?? `code ${code}`}) before it answered`));
      this.waiting = undefined;
    });
  }

  static async start(url: string): Promise<BotProcess> {
    const child = fork(fileURLToPath(new URL("./bot-main.js", import.meta.url)), [url], { serialization: "advanced", execArgv: startFlags() });
    const bot = new BotProcess(child);
    await bot.next();
    return bot;
  }

  /** The mix, then the same people looking around; ids of the round's people from `firstId`. */
  async round(firstId: number, count: number): Promise<RoundFigures> {
    const reply = await this.ask({ kind: "round", firstId, count });
    if (reply.kind !== "round") throw new Error(`the bot's process answered ${reply.kind} to a round`);
    return reply.figures;
  }

  /** The mix with new people at a person's pace, pausing `thinkMs` between steps; their ids from `firstId`. */
  async paced(firstId: number, count: number, thinkMs: [number, number]): Promise<PacedRun> {
    const reply = await this.ask({ kind: "paced", firstId, count, thinkMs });
    if (reply.kind !== "paced") throw new Error(`the bot's process answered ${reply.kind} to a paced run`);
    return reply.run;
  }

  /** Milliseconds of each of `runs` runs of the scheduler's job, after its first. */
  async schedulerRuns(runs: number): Promise<number[]> {
    const reply = await this.ask({ kind: "scheduler", runs });
    if (reply.kind !== "scheduler") throw new Error(`the bot's process answered ${reply.kind} to the scheduler's runs`);
    return reply.times;
  }

  /** Closes the bot's database and ends its process; the errors it logged and its peak RSS. */
  async finish(): Promise<{ errorsLogged: number; peakRssMb: number }> {
    const reply = await this.ask({ kind: "finish" });
    if (reply.kind !== "finished") throw new Error(`the bot's process answered ${reply.kind} to the finish`);
    return { errorsLogged: reply.errorsLogged, peakRssMb: reply.peakRssMb };
  }

  private ask(request: BotRequest): Promise<BotReply> {
    const reply = this.next();
    this.child.send(request);
    return reply;
  }

  private next(): Promise<BotReply> {
    if (this.waiting) throw new Error("one request at a time");
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

/** The flags `npm start` gives node (package.json's start script): the bot's process runs with them here too. */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
