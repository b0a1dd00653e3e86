import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createI18n } from "../../src/bot/i18n.js";
import type { DistrictCode } from "../../src/domain/districts.js";
import { htmlToPlainText } from "../../src/emulator/bot-api-emulator.js";
import { BotProcess } from "./bot-process.js";

/** How long one step on the page (or the sandbox's start) may take. */
export const STEP_MS = 15_000;

const i18n = createI18n();
/** A locale text in Kazakh as the person reads it on the page. */
export const kk = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("kk", key, vars));
/** A locale text in Russian as the person reads it on the page. */
export const ru = (key: string, vars?: Record<string, string | number>) => htmlToPlainText(i18n.t("ru", key, vars));

/** How many pixels the page is wider than its window: more than 0 means something sticks out sideways. */
export const SIDEWAYS_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

/** How many pixels of the chat are below what it shows. */
export const UNSEEN_BELOW = "(chat => chat.scrollHeight - chat.scrollTop - chat.clientHeight)(document.querySelector('#chat'))";

/**
 * The browser named by the variable `pathVariable`, else the first of `paths` that exists, else
 * `command` found on PATH; undefined when none is installed. In CI the browser is required
 * (`.ci/run` installs it); elsewhere its test is skipped with a word on how to install it.
 */
export function findBrowser(pathVariable: string, paths: readonly string[], command: string): string | undefined {
  const found = [process.env[pathVariable], ...paths].find((path): path is string => !!path && existsSync(path)) ?? onPath(command);
  if (!found && process.env.CI === "true") {
    throw new Error(`${command} is required for the sandbox's browser tests in CI (.ci/run installs it)`);
  }
  if (!found) console.warn(`Skipping the sandbox's test in ${command}: it is not installed (apt-get install ${command}).`);
  return found;
}

function onPath(command: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `npm run sandbox` on a free port with its clock at `start` (Almaty's time), and the page's address. */
export async function startSandbox(start: string): Promise<{ sandbox: BotProcess; url: string }> {
  const sandbox = new BotProcess({ LOG_LEVEL: "warn" }, ["sandbox", "--port", "0", "--time", start]);
  const address = /http:\/\/127\.0\.0\.1:\d+/;
  const deadline = Date.now() + STEP_MS;
  while (!address.test(sandbox.stdout)) {
    if (sandbox.hasExited || Date.now() > deadline) {
      await sandbox.kill();
      throw new Error(`The sandbox did not start.\n${sandbox.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { sandbox, url: address.exec(sandbox.stdout)![0] };
}

/** A regular expression matching exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/** What a browser test does on the page, whichever library drives the browser. */
export interface PageChat<P> {
  /** Presses the button with this label (the newest one, as a person would). */
  tap(page: P, label: string): Promise<unknown>;
  /** Types a line into the composer and sends it. */
  type(page: P, text: string): Promise<unknown>;
  /** Waits until a message of the bot's says this. */
  botSays(page: P, text: string): Promise<unknown>;
}

/** A newcomer signs up the way a person would: /start, then the buttons, typing only the age. */
export async function signUpByButtons<P>(
  chat: PageChat<P>,
  page: P,
  person: { first_name: string; language: "kk" | "ru"; age: number; district: DistrictCode },
): Promise<void> {
  const t = person.language === "kk" ? kk : ru;
  await chat.type(page, "/start");
  await chat.tap(page, person.language === "kk" ? "Қазақша" : "Русский");
  await chat.tap(page, t("button-signup-start"));
  await chat.tap(page, t("button-consent-yes"));
  await chat.tap(page, t("button-use-name", { name: person.first_name }));
  await chat.botSays(page, t("signup-ask-age"));
  await chat.type(page, String(person.age));
  await chat.tap(page, t(`district-${person.district}`));
  await chat.tap(page, t("button-share-phone"));
  await chat.tap(page, t("occupation-study"));
  await chat.botSays(page, t("signup-done", { name: person.first_name }));
}
