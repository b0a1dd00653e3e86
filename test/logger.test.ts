import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { TEST_TOKEN } from "./support/harness.js";

/** A logger at trace level whose lines are kept, parsed. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = createLogger("trace", [TEST_TOKEN], { write: (line: string) => void lines.push(line) });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}

describe("the logger", () => {
  it("blanks the bot's token wherever it appears, an error's message and stack included", () => {
    const { logger, lines } = capturedLogger();
    const secret = TEST_TOKEN.slice(TEST_TOKEN.indexOf(":") + 1);
    const url = `https://api.telegram.org/bot${TEST_TOKEN}/sendMessage`;
    const error = Object.assign(new Error(`request to ${url} failed, reason: socket hang up`), { url });
    logger.error({ err: error, encoded: url.replace(":", "%3A") }, `calling ${url}`);

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain("[redacted]");
  });

  it("blanks a person's name and phone number but keeps an error's name", () => {
    const { logger, parsed } = capturedLogger();
    class TelegramDown extends Error {
      override name = "TelegramDown";
    }
    logger.error({ err: new TelegramDown("no answer"), user: { id: 7, name: "Дана", phone: "+77017654321" } }, "failed");

    const [line] = parsed();
    expect(line!.err).toMatchObject({ name: "TelegramDown", type: "TelegramDown", message: "no answer" });
    expect(line!.user).toEqual({ id: 7, name: "[redacted]", phone: "[redacted]" });
  });
});
