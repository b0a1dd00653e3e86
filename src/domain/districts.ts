/** Almaty's eight districts; their names live in the locales as `district-<code>`. */
export const DISTRICTS = [
  "alatau",
  "almaly",
  "auezov",
  "bostandyk",
  "zhetysu",
  "medeu",
  "nauryzbay",
  "turksib",
] as const;

export type DistrictCode = (typeof DISTRICTS)[number];
