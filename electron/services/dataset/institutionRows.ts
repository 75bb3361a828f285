/**
 * The institution row ↔ the model's `Institution`. Daily fees are one column per level (not JSON) so
 * a CHECK can hold each to a non-negative integer of fen.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Institution, Prices } from '../../../shared/domain/model';

const LEVEL_KEYS = ['0', '1', '2', '3', '4', '5'] as const;

interface InstitutionRow {
  name: string;
  uscc: string;
  agency_code: string;
  region: string;
  policy_id: string;
  beds: number | null;
  address: string | null;
  phone: string | null;
  bank_name: string | null;
  bank_account: string | null;
  daily_fee_fen_0: number | null;
  daily_fee_fen_1: number | null;
  daily_fee_fen_2: number | null;
  daily_fee_fen_3: number | null;
  daily_fee_fen_4: number | null;
  daily_fee_fen_5: number | null;
  hourly_fee_fen: number | null;
  visit_fee_fen: number | null;
}

/** An optional text as stored: trimmed, and null when there is nothing to print. */
const text = (s: string | undefined): string | null => (s?.trim() ? s.trim() : null);

function toRow(i: Institution): InstitutionRow {
  const daily = i.prices.dailyFeeFen ?? {};
  return {
    name: i.name,
    uscc: i.uscc,
    agency_code: i.agencyCode,
    region: i.region,
    policy_id: i.policy,
    beds: i.beds ?? null,
    address: text(i.address),
    phone: text(i.phone),
    bank_name: text(i.bankName),
    bank_account: text(i.bankAccount),
    daily_fee_fen_0: daily['0'] ?? null,
    daily_fee_fen_1: daily['1'] ?? null,
    daily_fee_fen_2: daily['2'] ?? null,
    daily_fee_fen_3: daily['3'] ?? null,
    daily_fee_fen_4: daily['4'] ?? null,
    daily_fee_fen_5: daily['5'] ?? null,
    hourly_fee_fen: i.prices.hourlyFeeFen ?? null,
    visit_fee_fen: i.prices.visitFeeFen ?? null,
  };
}

function fromRow(r: InstitutionRow): Institution {
  const daily: Record<string, number> = {};
  for (const k of LEVEL_KEYS) {
    const fee = r[`daily_fee_fen_${k}`];
    if (fee != null) daily[k] = fee;
  }
  const prices: Prices = {};
  if (Object.keys(daily).length > 0) prices.dailyFeeFen = daily;
  if (r.hourly_fee_fen != null) prices.hourlyFeeFen = r.hourly_fee_fen;
  if (r.visit_fee_fen != null) prices.visitFeeFen = r.visit_fee_fen;
  // Key order as in the dataset schema, so an exported file reads like an imported one.
  return {
    name: r.name,
    uscc: r.uscc,
    agencyCode: r.agency_code,
    region: r.region,
    policy: r.policy_id,
    ...(r.beds != null ? { beds: r.beds } : {}),
    ...(r.address != null ? { address: r.address } : {}),
    ...(r.phone != null ? { phone: r.phone } : {}),
    ...(r.bank_name != null ? { bankName: r.bank_name } : {}),
    ...(r.bank_account != null ? { bankAccount: r.bank_account } : {}),
    prices,
  };
}

const COLUMNS = Object.keys(toRow({ name: '', uscc: '', agencyCode: '', region: '', policy: '', prices: {} }));

export function readInstitution(sql: BetterSqlite3.Database): Institution | undefined {
  const row = sql.prepare(`SELECT ${COLUMNS.join(', ')} FROM institution WHERE id = 1`).get() as InstitutionRow | undefined;
  return row ? fromRow(row) : undefined;
}

/** Creates the single row or replaces its settings. */
export function writeInstitution(sql: BetterSqlite3.Database, i: Institution, now: string): void {
  const sets = COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
  sql
    .prepare(
      `INSERT INTO institution (id, ${COLUMNS.join(', ')}, updated_at) VALUES (1, ${COLUMNS.map((c) => `@${c}`).join(', ')}, @now)
       ON CONFLICT (id) DO UPDATE SET ${sets}, updated_at = excluded.updated_at`,
    )
    .run({ ...toRow(i), now });
}

/** Same settings, as stored (absent and null alike). */
export function sameInstitution(a: Institution, b: Institution): boolean {
  return JSON.stringify(toRow(a)) === JSON.stringify(toRow(b));
}
