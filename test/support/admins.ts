import { seedCatalog } from "../../src/db/seed/index.js";
import type { Language } from "../../src/domain/language.js";
import { insertCenterAdmin } from "./fixtures.js";
import { createHarness, type ApiCall, type HarnessUser } from "./harness.js";

/** The city's administrator (ADMIN_IDS), a center's administrator, and someone with neither role. */
export const CITY_ADMIN = 900;
export const CENTER_ADMIN = 901;
export const NOBODY = 902;

/**
 * The bot as the administration's tests find it: CITY_ADMIN administers the city, the clock
 * reads Wednesday 2 December 2026, 10:00 in Almaty, and with `catalog` the city's sixteen
 * centers are there as seeded.
 */
export async function createAdminHarness(options: { catalog?: boolean } = {}) {
  const h = await createHarness({ env: { ADMIN_IDS: String(CITY_ADMIN) }, now: "2026-12-02T05:00:00Z" });
  if (options.catalog) await seedCatalog(h.db);
  return {
    ...h,
    /** Makes `telegramId` an administrator of the center, granted by CITY_ADMIN (or revoked since, at `revokedAt`). */
    grantCenter: (telegramId: number, centerId: string, revokedAt: string | null = null) =>
      insertCenterAdmin(h.db, { telegramId, centerId, grantedBy: CITY_ADMIN, revokedAt }),
    /** An administrator's chat, the city's unless told. */
    admin: (id = CITY_ADMIN, language: Language = "ru"): HarnessUser => h.user({ id, first_name: "Admin", language_code: language }),
  };
}

export type AdminHarness = Awaited<ReturnType<typeof createAdminHarness>>;

/** The texts of the answers to button presses in a batch of calls. */
export const alerts = (batch: ApiCall[]) => batch.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);
