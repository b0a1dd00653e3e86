/**
 * A seeded center's details that stand in for real ones until an administrator gives them: each
 * is flagged on its own, and the center as a whole (`placeholder`) while any is left.
 */

/** Each detail that may be a stand-in, by its flag, with the columns that hold it. */
export const STAND_IN_DETAILS = {
  address_placeholder: ["address_kk", "address_ru"],
  hours_placeholder: ["hours_kk", "hours_ru"],
  phone_placeholder: ["phone"],
  location_placeholder: ["latitude", "longitude"],
} as const;

export type StandInFlag = keyof typeof STAND_IN_DETAILS;
export type StandInFlags = Record<StandInFlag, number>;

const FLAGS = Object.keys(STAND_IN_DETAILS) as StandInFlag[];

/** The stand-in details a center still has, by flag; a flag not given is no stand-in. */
export function standInDetails(center: Partial<StandInFlags>): StandInFlag[] {
  return FLAGS.filter((flag) => center[flag] === 1);
}

/**
 * What writing `columns` does to a center's flags: a detail written is real from now on (its
 * flag becomes 0), one left as it was keeps its flag, and the center stays flagged while any
 * stand-in is left. `current` is the center before; a new one has no flags yet.
 */
export function standInsAfterWriting(
  current: Partial<StandInFlags>,
  columns: readonly string[],
): Partial<StandInFlags> & { placeholder: number } {
  const replaced: Partial<StandInFlags> = {};
  for (const flag of FLAGS) if (STAND_IN_DETAILS[flag].some((column) => columns.includes(column))) replaced[flag] = 0;
  return { ...replaced, placeholder: Number(standInDetails({ ...current, ...replaced }).length > 0) };
}
