import { completeRegistration, ensureUser } from "../db/users.js";
import { bookSlot, loadAgendas } from "../db/bookings.js";
import { listActivePartners, partnerOfAccount } from "../db/cards.js";
import { createInvite, redeemInvite, type InviteTarget } from "../db/staff.js";
import { teamsCoordinatedBy, teamsWithoutCoordinator } from "../db/teams.js";
import type { Db } from "../db/database.js";
import type { Config } from "../config.js";
import { openSlots } from "../domain/booking-rules.js";
import { CONSENT_VERSION } from "../domain/profile.js";
import type { Language } from "../domain/language.js";
import type { EmulatedUser } from "../emulator/updates.js";

/** What a person of the sandbox is there to show. */
export type PersonaRole = "youth" | "specialist" | "admin" | "partner" | "coordinator" | "guest";

/** Someone to try the bot as: a Telegram user with a role prepared for them. */
export interface Persona {
  user: EmulatedUser & { language_code: Language };
  role: PersonaRole;
}

/**
 * The people the sandbox starts with. Their Telegram ids are fixed, so that a kept database
 * (`--db`) finds them again. A new role is one more entry here, prepared in `preparePersonas`.
 */
export const PERSONAS: readonly Persona[] = [
  { user: { id: 1001, first_name: "Айгерім", language_code: "kk" }, role: "youth" },
  { user: { id: 1002, first_name: "Дмитрий", language_code: "ru" }, role: "youth" },
  { user: { id: 1003, first_name: "Айжан", language_code: "kk" }, role: "specialist" },
  { user: { id: 1004, first_name: "Марат", language_code: "ru" }, role: "admin" },
  { user: { id: 1005, first_name: "Жанна", language_code: "ru" }, role: "partner" },
  { user: { id: 1006, first_name: "Нұрлан", language_code: "kk" }, role: "coordinator" },
];

/** Ids of people added while the sandbox runs start here, clear of the prepared ones. */
export const FIRST_GUEST_ID = 2001;

/** Demo clients whose bookings fill the specialist's days; nobody reads their chats. */
export const DEMO_CLIENTS: readonly EmulatedUser[] = [
  { id: 1901, first_name: "Әлия", language_code: "kk" },
  { id: 1902, first_name: "Тимур", language_code: "ru" },
];

/** The ids that `ADMIN_IDS` must list for the prepared administrators. */
export function adminIds(): number[] {
  return PERSONAS.filter((p) => p.role === "admin").map((p) => p.user.id);
}

/**
 * Gives the prepared people their roles in the database: the specialist persona becomes the
 * first center's demo psychologist, with two demo clients booked; the partner persona checks
 * cards for a demo partner, and the coordinator persona runs a demo team. Safe to run again on
 * a kept database: what is in place already is left alone.
 */
export async function preparePersonas(db: Db, config: Config, now: Date): Promise<void> {
  for (const persona of PERSONAS) {
    const prepare = PREPARE[persona.role];
    if (!prepare) continue;
    // Staff notices are written in the language of the person's row.
    await ensureUser(db, persona.user.id, persona.user.language_code, now);
    await prepare(db, config, persona.user.id, now);
  }
}

type Preparation = (db: Db, config: Config, telegramId: number, now: Date) => Promise<void>;

const PREPARE: Partial<Record<PersonaRole, Preparation>> = {
  specialist: prepareSpecialist,
  partner: preparePartner,
  coordinator: prepareCoordinator,
};

async function preparePartner(db: Db, _config: Config, telegramId: number, now: Date): Promise<void> {
  if (await partnerOfAccount(db, telegramId)) return;
  const partner = (await listActivePartners(db)).find((p) => p.demo === 1);
  if (partner) await redeemInviteFor(db, { kind: "partner", partnerId: partner.id }, telegramId, now);
}

async function prepareCoordinator(db: Db, _config: Config, telegramId: number, now: Date): Promise<void> {
  if ((await teamsCoordinatedBy(db, telegramId)).length > 0) return;
  const team = (await teamsWithoutCoordinator(db)).find((t) => t.demo === 1);
  if (team) await redeemInviteFor(db, { kind: "coordinator", teamId: team.id }, telegramId, now);
}

/** The role an administrator's invite gives, taken as opening its link takes it. */
async function redeemInviteFor(db: Db, target: InviteTarget, telegramId: number, now: Date): Promise<void> {
  const invite = await createInvite(db, { target, createdBy: adminIds()[0]! }, now);
  const redeemed = await redeemInvite(db, { kind: target.kind, token: invite.token }, telegramId, now);
  if (redeemed.kind !== "linked") throw new Error(`the sandbox's ${target.kind} invite was refused: ${redeemed.kind}`);
}

async function prepareSpecialist(db: Db, config: Config, telegramId: number, now: Date): Promise<void> {
  const linked = await db.selectFrom("specialists").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();
  if (linked) return;
  const specialist = await db
    .selectFrom("specialists")
    .selectAll()
    .where("service", "=", "psychologist")
    .where("demo", "=", 1)
    .where("active", "=", 1)
    .orderBy("id")
    .executeTakeFirst();
  if (!specialist) return;
  await db.updateTable("specialists").set({ telegram_id: telegramId }).where("id", "=", specialist.id).execute();

  const [agenda] = await loadAgendas(db, [specialist], now);
  // Every third slot, so that the days show gaps a young person can still book.
  const slots = openSlots(agenda!, now).filter((_, i) => i % 3 === 2);
  const policy = { limits: config.booking, reminderOffsetsMinutes: config.reminderOffsetsMinutes };
  for (const [client, slot] of DEMO_CLIENTS.map((c, i) => [c, slots[i]] as const)) {
    if (!slot) break;
    await ensureUser(db, client.id, client.language_code === "ru" ? "ru" : "kk", now);
    await completeRegistration(
      db,
      client.id,
      { name: client.first_name, age: 20, guardianConsent: null, district: "almaly", phone: null, occupation: null, consentVersion: CONSENT_VERSION },
      now,
    );
    await bookSlot(db, { userId: client.id, specialistId: specialist.id, startsAt: slot.start, mode: "in_person", topic: null }, policy, now);
  }
}
