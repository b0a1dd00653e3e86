import type { Language } from "./language.js";

/** Distances between points on the map, for "nearest centers". */

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance in kilometres (haversine): within a city, off by metres at most. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The `count` places closest to `from`, nearest first, each with its distance; ties keep the given order. */
export function nearest<T extends GeoPoint>(places: readonly T[], from: GeoPoint, count: number): { place: T; km: number }[] {
  return places
    .map((place) => ({ place, km: distanceKm(from, place) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}

/** Kilometres with one decimal, written the way the language writes numbers ("3,2" in both). */
export function formatKm(km: number, language: Language): string {
  return new Intl.NumberFormat(language === "kk" ? "kk-KZ" : "ru-RU", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(km);
}
