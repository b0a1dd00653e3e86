import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { AppI18n } from "../bot/context.js";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.js";
import { botInfoOf } from "../emulator/updates.js";
import { LANGUAGES, type Language } from "../domain/language.js";
import { formatDay, localDateOf } from "../domain/time.js";
import type { Logger } from "../logger.js";
import { projectRoot } from "../paths.js";
import type { SandboxClock } from "./clock-control.js";
import { demoPhoneOf, type People } from "./people.js";
import { decodeQr } from "./qr-scan.js";

/** The page's own words, served from the locales so that both languages stay complete. */
export const PAGE_LABELS = [
  "sandbox-title",
  "language-kk",
  "language-ru",
  "sandbox-clock",
  "sandbox-plus-hour",
  "sandbox-plus-day",
  "sandbox-next-reminder",
  "sandbox-nothing-planned",
  "sandbox-add-person",
  "sandbox-person-name",
  "sandbox-message-placeholder",
  "sandbox-send",
  "sandbox-role-youth",
  "sandbox-role-specialist",
  "sandbox-role-admin",
  "sandbox-role-partner",
  "sandbox-role-coordinator",
  "sandbox-role-guest",
  "sandbox-choose-place",
  "sandbox-open-link-as",
  "sandbox-cancel",
  "sandbox-edited",
  "sandbox-download",
  "sandbox-scan-qr",
  "sandbox-no-qr",
] as const;

/** Real places in Almaty a person can say they are at when the bot asks for their location. */
export const PLACES = [
  { label: "sandbox-place-republic-square", latitude: 43.238, longitude: 76.945 },
  { label: "sandbox-place-green-bazaar", latitude: 43.2626, longitude: 76.9535 },
  { label: "sandbox-place-sairan", latitude: 43.2365, longitude: 76.8695 },
  { label: "sandbox-place-almaty-1", latitude: 43.3414, longitude: 76.949 },
] as const;

/** How long the page's request for news waits before answering "nothing new". */
const LONG_POLL_MS = 25_000;
/** Changes that come in a burst (a reply and its edits) reach the page as one. */
const SETTLE_MS = 30;
const MAX_BODY_BYTES = 16_384;
const STATIC_FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
};
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface WebChatDeps {
  em: BotApiEmulator;
  people: People;
  clock: SandboxClock;
  i18n: AppI18n;
  logger: Logger;
}

export interface WebChat {
  url: string;
  close(): Promise<void>;
}

/** A request the page got wrong: answered with its status, never a crash. */
class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The web chat: the page, and a small JSON API through which the page's people talk to the bot
 * via the emulator, watch their chats change (long polling on a version number) and move the clock.
 */
export async function startWebChat(deps: WebChatDeps, port: number): Promise<WebChat> {
  const { em, people, clock, i18n, logger } = deps;
  const webDir = join(projectRoot(), "src", "sandbox", "web");
  let version = 1;
  let waiting: Array<() => void> = [];
  let settling: NodeJS.Timeout | undefined;
  /** Which person pressed the button a callback query came from, to show them its answer. */
  const queryOwners = new Map<string, number>();

  const changed = () => {
    settling ??= setTimeout(() => {
      settling = undefined;
      version++;
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    }, SETTLE_MS);
  };
  const stopListening = em.onChange(changed);

  const waitForChange = (since: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (version > since || signal.aborted) return resolve();
      const timer = setTimeout(done, LONG_POLL_MS);
      function done() {
        clearTimeout(timer);
        waiting = waiting.filter((w) => w !== done);
        resolve();
      }
      waiting.push(done);
      signal.addEventListener("abort", done, { once: true });
    });

  const personOf = (id: unknown) => {
    const persona = people.find(id);
    if (!persona) throw new RequestError(404, "no such person");
    return persona;
  };

  const state = (personId: unknown, language: Language) => {
    const persona = people.find(personId);
    const chatId = persona?.user.id ?? 0;
    const answers = em
      .callsOf("answerCallbackQuery")
      .filter((c) => queryOwners.get(String(c.params.callback_query_id)) === chatId && typeof c.params.text === "string" && c.params.text !== "")
      .map((c) => ({ id: String(c.params.callback_query_id), text: String(c.params.text), alert: c.params.show_alert === true }));
    return {
      version,
      person: chatId,
      now: clock.now().toISOString(),
      // Browsers without Kazakh calendar data would show the day in English: the bot's words are used.
      today: formatDay(localDateOf(clock.now()), language),
      people: people.all().map((p) => ({ id: p.user.id, name: p.user.first_name, role: p.role, language: p.user.language_code })),
      messages: em.chatHistory(chatId).filter((m) => !m.deleted),
      keyboard: em.replyKeyboardOf(chatId) ?? null,
      answers,
    };
  };

  const api: Record<string, (body: Record<string, unknown>) => unknown> = {
    "/api/send": (body) => {
      const text = typeof body.text === "string" ? body.text.trim() : "";
      if (text === "" || text.length > 4096) throw new RequestError(400, "text must be 1-4096 characters");
      em.sendText(personOf(body.person).user, text);
      return { ok: true };
    },
    "/api/press": (body) => {
      const persona = personOf(body.person);
      if (typeof body.data !== "string") throw new RequestError(400, "data required");
      let update;
      try {
        update = em.pressButton(persona.user, body.data, Number(body.messageId));
      } catch {
        throw new RequestError(409, "the message is gone");
      }
      queryOwners.set(update.callback_query!.id, persona.user.id);
      return { ok: true };
    },
    "/api/contact": (body) => {
      const persona = personOf(body.person);
      em.sendContact(persona.user, demoPhoneOf(persona.user.id));
      return { ok: true };
    },
    "/api/location": (body) => {
      const place = PLACES[Number(body.place)];
      if (!place) throw new RequestError(400, "no such place");
      em.sendLocation(personOf(body.person).user, place.latitude, place.longitude);
      return { ok: true };
    },
    // A phone's camera pointed at a photo in the chat: the text of the QR code in it, if any.
    "/api/scan": (body) => {
      const photo = typeof body.file === "string" ? em.downloadFile(body.file) : undefined;
      if (!photo) throw new RequestError(404, "no such file");
      return { text: photo.mimeType === "image/png" ? decodeQr(photo.content) : null };
    },
    "/api/people": (body) => {
      const language = LANGUAGES.includes(body.language as Language) ? (body.language as Language) : "kk";
      const persona = people.add(body.name, language, (n) => i18n.t(language, "sandbox-guest-name", { n }));
      em.addUser(persona.user);
      changed();
      return { id: persona.user.id };
    },
    "/api/clock": async (body) => {
      const moved = await clock.move(body.step);
      if (moved === undefined) throw new RequestError(400, "step must be hour, day or next");
      changed();
      return { moved };
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, signal: AbortSignal) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (req.method === "GET" && STATIC_FILES[path]) {
      const name = STATIC_FILES[path];
      const body = await readFile(join(webDir, name));
      return send(res, 200, body, CONTENT_TYPES[name.slice(name.lastIndexOf("."))]!);
    }
    if (req.method === "GET" && path === "/api/labels") {
      const language = languageParam(url);
      const keys = [...PAGE_LABELS, ...PLACES.map((p) => p.label)];
      const labels = Object.fromEntries(keys.map((key) => [key, i18n.t(language, key)]));
      const bot = botInfoOf(em.botId).username;
      return sendJson(res, 200, { labels, places: PLACES.map((p) => ({ label: p.label })), bot });
    }
    if (req.method === "GET" && path === "/api/state") {
      await waitForChange(Number(url.searchParams.get("since") ?? 0), signal);
      return sendJson(res, 200, state(url.searchParams.get("person"), languageParam(url)));
    }
    const file = /^\/api\/files\/([\w-]+)$/.exec(path);
    if (req.method === "GET" && file) {
      const download = em.downloadFile(file[1]!);
      if (!download) throw new RequestError(404, "no such file");
      res.setHeader("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(download.name)}`);
      return send(res, 200, download.content, download.mimeType);
    }
    const action = api[path];
    if (req.method === "POST" && action) return sendJson(res, 200, await action(await readJson(req)));
    throw new RequestError(404, "not found");
  };

  const server: Server = createServer((req, res) => {
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    handle(req, res, gone.signal).catch((err: unknown) => {
      if (err instanceof RequestError) return sendJson(res, err.status, { error: err.message });
      logger.error({ err, path: req.url }, "sandbox request failed");
      sendJson(res, 500, { error: "internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      stopListening();
      clearTimeout(settling);
      for (const wake of waiting) wake();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The page's language, Kazakh unless it asks for Russian. */
function languageParam(url: URL): Language {
  return url.searchParams.get("language") === "ru" ? "ru" : "kk";
}

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  if (res.writableEnded || res.destroyed) return;
  // The page and its files come from the bot under test: nothing may load from elsewhere.
  res.writeHead(status, {
    "content-type": contentType,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'",
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), "application/json; charset=utf-8");
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, "body too large");
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below like any other body that is not an object
  }
  throw new RequestError(400, "body must be a JSON object");
}
