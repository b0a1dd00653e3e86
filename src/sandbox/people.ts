import { LANGUAGES, type Language } from "../domain/language.js";
import { FIRST_GUEST_ID, PERSONAS, type Persona } from "./personas.js";

/** Longer names are cut: the tabs stay readable. */
const MAX_NAME_LENGTH = 32;

/** Who is in the sandbox: the prepared personas, and those added while it runs. */
export class People {
  private readonly list: Persona[] = PERSONAS.map((p) => structuredClone(p));
  private nextId = FIRST_GUEST_ID;

  all(): readonly Persona[] {
    return this.list;
  }

  find(id: unknown): Persona | undefined {
    return this.list.find((p) => p.user.id === Number(id));
  }

  /** Adds a person whose Telegram speaks `language`; a blank name becomes a numbered one. */
  add(name: unknown, language: unknown, fallbackName: (n: number) => string): Persona {
    const id = this.nextId++;
    const given = typeof name === "string" ? name.trim().slice(0, MAX_NAME_LENGTH) : "";
    const code: Language = LANGUAGES.includes(language as Language) ? (language as Language) : "kk";
    const persona: Persona = { user: { id, first_name: given || fallbackName(id - FIRST_GUEST_ID + 1), language_code: code }, role: "guest" };
    this.list.push(persona);
    return persona;
  }
}

/** A phone number for a person of the sandbox, in Kazakhstan's format, made from their id. */
export function demoPhoneOf(id: number): string {
  return `+7701${String(id).padStart(7, "0")}`;
}
