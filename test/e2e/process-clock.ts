import { renameSync, writeFileSync } from "node:fs";

/**
 * What the bot process loads before its own code: `Date` reads the system clock plus an offset
 * kept in a file, read again whenever the file changes.
 */
function shiftedDateModule(file: string): string {
  return `
import { readFileSync, watchFile } from "node:fs";
const file = ${JSON.stringify(file)};
let offset = 0;
const read = () => {
  const text = readFileSync(file, "utf8").trim();
  if (/^-?[0-9]+$/.test(text)) offset = Number(text);
};
read();
watchFile(file, { interval: 20, persistent: false }, read);
const SystemDate = Date;
globalThis.Date = class extends SystemDate {
  constructor(...args) {
    if (args.length === 0) super(SystemDate.now() + offset);
    else super(...args);
  }
  static now() {
    return SystemDate.now() + offset;
  }
};
`;
}

/**
 * The clock of a bot process, set and moved by the test, where the bot's own clock is the
 * system's: a reminder hours ahead falls due within the test, and the time of day is always
 * the one the test chose, never the quiet hours of a night run.
 */
export class ProcessClock {
  private offsetMs: number;

  /** Runs from `start` on, kept in `file` (a file of the test's own folder). */
  constructor(
    private readonly file: string,
    start: Date,
  ) {
    this.offsetMs = start.getTime() - Date.now();
    this.save();
  }

  /** The variables that make a bot process keep this clock (with the rest of its configuration). */
  get env(): Record<string, string> {
    return { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(shiftedDateModule(this.file))}` };
  }

  /** The time the process reads now. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the process's time forward by `ms`; the process sees it within a few milliseconds. */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.save();
  }

  /** Written aside and renamed into place, so that the process never reads half a number. */
  private save(): void {
    writeFileSync(`${this.file}.new`, String(Math.round(this.offsetMs)));
    renameSync(`${this.file}.new`, this.file);
  }
}
