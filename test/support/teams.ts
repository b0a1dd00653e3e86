import type { Db } from "../../src/db/database.js";
import type { Team } from "../../src/db/schema.js";

/** A team working with the centers; what a test leaves out gets a plain default. */
export async function insertTeam(db: Db, team: Partial<Omit<Team, "id">> = {}): Promise<Team> {
  return db
    .insertInto("teams")
    .values({
      name_kk: "Команда",
      name_ru: "Команда",
      description_kk: "Сипаттама",
      description_ru: "Описание",
      category: "volunteer",
      district: null,
      center_id: null,
      coordinator_id: null,
      active: 1,
      demo: 0,
      created_at: "2026-11-01T00:00:00.000Z",
      ...team,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
