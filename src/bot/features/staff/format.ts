import type { InlineKeyboardButton } from "grammy/types";
import type { AgendaEntry, StaffMember } from "../../../db/staff.js";
import type { Language } from "../../../domain/language.js";
import { chatLink } from "../../shared/chat-link.js";
import { escapeHtml, timeRange, type Translate } from "../../shared/format.js";

/** Telegram refuses longer messages (4096); a margin keeps room for the formatting. */
const MESSAGE_LIMIT = 4000;

/**
 * The person's first name (the first word of the name they gave, escaped): staff need no more
 * to greet them. A note instead when they have erased their data.
 */
export function personName(t: Translate, name: string | null): string {
  return name === null ? t("staff-person-unknown") : escapeHtml(firstName(name));
}

function firstName(name: string): string {
  return name.split(" ")[0]!;
}

type Reachable = Pick<AgendaEntry, "mode" | "person_id" | "person_name" | "person_username" | "person_phone">;

/**
 * How a specialist reaches the person of an online consultation, as lines of text: their
 * username (or that they have none: a button then opens their chat), and their phone if they
 * shared it. Nothing for an in-person consultation or a person who erased their data.
 */
export function contactLines(t: Translate, b: Reachable): string[] {
  if (b.mode !== "online" || b.person_id === null) return [];
  const chat = b.person_username ? t("staff-contact-username", { username: escapeHtml(b.person_username) }) : t("staff-contact-no-username");
  return b.person_phone ? [chat, t("staff-contact-phone", { phone: escapeHtml(b.person_phone) })] : [chat];
}

/** The button that opens the chat of an online consultation's person who has no username. */
export function chatButton(t: Translate, b: Reachable, label?: string): InlineKeyboardButton.UrlButton | null {
  if (b.mode !== "online" || b.person_id === null || b.person_username) return null;
  const name = b.person_name === null ? "" : firstName(b.person_name);
  return { text: t("staff-button-write", { name: label ? `${label} ${name}` : name }), url: chatLink(b.person_id) };
}

export function centerName(c: Pick<StaffMember, "center_name_kk" | "center_name_ru">, language: Language): string {
  return escapeHtml(language === "kk" ? c.center_name_kk : c.center_name_ru);
}

/**
 * One consultation in an agenda. Agendas are per specialist, so the topic (sensitive or not)
 * is shown: the only reader is the assigned specialist.
 */
export function agendaLine(t: Translate, b: AgendaEntry): string {
  const line = t("staff-agenda-line", {
    time: timeRange(b),
    mode: t(`staff-mode-${b.mode}`),
    name: personName(t, b.person_name),
    status: t(`staff-status-${b.status}`),
  });
  // Only a consultation still ahead needs a way to reach its person.
  const contact = b.status === "confirmed" ? contactLines(t, b) : [];
  return [withTopic(t, line, b.topic), ...contact].join("\n");
}

/** A staff text about a consultation with its topic, if there is one, on a line of its own. */
export function withTopic(t: Translate, text: string, topic: string | null): string {
  return topic ? `${text}\n${t("staff-agenda-topic", { topic: escapeHtml(topic) })}` : text;
}

/**
 * Joins blocks of text (a day, a booking) into as few messages as Telegram accepts, never
 * splitting a block unless it alone is too long.
 */
export function packMessages(blocks: string[], separator = "\n\n"): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks.flatMap(splitLong)) {
    const joined = current === "" ? block : current + separator + block;
    if (joined.length <= MESSAGE_LIMIT) {
      current = joined;
      continue;
    }
    messages.push(current);
    current = block;
  }
  if (current !== "") messages.push(current);
  return messages;
}

/** A block longer than one message is cut at line breaks. */
function splitLong(block: string): string[] {
  if (block.length <= MESSAGE_LIMIT) return [block];
  const parts: string[] = [];
  let current = "";
  for (const line of block.split("\n")) {
    const joined = current === "" ? line : current + "\n" + line;
    if (joined.length <= MESSAGE_LIMIT || current === "") current = joined;
    else {
      parts.push(current);
      current = line;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}
