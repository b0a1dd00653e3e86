import { sql, type Kysely } from "kysely";
import { columns } from "./portable.js";

// When a consultation was marked attended / no-show: a mark may be corrected for a while after
// it is made, and a no-show counts toward the limit only once it can no longer be corrected.
export async function up(db: Kysely<any>): Promise<void> {
  const col = columns(db);
  await db.schema.alterTable("bookings").addColumn("marked_at", col.instant).execute();
  // Marks made before this column existed were made when the row last changed.
  await sql`update bookings set marked_at = updated_at where status in ('attended', 'no_show')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("bookings").dropColumn("marked_at").execute();
}
