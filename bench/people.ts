import type { Update } from "grammy/types";
import { callbackUpdate, contactContent, messageUpdate, textContent, type EmulatedUser } from "../src/emulator/updates.js";
import type { InProcessTelegram } from "./telegram.js";

/** Whether an update is a step of a conversation (replayed from stored state) or a one-tap action. */
export type StepKind = "flow" | "tap";

/** One thing a person does: a message typed, or a button tapped on the screen in front of them. */
export type Step =
  | { kind: StepKind; send: string }
  | { kind: StepKind; shareContact: true }
  /**
   * Among the matching buttons, the `nth` (modulo their number); `optional`: skipped when none
   * matches; `until`: tapped again and again until a button matching it is on the screen (a
   * booking whose time someone else took a moment before goes on with another time).
   */
  | { kind: StepKind; tap: RegExp; nth?: number; optional?: boolean; until?: RegExp };

/** A person's visit: sign-up, the menus, a consultation, a practice round, a tea talk, an event. */
export function visit(n: number): Step[] {
  const flow = (s: Omit<Step, "kind">) => ({ kind: "flow", ...s }) as Step;
  const tap = (s: Omit<Step, "kind">) => ({ kind: "tap", ...s }) as Step;
  const language = n % 2 === 0 ? "kk" : "ru";
  return [
    flow({ send: "/start" }),
    flow({ tap: new RegExp(`^su-lang:${language}$`) }),
    flow({ tap: /^su-start:go$/ }),
    flow({ tap: /^su-consent:yes$/ }),
    flow({ send: "Айгерим" }),
    flow({ send: String(18 + (n % 15)) }),
    flow({ tap: /^su-district:/, nth: n }),
    flow({ shareContact: true }),
    flow({ tap: /^su-occupation:/ }),
    tap({ tap: /^menu:centers$/ }),
    tap({ tap: /^menu:open$/ }),
    flow({ tap: /^menu:consult$/ }),
    flow({ tap: /^cs-svc:(?!back$|cancel$)/, nth: n }),
    // Whatever the booking asks on the way: on to the psychologist, a district where the own one
    // has no time left, a day, a time, another time if that one was just taken, the mode, no
    // topic, yes.
    flow({ tap: /^(cs-safe:go|cs-dist:any|cs-day:\d.*|cs-time:\d.*|cs-alt:\d+|cs-mode:in_person|cs-topic:skip|cs-ok:yes)$/, nth: n, until: /^menu:consult$/ }),
    tap({ tap: /^menu:open$/, optional: true }),
    tap({ tap: /^menu:teatalk$/ }),
    tap({ tap: /^tt:clubs$/ }),
    tap({ tap: /^tt:s:/, nth: n }),
    tap({ tap: /^tt:join:/, optional: true }),
    tap({ tap: /^menu:open$/ }),
    tap({ tap: /^menu:events$/ }),
    tap({ tap: /^ev:e:/, nth: n }),
    tap({ tap: /^ev:join:/, optional: true }),
    tap({ tap: /^menu:open$/ }),
    tap({ tap: /^menu:teatalk$/ }),
    tap({ tap: /^practice:open$/ }),
    flow({ tap: /^pl:\w+:skip$/, optional: true }),
    flow({ tap: /^practice:start$/ }),
    ...Array.from({ length: 6 }, () => flow({ tap: /^pr:\w+:\d+:(?!stop$)/, nth: 2 })),
    flow({ tap: /^pr:\w+:\d+:stop$/ }),
    tap({ tap: /^menu:open$/ }),
  ];
}

/** A signed-up person looking around: menus, lists and cards, one tap each, no conversation. */
export function browse(n: number): Step[] {
  const tap = (t: RegExp, nth = 0) => ({ kind: "tap", tap: t, nth }) as Step;
  return Array.from({ length: 4 }, () => [
    tap(/^menu:centers$/),
    tap(/^centers:district:/, n),
    tap(/^menu:open$/),
    tap(/^menu:teatalk$/),
    tap(/^tt:clubs$/),
    tap(/^menu:open$/),
    tap(/^menu:events$/),
    tap(/^menu:open$/),
  ]).flat();
}

/** The updates a person sends, built against what the bot last showed them. */
export class SimulatedPerson {
  readonly user: EmulatedUser;

  constructor(
    id: number,
    private readonly telegram: InProcessTelegram,
  ) {
    this.user = { id, first_name: "Айгерим", language_code: id % 2 === 0 ? "kk" : "ru" };
  }

  /** The data (or the text) of the buttons on the screen in front of the person. */
  screen(): string[] {
    return (this.telegram.keyboardOf(this.user.id)?.buttons ?? []).map((b) => ("callback_data" in b ? b.callback_data : b.text));
  }

  /** Whether a button matching `pattern` is on the screen in front of the person. */
  sees(pattern: RegExp): boolean {
    return (this.telegram.keyboardOf(this.user.id)?.buttons ?? []).some((b) => "callback_data" in b && pattern.test(b.callback_data));
  }

  /** The update for a step, or a description of what the screen lacked. */
  updateFor(step: Step): Update | string {
    if ("send" in step) return messageUpdate(this.user, textContent(step.send));
    if ("shareContact" in step) return messageUpdate(this.user, contactContent(this.user, `+7701${String(this.user.id).padStart(7, "0").slice(-7)}`));
    const keyboard = this.telegram.keyboardOf(this.user.id);
    const buttons = (keyboard?.buttons ?? []).filter((b) => "callback_data" in b && step.tap.test(b.callback_data));
    const button = buttons[(step.nth ?? 0) % Math.max(1, buttons.length)];
    if (!button || !("callback_data" in button) || !keyboard) {
      return `no button ${String(step.tap)} among ${this.screen().join(" | ")}`;
    }
    const message = { message_id: keyboard.messageId, date: Math.floor(Date.now() / 1000), chat: { id: this.user.id, type: "private" as const, first_name: this.user.first_name }, text: "…" };
    return callbackUpdate(this.user, button.callback_data, message);
  }
}
