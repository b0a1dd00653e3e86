import type { Message, Update, User } from "grammy/types";

/** A person talking to the bot in tests. */
export interface TestUser {
  id: number;
  first_name: string;
  language_code?: string;
  username?: string;
}

let nextUpdateId = 1;
const now = () => Math.floor(Date.now() / 1000);

function from(user: TestUser): User {
  return { id: user.id, is_bot: false, first_name: user.first_name, language_code: user.language_code, username: user.username };
}

function privateChat(user: TestUser) {
  return { id: user.id, type: "private" as const, first_name: user.first_name };
}

/** A private-chat message update with the given content (text, sticker, contact, ...). */
export function messageUpdate(user: TestUser, content: Partial<Message>, messageId = nextUpdateId * 10): Update {
  return {
    update_id: nextUpdateId++,
    message: { message_id: messageId, date: now(), chat: privateChat(user), from: from(user), ...content } as Message,
  };
}

export function textUpdate(user: TestUser, text: string): Update {
  const command = /^\/\w+/.exec(text);
  const entities = command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : undefined;
  return messageUpdate(user, { text, entities });
}

export function contactUpdate(user: TestUser, phone: string, ownerId = user.id): Update {
  return messageUpdate(user, { contact: { phone_number: phone, first_name: user.first_name, user_id: ownerId } });
}

export function stickerUpdate(user: TestUser): Update {
  return messageUpdate(user, {
    sticker: { file_id: "sticker-1", file_unique_id: "s1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
  });
}

export function photoUpdate(user: TestUser): Update {
  return messageUpdate(user, { photo: [{ file_id: "photo-1", file_unique_id: "p1", width: 90, height: 90 }] });
}

/** A button press on `message` (the bot's message the keyboard was attached to). */
export function callbackUpdate(user: TestUser, data: string, message?: Message): Update {
  const id = nextUpdateId++;
  return {
    update_id: id,
    callback_query: {
      id: `cbq-${id}`,
      from: from(user),
      chat_instance: `ci-${user.id}`,
      data,
      message: message ?? ({ message_id: 1, date: now(), chat: privateChat(user), text: "" } as Message),
    },
  };
}
