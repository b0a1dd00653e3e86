import type { Kysely } from "kysely";

/**
 * What a center offers besides consultations (courses, a studio, a co-working space). One row per
 * center and offer, so an administrator adds or removes one without touching the rest. The
 * offers the city has named for a district go to that district's first center, where the catalog
 * has it; co-working is in every center.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("center_offers")
    .addColumn("center_id", "text", (c) => c.notNull().references("centers.id").onDelete("cascade"))
    .addColumn("offer", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("center_offers_pk", ["center_id", "offer"])
    .execute();
  const centers: { id: string }[] = await db.selectFrom("centers").select("id").execute();
  const rows = centers.flatMap(({ id }) => [
    { center_id: id, offer: "coworking" },
    ...(id === "alatau-1" ? [{ center_id: id, offer: "recording_studio" }] : []),
    ...(id === "zhetysu-1" ? [{ center_id: id, offer: "brainstorm_room" }] : []),
  ]);
  if (rows.length > 0) await db.insertInto("center_offers").values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("center_offers").execute();
}
