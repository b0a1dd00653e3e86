import type { Document, Update } from "grammy/types";
import { contactContent, messageUpdate, photoContent, stickerContent, textContent, type EmulatedUser, type UpdateIds } from "../../src/emulator/updates.js";

export * from "../../src/emulator/updates.js";
/** A person talking to the bot in tests, in a private chat (chat id = user id). */
export type TestUser = EmulatedUser;

export function textUpdate(user: TestUser, text: string, ids?: UpdateIds): Update {
  return messageUpdate(user, textContent(text), ids);
}

export function contactUpdate(user: TestUser, phone: string, ownerId = user.id, ids?: UpdateIds): Update {
  return messageUpdate(user, contactContent(user, phone, ownerId), ids);
}

export function stickerUpdate(user: TestUser, ids?: UpdateIds): Update {
  return messageUpdate(user, stickerContent(), ids);
}

export function photoUpdate(user: TestUser, ids?: UpdateIds): Update {
  return messageUpdate(user, photoContent(), ids);
}

export function documentUpdate(user: TestUser, document: Document, ids?: UpdateIds): Update {
  return messageUpdate(user, { document }, ids);
}

