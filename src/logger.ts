import { pino, type Logger } from "pino";

export type { Logger };

/**
 * JSON logs on stdout. Message texts, names and phone numbers never reach the log: handlers
 * log ids and outcomes only, and the redaction below is a safety net for objects logged whole.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["*.text", "*.caption", "*.phone", "*.phone_number", "*.name", "*.first_name", "*.last_name", "*.topic"],
      censor: "[redacted]",
    },
  });
}
