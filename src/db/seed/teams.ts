import type { Insertable } from "kysely";
import type { Db } from "../database.js";
import type { TeamsTable } from "../schema.js";

/** Demo teams, one of each kind the city names; plainly marked, so no one takes them for real NGOs. */
const DEMO_TEAMS: Omit<Insertable<TeamsTable>, "created_at" | "demo">[] = [
  {
    name_ru: "Эко-команда (демо)",
    name_kk: "Эко-команда (демо)",
    description_ru: "Демонстрационная команда: субботники, раздельный сбор отходов, посадка деревьев.",
    description_kk: "Үлгі команда: сенбіліктер, қалдықтарды бөлек жинау, ағаш отырғызу.",
    category: "ecology",
    district: "alatau",
    center_id: "alatau-1",
  },
  {
    name_ru: "Патриотический клуб (демо)",
    name_kk: "Патриоттық клуб (демо)",
    description_ru: "Демонстрационная команда: история родного края, встречи с ветеранами, походы.",
    description_kk: "Үлгі команда: туған өлке тарихы, ардагерлермен кездесулер, жорықтар.",
    category: "patriotic",
    district: "medeu",
    center_id: "medeu-1",
  },
  {
    name_ru: "Волонтёры (демо)",
    name_kk: "Еріктілер (демо)",
    description_ru: "Демонстрационная команда: помощь на городских событиях и в центрах.",
    description_kk: "Үлгі команда: қалалық іс-шаралар мен орталықтарда көмектесу.",
    category: "volunteer",
    district: null,
    center_id: null,
  },
];

/** Adds the demo teams unless some are there already; returns how many were added. */
export async function seedTeamsDemo(db: Db, now: Date): Promise<number> {
  const existing = await db.selectFrom("teams").select("id").where("demo", "=", 1).executeTakeFirst();
  if (existing) return 0;
  const centers = new Set((await db.selectFrom("centers").select("id").execute()).map((c) => c.id));
  const rows = DEMO_TEAMS.map((t) => ({
    ...t,
    center_id: t.center_id && centers.has(t.center_id) ? t.center_id : null,
    demo: 1,
    created_at: now.toISOString(),
  }));
  await db.insertInto("teams").values(rows).execute();
  return rows.length;
}
