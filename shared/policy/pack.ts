/**
 * Policy packs (docs/rules.md §11): one versioned, effective-dated data file per pooling region.
 * Every number that differs between cities lives in a pack file under resources/policies/, never in
 * code. This module is the pack's type and its validation (a pack file is checked when loaded).
 */
import { z } from 'zod';

const levelKey = z.enum(['0', '1', '2', '3', '4', '5']);
const level = z.number().int().min(0).max(5);
const fen = z.number().int().min(0);
const rate = z.number().min(0).max(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A number per level, e.g. quota hours or a day cap; levels missing from it get nothing. */
const perLevel = <T extends z.ZodType>(value: T) => z.partialRecord(levelKey, value);

/** How the agency pays for institutional bed-days (机构护理). */
const institutionalModel = z.object({
  /** share of the institution's daily fee the fund pays */
  fundRatio: rate,
  /**
   * `fund`: the fund's day share is capped (Ningbo: fundDay = min(round(fee × ratio), cap));
   * `fee`: the fee is capped first (Tianjin: fundDay = round(min(fee, cap) × ratio)).
   */
  capApplies: z.enum(['fund', 'fee']),
  dayCapFen: perLevel(fen),
  /** leave days billable per month (请假); more are not billable */
  leaveDaysBillablePerMonth: z.number().int().min(0),
});

const hourlyQuota = z.object({
  model: z.literal('hourly-quota'),
  /** hours a month covered, by level (Ningbo 20/25/30) */
  quotaHours: perLevel(z.number().min(0)),
  fundRatio: rate,
});

const perVisit = z.object({
  model: z.literal('per-visit'),
  /** the pack's fee per visit, used when the institution's price list has none */
  visitFeeFen: fen.optional(),
  /** at most this many counted visits a calendar week (Monday–Sunday), by level */
  visitsPerWeek: perLevel(z.number().int().min(0)),
  /** at most this many counted visits a day */
  visitsPerDay: z.number().int().min(1),
  /** the fund pays this share … */
  fundRatio: rate.optional(),
  /** … or the person pays a fixed amount a visit and the fund the rest (Nantong) */
  copayFen: fen.optional(),
});

const monthlyCap = z.object({
  model: z.literal('monthly-cap'),
  /** the fund pays `fundRatio` of the fee up to this cap a month (Tianjin 2100 yuan) */
  capFen: fen,
  fundRatio: rate,
});

export const policyPackSchema = z
  .object({
    format: z.literal('ltc-policy'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    title: z.string().min(1),
    /** pooling regions (统筹区) the pack is written for; empty: any */
    regions: z.array(z.string().regex(/^\d{6}$/)),
    effectiveFrom: date,
    effectiveTo: date.optional(),
    source: z.string(),
    /** numbers that are the product's reading of a policy text that is not explicit (†) */
    assumptions: z.array(z.string()),
    eligibleLevels: z.array(level).min(1),
    assessment: z.object({
      /** `next-month`: from the 1st of the month after the conclusion; `conclusion-date`: that day */
      benefitStart: z.enum(['next-month', 'conclusion-date']),
      validityMonths: z.number().int().min(1),
      /** the claim warns (ASSESSMENT_EXPIRING) when an assessment ends within this many days */
      expiringWarningDays: z.number().int().min(0),
    }),
    /** lead days for expiry reminders of assessments and certificates (60/30/7) */
    reminderLeadDays: z.array(z.number().int().min(0)),
    institutional: institutionalModel.nullable(),
    home: z.discriminatedUnion('model', [hourlyQuota, perVisit, monthlyCap]).nullable(),
    /** the shortest valid home visit, minutes (a catalogue item may ask for longer) */
    minVisitMinutes: z.number().int().min(0),
    /** catalogue id, e.g. interim-42 */
    catalogue: z.string().min(1),
  })
  .superRefine((p, ctx) => {
    if (p.home?.model === 'per-visit' && (p.home.fundRatio === undefined) === (p.home.copayFen === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['home'], message: 'per-visit needs exactly one of fundRatio or copayFen' });
    }
    if (p.effectiveTo && p.effectiveTo < p.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
  });

export type PolicyPack = z.infer<typeof policyPackSchema>;
export type InstitutionalModel = z.infer<typeof institutionalModel>;
export type HomeModel = NonNullable<PolicyPack['home']>;

/** Parses and checks a pack file's JSON; throws with every problem listed. */
export function parsePolicyPack(json: unknown, source = 'policy pack'): PolicyPack {
  const r = policyPackSchema.safeParse(json);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${source} is not a valid policy pack: ${problems}`);
  }
  return r.data;
}

/** A per-level number of the pack, or undefined when the level has none. */
export function forLevel<T>(table: Partial<Record<string, T>>, lvl: number): T | undefined {
  return table[String(lvl)];
}
