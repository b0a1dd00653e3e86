import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/database.js";
import type { Logger } from "./logger.js";

/** What the bot's handlers and the scheduler alike work with; built once in main. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  clock: Clock;
}
