import type { Db } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { enqueue } from "../../src/db/outbox.js";
import type { Center } from "../../src/db/schema.js";
import type { Language } from "../../src/domain/language.js";
import { addMinutes } from "../../src/domain/time-math.js";
import type { BotApiEmulator } from "../../src/emulator/bot-api-emulator.js";
import { insertBooking, insertCenter, insertSpecialist } from "../support/fixtures.js";
import { registerUser } from "../support/users.js";

/**
 * People with a consultation tomorrow at one center, half an hour apart, whose day-before
 * reminder is already due, each known to every Telegram given: a bot started now finds them all
 * waiting. Bot processes run on the real clock, so "due" is "a minute ago".
 */
export async function seedDueReminders(
  db: Db,
  people: readonly { id: number; language: Language }[],
  telegrams: readonly BotApiEmulator[],
  center: Partial<Center> & { id: string } = { id: "almaly-1" },
): Promise<void> {
  await migrateToLatest(db);
  const now = new Date();
  await insertCenter(db, center);
  const specialist = await insertSpecialist(db, { centerId: center.id, service: "career" });
  for (const [i, person] of people.entries()) {
    await registerUser(db, person.id, { language: person.language });
    for (const em of telegrams) em.addUser({ id: person.id, first_name: `Person ${i}` });
    const startsAt = addMinutes(now, 24 * 60 + 30 * i);
    const bookingId = await insertBooking(db, { specialist, userId: person.id, startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, 30).toISOString() });
    await enqueue(
      db,
      {
        kind: "booking_reminder",
        dueAt: addMinutes(now, -1),
        expiresAt: startsAt,
        payload: { bookingId, offsetMinutes: 24 * 60 },
        dedupeKey: `booking_reminder:${bookingId}:1440`,
        essential: true,
        urgent: true,
        recipientId: person.id,
        bookingId,
      },
      now,
    );
  }
}
