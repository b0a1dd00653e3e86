import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";

/** An update is a few kilobytes; a body far larger than any is refused unread. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Where Telegram posts updates, and what keeps them. */
export interface WebhookEndpoint {
  /** The path of the webhook's URL, e.g. "/telegram". */
  path: string;
  /** What Telegram sends back in `X-Telegram-Bot-Api-Secret-Token`. */
  secret: string;
  /**
   * Keeps the update for handling and resolves as soon as it is kept, long before it is
   * handled; rejects if it could not be kept (Telegram then posts it again).
   */
  receive(update: Update): Promise<void>;
}

export interface HttpEndpoints {
  /** None in polling mode: /healthz and /readyz only. */
  webhook?: WebhookEndpoint;
  /** Why the bot cannot serve yet (the database unreachable, migrations missing), or undefined. */
  notReady(): Promise<string | undefined>;
}

export interface HttpServer {
  /** The port listened on (the one asked for, or the one picked for 0). */
  port: number;
  /** Takes no new requests and resolves once those in progress are answered. */
  close(): Promise<void>;
}

/**
 * The bot's HTTP server: `GET /healthz` (the process answers), `GET /readyz` (it can serve) and,
 * in webhook mode, `POST <path>` with updates. A webhook request without the right secret is
 * refused before its body is read.
 */
export async function startHttpServer(port: number, endpoints: HttpEndpoints, logger: Logger): Promise<HttpServer> {
  const log = logger.child({ component: "http" });
  const server = createServer((req, res) => {
    route(req, res, endpoints).catch((err: unknown) => {
      log.error({ err }, "request failed");
      answer(res, 500, { status: "error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, endpoints: HttpEndpoints): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const webhook = endpoints.webhook;
  if (webhook && path === webhook.path) {
    if (req.method !== "POST") return answer(res, 405, { status: "method not allowed" });
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) return answer(res, 401, { status: "unauthorized" });
    const update = await readUpdate(req);
    if (update === "too large") return answer(res, 413, { status: "too large" });
    if (update === undefined) return answer(res, 400, { status: "not an update" });
    await webhook.receive(update);
    return answer(res, 200, { status: "ok" });
  }
  if (req.method === "GET" && path === "/healthz") return answer(res, 200, { status: "ok" });
  if (req.method === "GET" && path === "/readyz") {
    const reason = await endpoints.notReady();
    return answer(res, reason === undefined ? 200 : 503, reason === undefined ? { status: "ready" } : { status: "not ready", reason });
  }
  answer(res, 404, { status: "not found" });
}

/** Compared in constant time, so that the secret cannot be guessed from how fast a refusal comes. */
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as an update: an object with an integer `update_id`. */
async function readUpdate(req: IncomingMessage): Promise<Update | "too large" | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return "too large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return "too large";
    chunks.push(chunk);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const id = (body as { update_id?: unknown } | null)?.update_id;
    return typeof body === "object" && Number.isSafeInteger(id) ? (body as Update) : undefined;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}
