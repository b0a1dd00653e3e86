import { describe, expect, it } from "vitest";
import { distanceKm, formatKm, nearest, type GeoPoint } from "../../src/domain/distance.js";

/** The rough center points of Almaty's districts (FACTS), which placeholder centers stand at. */
const DISTRICT_POINTS: Record<string, GeoPoint> = {
  alatau: { latitude: 43.28, longitude: 76.84 },
  almaly: { latitude: 43.25, longitude: 76.92 },
  auezov: { latitude: 43.22, longitude: 76.85 },
  bostandyk: { latitude: 43.21, longitude: 76.91 },
  zhetysu: { latitude: 43.3, longitude: 76.93 },
  medeu: { latitude: 43.24, longitude: 76.97 },
  nauryzbay: { latitude: 43.19, longitude: 76.78 },
  turksib: { latitude: 43.33, longitude: 76.98 },
};
const places = Object.entries(DISTRICT_POINTS).map(([name, p]) => ({ name, ...p }));

/** A flat-map approximation, good within a city: the haversine result must agree with it. */
function flatKm(a: GeoPoint, b: GeoPoint): number {
  const kmPerDegree = (2 * Math.PI * 6371.0088) / 360;
  const dx = (b.longitude - a.longitude) * Math.cos((((a.latitude + b.latitude) / 2) * Math.PI) / 180);
  const dy = b.latitude - a.latitude;
  return Math.hypot(dx, dy) * kmPerDegree;
}

describe("distanceKm", () => {
  it("is zero to the same point, the same both ways, and a degree of latitude is about 111 km", () => {
    const almaly = DISTRICT_POINTS.almaly!;
    expect(distanceKm(almaly, almaly)).toBe(0);
    expect(distanceKm(almaly, DISTRICT_POINTS.medeu!)).toBeCloseTo(distanceKm(DISTRICT_POINTS.medeu!, almaly), 10);
    expect(distanceKm({ latitude: 43, longitude: 76.9 }, { latitude: 44, longitude: 76.9 })).toBeCloseTo(111.2, 1);
  });

  it.each(places.flatMap((a) => places.filter((b) => b.name > a.name).map((b) => [a.name, b.name, a, b] as const)))(
    "agrees with the flat-map distance within the city: %s to %s",
    (_a, _b, a, b) => {
      expect(Math.abs(distanceKm(a, b) - flatKm(a, b)) / flatKm(a, b)).toBeLessThan(0.005);
    },
  );
});

describe("nearest", () => {
  it.each(places.map((p) => [p.name, p] as const))("puts a district's own point first when standing at %s", (name, p) => {
    expect(nearest(places, p, 3)[0]).toEqual({ place: expect.objectContaining({ name }), km: 0 });
  });

  it("orders by distance, nearest first, and gives at most the number asked for", () => {
    // From the middle of Almaly: Medeu lies about 4.2 km east, Bostandyk about 4.5 km south.
    const found = nearest(places, DISTRICT_POINTS.almaly!, 3);
    expect(found.map((f) => f.place.name)).toEqual(["almaly", "medeu", "bostandyk"]);
    expect(found.map((f) => f.km)).toEqual([...found.map((f) => f.km)].sort((a, b) => a - b));
    expect(found[1]!.km).toBeCloseTo(flatKm(DISTRICT_POINTS.almaly!, DISTRICT_POINTS.medeu!), 1);
    // From the far west (Nauryzbay), the city's east (Turksib) is last of all.
    expect(nearest(places, DISTRICT_POINTS.nauryzbay!, 8).at(-1)?.place.name).toBe("turksib");
    expect(nearest(places.slice(0, 2), DISTRICT_POINTS.medeu!, 3)).toHaveLength(2);
  });

  it("keeps the given order for places at the same distance (two centers at one stand-in point)", () => {
    const twins = [
      { name: "medeu-1", ...DISTRICT_POINTS.medeu! },
      { name: "medeu-2", ...DISTRICT_POINTS.medeu! },
    ];
    expect(nearest(twins, DISTRICT_POINTS.almaly!, 2).map((f) => f.place.name)).toEqual(["medeu-1", "medeu-2"]);
  });
});

describe("formatKm", () => {
  it("writes one decimal with a comma in both languages", () => {
    expect(formatKm(4.2371, "ru")).toBe("4,2");
    expect(formatKm(4.2371, "kk")).toBe("4,2");
    expect(formatKm(0, "ru")).toBe("0,0");
    expect(formatKm(12.96, "kk")).toBe("13,0");
  });
});
