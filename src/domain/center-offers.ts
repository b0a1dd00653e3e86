/** What a center may offer besides consultations, in the order a center's card lists them. */
export const CENTER_OFFERS = [
  "it_courses",
  "language_courses",
  "driving",
  "recording_studio",
  "brainstorm_room",
  "coworking",
  "volunteering",
] as const;
export type CenterOffer = (typeof CENTER_OFFERS)[number];

/**
 * The offers the city has named for particular centers (a recording studio in Alatau, a brainstorm
 * room in Zhetysu: the district's first center), and co-working in every center. Nothing else is
 * known for sure: an administrator adds the rest.
 */
export function knownOffers(centerId: string): CenterOffer[] {
  const offers: CenterOffer[] = [];
  if (centerId === "alatau-1") offers.push("recording_studio");
  if (centerId === "zhetysu-1") offers.push("brainstorm_room");
  offers.push("coworking");
  return offers;
}
