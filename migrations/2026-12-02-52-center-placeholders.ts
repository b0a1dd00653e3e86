import type { Kysely } from "kysely";

/**
 * Which of a center's details are still stand-ins, one flag each: the address, the hours, the
 * phone and the map point are replaced one at a time, and each shows as soon as it is real while
 * the center stays flagged (`placeholder`) until none is left. A center the catalog marked as a
 * placeholder has all four as stand-ins; one added with real details has none.
 */
const FLAGS = ["address_placeholder", "hours_placeholder", "phone_placeholder", "location_placeholder"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const flag of FLAGS) {
    await db.schema.alterTable("centers").addColumn(flag, "integer", (c) => c.notNull().defaultTo(0)).execute();
  }
  await db
    .updateTable("centers")
    .set(Object.fromEntries(FLAGS.map((flag) => [flag, 1])))
    .where("placeholder", "=", 1)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const flag of FLAGS) await db.schema.alterTable("centers").dropColumn(flag).execute();
}
