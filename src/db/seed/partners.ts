import { createPartner, type NewPartner } from "../cards.js";
import type { Db } from "../database.js";

/**
 * Stand-ins for the venues that give card holders benefits, one per category, named as demo
 * in both languages: no real venue's name or offer is made up.
 */
const DEMO_PARTNERS: readonly NewPartner[] = [
  { name: "Көлік / Транспорт (демо)", category: "transport", benefitKk: "Демо жеңілдік: жол ақысынан 10%", benefitRu: "Демо-скидка: 10% на проезд" },
  { name: "Спорт залы / Спортзал (демо)", category: "sport", benefitKk: "Демо жеңілдік: абонементке 15%", benefitRu: "Демо-скидка: 15% на абонемент" },
  { name: "Театр (демо)", category: "culture", benefitKk: "Демо жеңілдік: билетке 20%", benefitRu: "Демо-скидка: 20% на билет" },
];

/** Adds the demo partners unless some are there already (a second run adds nothing); returns how many were added. */
export async function seedPartnersDemo(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("partners").select("id").where("demo", "=", 1).executeTakeFirst();
    if (existing) return 0;
    for (const partner of DEMO_PARTNERS) await createPartner(trx, { ...partner, demo: true }, now);
    return DEMO_PARTNERS.length;
  });
}
