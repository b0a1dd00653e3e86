import { localDateOf } from "../domain/time.js";
import { eraseCard, exportCard, type OwnCardCheck } from "./cards.js";
import { exportBroadcastsReceived } from "./broadcasts.js";
import { cancelBooking, listEveryOwnBooking, listUpcomingOwnBookings, type BookingDetails } from "./bookings.js";
import { deleteConversationState } from "./conversation-state.js";
import type { Db } from "./database.js";
import { erasePracticeData, exportPracticeData, findPracticeSettings, loadCards, practiceAnswers, type StoredCard } from "./practice.js";
import type { Card, PracticeSettings, User } from "./schema.js";
import { cancelUpcomingSignups } from "./seats.js";
import { exportSignups, listEveryOwnSignup, type SignupView } from "./events.js";
import { eraseMemberships, exportMemberships, type MembershipView } from "./teams.js";
import { countAnonymously, findUser, lockPerson } from "./users.js";

/**
 * Everything stored about one person, for /mydata. Each table that holds personal data adds
 * its part here, so the export and the erasure below never drift apart.
 */
export async function exportUserData(db: Db, userId: number): Promise<Record<string, unknown> | null> {
  const user = await db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user) return null;
  const bookings = await db
    .selectFrom("bookings")
    .select(["id", "service", "center_id", "starts_at", "ends_at", "mode", "topic", "status", "created_at", "feedback_score", "feedback_comment"])
    .where("user_id", "=", userId)
    .orderBy("starts_at")
    .execute();
  const practice = await exportPracticeData(db, userId);
  const teams = (await exportMemberships(db, userId)).map((m) => ({
    team: m.team_name_ru,
    status: m.status,
    message: m.message,
    created_at: m.created_at,
    updated_at: m.updated_at,
  }));
  return {
    user,
    bookings,
    practice,
    event_signups: await exportSignups(db, userId),
    teams,
    card: await exportCard(db, userId),
    broadcasts: await exportBroadcastsReceived(db, userId),
  };
}

/** The same data as exportUserData, with what a person needs to read it: center names, sessions, words. */
export interface PersonalData {
  user: User;
  bookings: BookingDetails[];
  signups: SignupView[];
  teams: MembershipView[];
  practice: { settings: PracticeSettings | undefined; cards: StoredCard[]; answers: { count: number; last: string | null } };
  /** The discount card with every check of it; null before "My card" was first opened. */
  card: { card: Card & { number: string }; checks: OwnCardCheck[] } | null;
}

/** Everything stored about one person, for the readable /mydata file; null when nothing is. */
export async function loadPersonalData(db: Db, userId: number): Promise<PersonalData | null> {
  const user = await findUser(db, userId);
  if (!user) return null;
  return {
    user,
    bookings: await listEveryOwnBooking(db, userId),
    signups: await listEveryOwnSignup(db, userId),
    teams: await exportMemberships(db, userId),
    practice: {
      settings: await findPracticeSettings(db, userId),
      cards: await loadCards(db, userId),
      answers: await practiceAnswers(db, userId),
    },
    card: await exportCard(db, userId),
  };
}

/**
 * Erases a person's data for /deleteme. Upcoming consultations are cancelled first (the
 * specialist is told and the time is free again), and so are upcoming tea-talk sign-ups (a freed
 * seat goes to the waitlist); past bookings and sign-ups stay for the city's figures, without
 * their person, topic or comment, and nothing sent to the person is kept; the erasure itself is counted anonymously.
 */
export async function eraseUserData(db: Db, userId: number, now: Date): Promise<void> {
  // One transaction: a booking or sign-up made at the same moment from another device waits
  // for the person's row and then finds nobody, instead of outliving the erasure.
  await db.transaction().execute(async (trx) => {
    await lockPerson(trx, userId);
    for (const booking of await listUpcomingOwnBookings(trx, userId, now)) await cancelBooking(trx, userId, booking.id, now);
    await cancelUpcomingSignups(trx, userId, now);
    await trx.updateTable("bookings").set({ topic: null, feedback_comment: null }).where("user_id", "=", userId).execute();
    // Every message to the person goes, sent ones too: a row naming their Telegram id next to a
    // booking would tie the anonymous booking back to them.
    await trx.deleteFrom("outbox").where("recipient_id", "=", userId).execute();
    await deleteConversationState(trx, userId);
    await erasePracticeData(trx, userId);
    await eraseMemberships(trx, userId);
    // The card's tokens stop working with it; its checks stay for the partners' figures, without a card.
    await eraseCard(trx, userId);
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    await countAnonymously(trx, "accounts_erased", localDateOf(now));
  });
}
