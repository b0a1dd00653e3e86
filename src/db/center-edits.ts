import type { CenterOffer } from "../domain/center-offers.js";
import type { GeoPoint } from "../domain/distance.js";
import type { Language } from "../domain/language.js";
import { standInsAfterWriting } from "../domain/stand-ins.js";
import { recordAudit } from "./audit.js";
import { findCenter } from "./catalog.js";
import type { Db } from "./database.js";
import type { Center } from "./schema.js";

/** One change to a center's card, as an administrator makes it. */
export type CenterEdit =
  | { field: "name" | "address" | "hours"; text: Record<Language, string> }
  | { field: "phone"; phone: string }
  | { field: "point"; point: GeoPoint }
  | { field: "open_24_7"; open: boolean };

type CenterColumns = Partial<Omit<Center, "id" | "district">>;

/** The columns an edit writes. */
function columnsOf(edit: CenterEdit): CenterColumns {
  switch (edit.field) {
    case "name":
      return { name_kk: edit.text.kk, name_ru: edit.text.ru };
    case "address":
      return { address_kk: edit.text.kk, address_ru: edit.text.ru };
    case "hours":
      return { hours_kk: edit.text.kk, hours_ru: edit.text.ru };
    case "phone":
      return { phone: edit.phone };
    case "point":
      return { latitude: edit.point.latitude, longitude: edit.point.longitude };
    case "open_24_7":
      return { open_24_7: Number(edit.open) };
  }
}

/**
 * Changes one detail of a center's card and records it in the audit log, in one transaction.
 * A stand-in detail, once replaced, is real; the center stays flagged until none is left.
 * A change to what the center already has (a press handled twice) writes nothing. Returns the center as it is now, or undefined when there is no such center.
 */
export async function editCenter(db: Db, change: { centerId: string; actorId: number; edit: CenterEdit }, now: Date): Promise<Center | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await findCenter(trx, change.centerId);
    if (!before) return undefined;
    const columns = columnsOf(change.edit);
    const set = { ...columns, ...standInsAfterWriting(before, Object.keys(columns)) };
    await trx.updateTable("centers").set(set).where("id", "=", before.id).execute();
    const keys = Object.keys(set) as (keyof typeof set)[];
    if (keys.every((k) => before[k] === set[k])) return before;
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: "center.edit",
        subject: `center:${before.id}`,
        centerId: before.id,
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: set,
      },
      now,
    );
    return { ...before, ...set };
  });
}

/**
 * Offers a service at a center, or stops offering it, and records it in the audit log, in one
 * transaction. Pressing twice changes nothing the second time.
 */
export async function setCenterOffer(
  db: Db,
  change: { centerId: string; offer: CenterOffer; offered: boolean; actorId: number },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("center_offers")
      .select("offer")
      .where("center_id", "=", change.centerId)
      .where("offer", "=", change.offer)
      .executeTakeFirst();
    if ((row !== undefined) === change.offered) return;
    if (change.offered) await trx.insertInto("center_offers").values({ center_id: change.centerId, offer: change.offer }).execute();
    else await trx.deleteFrom("center_offers").where("center_id", "=", change.centerId).where("offer", "=", change.offer).execute();
    await recordAudit(
      trx,
      {
        actorId: change.actorId,
        action: "center.offer",
        subject: `center:${change.centerId}`,
        centerId: change.centerId,
        before: { [change.offer]: !change.offered },
        after: { [change.offer]: change.offered },
      },
      now,
    );
  });
}
