/**
 * Where a client lives, as 派单 needs it: the 街道 (or 镇/乡) and the 小区 read off the address text, so two
 * visits in the same 街道 or 小区 are a short trip (PlanRules.travelSameAreaMinutes) and others take the
 * default (travelDefaultMinutes). Addresses carry no coordinates in the records; where a client's visits
 * were checked in with coordinates, those are used instead (travelMinutes).
 */
import type { GeoPoint } from '../domain/model';
import type { PlanRules } from './types';

export interface Area {
  /** 街道/镇/乡, with the district before it; '' when the address names none */
  street: string;
  /** 小区/村/社区/花园/苑; '' when none */
  estate: string;
}

export function areaOf(address: string | null | undefined): Area {
  const a = (address ?? '').replace(/\s/g, '');
  const street = /^.*?(街道|镇|乡)/.exec(a)?.[0] ?? '';
  const rest = a.slice(street.length);
  const estate = /^.*?(小区|村|社区|花园|苑|新村|公寓)/.exec(rest)?.[0] ?? '';
  return { street, estate };
}

export const sameArea = (a: Area, b: Area): boolean =>
  (a.estate !== '' && a.estate === b.estate && a.street === b.street) || (a.street !== '' && a.street === b.street);

/** Straight-line km between two points (haversine). */
export function kmBetween(p: GeoPoint, q: GeoPoint): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const h = Math.sin(r(q.lat - p.lat) / 2) ** 2 + Math.cos(r(p.lat)) * Math.cos(r(q.lat)) * Math.sin(r(q.lng - p.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Minutes from one client to the next: by coordinates at 20 km/h in town (the product's assumption:
 * an electric bicycle or bus, straight line × 1.3 for streets), at least the short trip; otherwise by area.
 */
export function travelMinutes(
  a: { area: Area; at?: GeoPoint | null | undefined },
  b: { area: Area; at?: GeoPoint | null | undefined },
  rules: PlanRules,
): number {
  if (a.at && b.at) return Math.max(rules.travelSameAreaMinutes, Math.round(((kmBetween(a.at, b.at) * 1.3) / 20) * 60));
  return sameArea(a.area, b.area) ? rules.travelSameAreaMinutes : rules.travelDefaultMinutes;
}
