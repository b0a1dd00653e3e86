import type { Chat, Message, PhotoSize, Sticker, Update, User, UserFromGetMe } from "grammy/types";

/** A person talking to the bot through the emulator, in a private chat (chat id = user id). */
export interface EmulatedUser {
  id: number;
  first_name: string;
  last_name?: string;
  language_code?: string;
  username?: string;
}

/** Ids an update builder may be given; whatever is left out comes from a module-wide counter. */
export interface UpdateIds {
  updateId?: number;
  messageId?: number;
}

/** What the user sends: the content fields of a message (text, sticker, contact, ...). */
export type MessageContent = Partial<Omit<Message, "message_id" | "date" | "chat" | "from">>;

let nextUpdateId = 1;
const unixNow = () => Math.floor(Date.now() / 1000);

/** The emulated bot, as getMe describes it; its id is the part of the token before the colon. */
export function botInfoOf(id: number): UserFromGetMe {
  return {
    id,
    is_bot: true,
    first_name: "Jastar",
    username: "jastar_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    // Newer Bot API versions add these flags; grammY's type requires them.
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** The user as Telegram describes a message's sender. */
export function userOf(user: EmulatedUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
    ...(user.language_code !== undefined ? { language_code: user.language_code } : {}),
  };
}

/** The user's private chat with the bot. */
export function privateChatOf(user: EmulatedUser): Chat.PrivateChat {
  return {
    id: user.id,
    type: "private",
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

/** Text as a client sends it: a leading "/command" (optionally "@bot") gets a `bot_command` entity. */
export function textContent(text: string): MessageContent {
  const command = /^\/\w+(?:@\w+)?/.exec(text);
  return command ? { text, entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : { text };
}

/** A shared contact card; `ownerId` differs from the sender's id when it is someone else's card. */
export function contactContent(user: EmulatedUser, phoneNumber: string, ownerId = user.id): MessageContent {
  return { contact: { phone_number: phoneNumber, first_name: user.first_name, user_id: ownerId } };
}

/** A shared location. */
export function locationContent(latitude: number, longitude: number): MessageContent {
  return { location: { latitude, longitude } };
}

/** A sticker; `file` names an uploaded file when the test serves it (see the Bot API emulator). */
export function stickerContent(
  file: Pick<Sticker, "file_id" | "file_unique_id" | "file_size"> = { file_id: "sticker-1", file_unique_id: "s1" },
  emoji = "👍",
): MessageContent {
  return {
    sticker: { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji, set_name: "TestStickers" },
  };
}

/** A photo in the sizes Telegram offers (the last is the largest), optionally with a caption. */
export function photoContent(
  sizes: PhotoSize[] = [{ file_id: "photo-1", file_unique_id: "p1", width: 90, height: 90 }],
  caption?: string,
): MessageContent {
  return { photo: sizes, ...(caption !== undefined ? { caption } : {}) };
}

/** A private-chat message update from the user with the given content. */
export function messageUpdate(user: EmulatedUser, content: MessageContent, ids: UpdateIds = {}): Update {
  const updateId = ids.updateId ?? nextUpdateId++;
  const message = {
    message_id: ids.messageId ?? updateId * 10,
    date: unixNow(),
    chat: privateChatOf(user),
    from: userOf(user),
    ...content,
  } as Message;
  return { update_id: updateId, message } as Update;
}

/**
 * A button press on `message` (the bot's message the keyboard was attached to). The query id
 * is derived from the update id unless given.
 */
export function callbackUpdate(
  user: EmulatedUser,
  data: string,
  message?: Message,
  ids: { updateId?: number; queryId?: string } = {},
): Update {
  const updateId = ids.updateId ?? nextUpdateId++;
  return {
    update_id: updateId,
    callback_query: {
      id: ids.queryId ?? String(4_000_000_000_000 + updateId),
      from: userOf(user),
      chat_instance: String(-(8_000_000_000_000 + Math.abs(user.id))),
      data,
      message: message ?? { message_id: 1, date: unixNow(), chat: privateChatOf(user), text: "" },
    },
  };
}
