/**
 * Distances between check-in points (签到位置). Points are WGS-84 as phones report them; over the few
 * kilometres of one city the haversine formula is exact to well under a metre, far below GPS noise.
 */
import type { GeoPoint } from '../domain/model';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of latitude, and of longitude at a latitude: for grid cells, not for distances. */
export const METERS_PER_DEGREE_LAT = 111_320;
export const metersPerDegreeLng = (lat: number): number => METERS_PER_DEGREE_LAT * Math.cos(lat * RAD);

function median(values: number[]): number {
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/**
 * The coordinate-wise median of points: where most check-ins are, unmoved by a few far ones (a check-in
 * made elsewhere is exactly what the rule looks for, so a mean would learn the fraud it should find).
 */
export function medianPoint(points: readonly GeoPoint[]): GeoPoint | null {
  if (points.length === 0) return null;
  return { lat: median(points.map((p) => p.lat)), lng: median(points.map((p) => p.lng)) };
}

/** Rounded for messages: 1,234 m reads as “约 1.2 公里”, 180 m as “约 180 米”. */
export function distanceText(m: number): string {
  return m >= 1000 ? `约 ${(m / 1000).toFixed(1)} 公里` : `约 ${Math.round(m)} 米`;
}
