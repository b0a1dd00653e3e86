import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

export type { Logger };

/**
 * JSON logs on stdout. Message texts, names and phone numbers never reach the log: handlers
 * log ids and outcomes only, and the redaction below is a safety net for objects logged whole.
 * The paths name a person's fields precisely: a bare `name` would also blank an error's type.
 *
 * `secrets` (the bot's token) are blanked wherever they would appear in a line, an error's
 * message or stack included: every Bot API URL holds the token. Lines go to `destination`,
 * stdout unless given.
 */
export function createLogger(level: string, secrets: string[] = [], destination?: DestinationStream): Logger {
  const hidden = secrets.flatMap(secretForms).filter((s) => s.length > 0);
  const options: LoggerOptions = {
    level,
    redact: {
      paths: [
        "*.text",
        "*.caption",
        "*.phone",
        "*.phone_number",
        "*.first_name",
        "*.last_name",
        "*.topic",
        "user.name",
        "account.name",
        "profile.name",
        "from.name",
      ],
      censor: "[redacted]",
    },
    hooks: { streamWrite: (line) => hidden.reduce((out, s) => out.replaceAll(s, "[redacted]"), line) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The forms a secret takes in a log line: as it is, and for a bot token (`<id>:<secret>`) the
 * part after the colon, which is what a URL-encoded or partly quoted copy still contains.
 */
function secretForms(secret: string): string[] {
  const colon = secret.indexOf(":");
  return colon < 0 ? [secret] : [secret, secret.slice(colon + 1)];
}
