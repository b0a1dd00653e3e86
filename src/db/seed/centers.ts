import type { Insertable } from "kysely";
import { DISTRICTS, type DistrictCode } from "../../domain/districts.js";
import type { CentersTable } from "../schema.js";

export type NewCenter = Insertable<CentersTable>;

/** Each district has two centers (FACTS: 16 in all since 2026). */
export const CENTERS_PER_DISTRICT = 2;

interface DistrictNaming {
  /** "Алатауского": the district in a Russian center name ("Молодёжный центр Алатауского района"). */
  ruGenitive: string;
  /** "Алатау": the district in a Kazakh center name ("Алатау ауданының ... орталығы"). */
  kk: string;
  /** A rough point inside the district: a stand-in map point, never a center's real location. */
  latitude: number;
  longitude: number;
}

const DISTRICT_NAMING: Record<DistrictCode, DistrictNaming> = {
  alatau: { ruGenitive: "Алатауского", kk: "Алатау", latitude: 43.28, longitude: 76.84 },
  almaly: { ruGenitive: "Алмалинского", kk: "Алмалы", latitude: 43.25, longitude: 76.92 },
  auezov: { ruGenitive: "Ауэзовского", kk: "Әуезов", latitude: 43.22, longitude: 76.85 },
  bostandyk: { ruGenitive: "Бостандыкского", kk: "Бостандық", latitude: 43.21, longitude: 76.91 },
  zhetysu: { ruGenitive: "Жетысуского", kk: "Жетісу", latitude: 43.3, longitude: 76.93 },
  medeu: { ruGenitive: "Медеуского", kk: "Медеу", latitude: 43.24, longitude: 76.97 },
  nauryzbay: { ruGenitive: "Наурызбайского", kk: "Наурызбай", latitude: 43.19, longitude: 76.78 },
  turksib: { ruGenitive: "Турксибского", kk: "Түрксіб", latitude: 43.33, longitude: 76.98 },
};

/**
 * A center whose real address, phone and location are not known yet: marked as a placeholder
 * for an administrator to replace. The schedule is a typical one, labelled as provisional; the
 * city plans 24/7 opening, but it is not true yet.
 */
function placeholderCenter(district: DistrictCode, number: number): NewCenter {
  const naming = DISTRICT_NAMING[district];
  return {
    id: `${district}-${number}`,
    district,
    name_ru: `Молодёжный центр ${naming.ruGenitive} района №${number}`,
    name_kk: `${naming.kk} ауданының №${number} жастар орталығы`,
    address_ru: "Адрес уточняется администратором",
    address_kk: "Мекенжайды әкімші нақтылайды",
    hours_ru: "Понедельник–суббота, 10:00–19:00 (предварительный график, уточняется)",
    hours_kk: "Дүйсенбі–сенбі, 10:00–19:00 (болжамды кесте, нақтыланады)",
    open_24_7: 0,
    phone: null,
    latitude: naming.latitude,
    longitude: naming.longitude,
    placeholder: 1,
    address_placeholder: 1,
    hours_placeholder: 1,
    phone_placeholder: 1,
    location_placeholder: 1,
  };
}

/** The city's centers as first installed: ids "<district>-1", "<district>-2". */
export const CENTER_CATALOG: readonly NewCenter[] = DISTRICTS.flatMap((district) =>
  Array.from({ length: CENTERS_PER_DISTRICT }, (_, i) => placeholderCenter(district, i + 1)),
);
