import type { AgendaEntry, StaffMember } from "../../../db/staff.js";
import type { Language } from "../../../domain/language.js";
import { localTimeOf } from "../../../domain/time.js";
import { escapeHtml, type Translate } from "../../shared/format.js";

/** Telegram refuses longer messages (4096); a margin keeps room for the formatting. */
const MESSAGE_LIMIT = 4000;

/** "10:00–10:50" in Almaty time. */
export function timeRange(b: { starts_at: string; ends_at: string }): string {
  return `${localTimeOf(new Date(b.starts_at))}–${localTimeOf(new Date(b.ends_at))}`;
}

/**
 * The person's first name (the first word of the name they gave, escaped): staff need no more
 * to greet them. A note instead when they have erased their data.
 */
export function personName(t: Translate, name: string | null): string {
  return name === null ? t("staff-person-unknown") : escapeHtml(name.split(" ")[0]!);
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
  return withTopic(t, line, b.topic);
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
