import type { Message, Update } from "grammy/types";
import { registeredCallbacks, type CallbackCodec } from "../../src/bot/shared/callback-data.js";
import { locationContent, messageUpdate, privateChatOf, textContent, userOf, type EmulatedUser, type MessageContent } from "./updates.js";

/** Choices made by a seeded source of numbers, so that a run repeats from its seed. */
export class Dice {
  constructor(private readonly next: () => number) {}

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("nothing to pick from");
    return items[this.int(0, items.length - 1)]!;
  }

  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    let roll = this.next() * choices.reduce((sum, [w]) => sum + w, 0);
    for (const [w, value] of choices) {
      roll -= w;
      if (roll < 0) return value;
    }
    return choices.at(-1)![1];
  }
}

/** Pieces of text that have broken bots: markup, injections, invisible and right-to-left characters. */
const NASTY = [
  "<b>bold</b>",
  "<script>alert(1)</script>",
  "</b></i><a href=\"javascript:alert(1)\">x</a>",
  "<i>unclosed",
  "a < b && c > d",
  "&amp; &lt; &#x1F600; &bogus;",
  "'; DROP TABLE users; --",
  "\" OR 1=1 --",
  "Robert'); DELETE FROM bookings WHERE ('1'='1",
  "%s %d {0} ${name} {{name}} { $name }",
  "\u202Eتجربة عربية\u202C",
  "עברית מימין לשמאל",
  "zero\u200Bwidth\u200C\u200D\uFEFFjoin",
  "\u0000\u0007\u001B[31m",
  "👨‍👩‍👧‍👦🏳️‍🌈🇰🇿💥",
  "Z̴̡͎a̷̗͝l̶̰̈g̷̠̓o̵̜͘",
  "99999999999999999999999999",
  "-1",
  "0",
  "1e308",
  "NaN",
  "9007199254740993",
  "   ",
  "\n\n\n",
  "/",
  "@jastar_test_bot",
  "https://t.me/jastar_test_bot?start=card_x",
  "Сәлем! Қалайсыз?",
  "Привет, мне нужна помощь",
];

const ALPHABETS = [
  "abcdefghijklmnopqrstuvwxyz ",
  "абвгдеёжзийклмнопрстуфхцчшщъыьэюя ",
  "әғқңөұүһі ",
  "0123456789 ",
  "<>&\"'/;:=-_ ",
  "😀🙏🔥✅❌🇰🇿",
  "\u200B\u200E\u200F\u202A\u202E\u2066",
];

/** Text a hostile or careless person might send: up to Telegram's 4,096 characters. */
export function hostileText(dice: Dice): string {
  const length = dice.weighted<number>([
    [6, dice.int(1, 30)],
    [3, dice.int(31, 500)],
    [1, dice.int(3_900, 4_096)],
  ]);
  let text = "";
  while (text.length < length) {
    text += dice.chance(0.3) ? dice.pick(NASTY) : [...Array(dice.int(1, 20))].map(() => dice.pick([...dice.pick(ALPHABETS)])).join("");
  }
  // Cut on a whole character, as a client would.
  return [...text].slice(0, length).join("").slice(0, 4_096) || "x";
}

const COMMANDS = ["start", "menu", "help", "cancel", "profile", "mydata", "deleteme", "card", "staff", "host", "team", "invite"];
const START_PAYLOADS = ["card_", "staff_", "host_", "coord_", "partner_", "center_", "team_", "event_", ""];

/** A command with or without junk after it, or a deep link that is broken or made up. */
export function hostileCommand(dice: Dice): string {
  const command = dice.pick(COMMANDS);
  return dice.weighted<string>([
    [3, `/${command}`],
    [1, `/${command}@jastar_test_bot`],
    [1, `/${command}@other_bot`],
    [2, `/${command} ${hostileText(dice).slice(0, 80)}`],
    [2, `/start ${dice.pick(START_PAYLOADS)}${dice.pick(["1", "0", "-1", "99999999999999999999", "almaly-1", "../../etc", "x".repeat(64), "AAAA_bbbb-1234"])}`],
    [1, `/card ${dice.pick(["0001 2345", "9999 9999", "0000 0000", "1", "99999999999999999999", "<b>1</b>"])}`],
  ]);
}

/** Data that no button was made with: each codec's prefix with values that do not fit its fields. */
export function forgedData(dice: Dice): string {
  const codec: CallbackCodec = dice.pick(registeredCallbacks());
  const junk = (): string =>
    dice.pick(["0", "-1", "99999999999999999999", "1.5", "abc", "", "x".repeat(60), "'--", "<b>", "😀", "::", "almaly", "1e9", "NaN"]);
  const fields = Object.keys(codec.fields).map(() => junk());
  const data = dice.weighted<string>([
    [2, [codec.prefix, ...fields].join(":")],
    [1, codec.prefix],
    [1, `${codec.prefix}:${fields.join(":")}:${junk()}`],
    [1, `${codec.prefix}${junk()}`],
  ]);
  return data || codec.prefix;
}

/** The same data with its numbers changed: another person's id, a huge one, one that is gone. */
export function mutatedData(dice: Dice, data: string): string {
  return data.replace(/\d+/g, (n) =>
    dice.weighted<string>([
      [3, String(Math.max(0, Number(n) + dice.int(-3, 3)))],
      [1, "0"],
      [1, "999999999999"],
      [1, n],
    ]),
  );
}

let nextUpdateId = 5_000_000;
let nextMessageId = 9_000_000;
const unixNow = () => Math.floor(Date.now() / 1000);

function update(fields: Record<string, unknown>): Update {
  return { update_id: nextUpdateId++, ...fields };
}

function message(user: EmulatedUser, content: MessageContent): Update {
  return messageUpdate(user, content, { updateId: nextUpdateId++, messageId: nextMessageId++ });
}

export function textMessage(user: EmulatedUser, text: string): Update {
  return message(user, textContent(text));
}

/** One's own contact, as the phone button shares it. */
export function contactMessage(user: EmulatedUser, phone: string): Update {
  return message(user, { contact: { phone_number: phone, first_name: user.first_name, user_id: user.id } });
}

export function locationMessage(user: EmulatedUser, latitude: number, longitude: number): Update {
  return message(user, locationContent(latitude, longitude));
}

/** A press of `data` on `on` (a message of the bot's), or on a message that was never sent. */
export function press(user: EmulatedUser, data: string, on?: Message): Update {
  const fake = { message_id: nextMessageId++, date: unixNow(), chat: privateChatOf(user), text: "…" } as Message;
  return pressWith(user, data, { message: on ?? fake });
}

function pressWith(user: EmulatedUser, data: string | undefined, where: { message?: Message; inline_message_id?: string }): Update {
  const id = nextUpdateId++;
  return {
    update_id: id,
    callback_query: {
      id: String(7_000_000_000_000 + id),
      from: userOf(user),
      chat_instance: String(-(8_000_000_000_000 + user.id)),
      ...(data === undefined ? { game_short_name: "game" } : { data }),
      ...where,
    },
  };
}

const GROUP = { id: -100_123_456_789, type: "supergroup", title: "Жастар <b>чат</b>" } as const;

/** Updates that are not a person writing to the bot in private: everything else Telegram may deliver. */
export function strangeUpdate(dice: Dice, user: EmulatedUser, anyData: () => string): Update {
  const from = userOf(user);
  const chat = privateChatOf(user);
  const kind = dice.pick([
    "group-message",
    "group-command",
    "basic-group",
    "channel-post",
    "edited-message",
    "edited-channel-post",
    "my-chat-member-blocked",
    "my-chat-member-back",
    "my-chat-member-group",
    "inline-query",
    "chosen-inline-result",
    "inline-press",
    "group-press",
    "game-press",
    "chat-join-request",
    "poll",
    "poll-answer",
    "unknown-kind",
    "message-reaction",
    "pre-checkout",
  ] as const);
  const date = unixNow();
  switch (kind) {
    case "group-message":
      return update({ message: { message_id: nextMessageId++, date, chat: GROUP, from, text: hostileText(dice) } });
    case "group-command":
      return update({
        message: { message_id: nextMessageId++, date, chat: GROUP, from, ...textContent(hostileCommand(dice)) },
      });
    case "basic-group":
      return update({ message: { message_id: nextMessageId++, date, chat: { id: -4_000_123, type: "group", title: "g" }, from, text: "/start" } });
    case "channel-post":
      return update({ channel_post: { message_id: nextMessageId++, date, chat: { id: -100_999, type: "channel", title: "c" }, text: hostileText(dice) } });
    case "edited-message":
      return update({ edited_message: { message_id: nextMessageId++, date, edit_date: date, chat, from, ...textContent(dice.chance(0.5) ? hostileCommand(dice) : hostileText(dice)) } });
    case "edited-channel-post":
      return update({ edited_channel_post: { message_id: nextMessageId++, date, edit_date: date, chat: { id: -100_999, type: "channel", title: "c" }, text: "x" } });
    case "my-chat-member-blocked":
    case "my-chat-member-back":
    case "my-chat-member-group": {
      const blocked = kind === "my-chat-member-blocked";
      const botUser = { id: 123456, is_bot: true, first_name: "Jastar", username: "jastar_test_bot" };
      return update({
        my_chat_member: {
          chat: kind === "my-chat-member-group" ? GROUP : chat,
          from,
          date,
          old_chat_member: blocked ? { status: "member", user: botUser } : { status: "kicked", user: botUser, until_date: 0 },
          new_chat_member: blocked ? { status: "kicked", user: botUser, until_date: 0 } : { status: "member", user: botUser },
        },
      });
    }
    case "inline-query":
      return update({ inline_query: { id: String(nextUpdateId), from, query: hostileText(dice).slice(0, 256), offset: "" } });
    case "chosen-inline-result":
      return update({ chosen_inline_result: { result_id: "1", from, query: "x" } });
    case "inline-press":
      return pressWith(user, anyData(), { inline_message_id: `inline-${nextMessageId++}` });
    case "group-press":
      return pressWith(user, anyData(), { message: { message_id: nextMessageId++, date, chat: GROUP, text: "…" } });
    case "game-press":
      return pressWith(user, undefined, { message: { message_id: nextMessageId++, date, chat, text: "…" } });
    case "chat-join-request":
      return update({ chat_join_request: { chat: GROUP, from, user_chat_id: user.id, date } });
    case "poll":
      return update({ poll: { id: "p1", question: "?", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } });
    case "poll-answer":
      return update({ poll_answer: { poll_id: "p1", user: from, option_ids: [0] } });
    case "unknown-kind":
      return update({ something_telegram_adds_later: { id: 1, from } });
    case "message-reaction":
      return update({ message_reaction: { chat, message_id: 1, user: from, date, old_reaction: [], new_reaction: [{ type: "emoji", emoji: "👍" }] } });
    case "pre-checkout":
      return update({ pre_checkout_query: { id: "q", from, currency: "KZT", total_amount: 100, invoice_payload: "x" } });
  }
}

/** Things a private chat can carry besides text: stickers, photos, contacts, places, files, voice. */
export function privateContent(dice: Dice, user: EmulatedUser, someoneElse: EmulatedUser): Update {
  const content = dice.pick<() => MessageContent>([
    () => ({ sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "👍" } }),
    () => ({ photo: [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }], ...(dice.chance(0.5) ? { caption: hostileText(dice).slice(0, 1024) } : {}) }),
    () => ({ contact: { phone_number: dice.pick(["+77071234567", "87071234567", "+1 555 0100", "<b>", "99999999999999999999"]), first_name: user.first_name, user_id: user.id } }),
    () => ({ contact: { phone_number: "+77070000000", first_name: someoneElse.first_name, user_id: someoneElse.id } }),
    () => ({ contact: { phone_number: "+77070000001", first_name: "Без id" } }),
    () => locationContent(43.2 + dice.int(0, 100) / 1000, 76.9 + dice.int(0, 100) / 1000),
    () => locationContent(dice.pick([-90, 90, 0]), dice.pick([-180, 180, 0])),
    () => ({ venue: { location: { latitude: 43.25, longitude: 76.92 }, title: "<i>", address: "&" } }),
    () => ({ voice: { file_id: "v", file_unique_id: "v", duration: 3 } }),
    () => ({ document: { file_id: "d", file_unique_id: "d", file_name: "../../etc/passwd" } }),
    () => ({ dice: { emoji: "🎲", value: 6 } }),
    () => ({ text: "x".repeat(10), forward_origin: { type: "user", sender_user: userOf(someoneElse), date: unixNow() } }),
  ])();
  return message(user, content);
}
