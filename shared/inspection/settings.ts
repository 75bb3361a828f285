/**
 * The settings of 检查准备 and 自查: each self-audit rule's parameters and the readiness score's weights.
 * Every default here is the product's own choice (no policy text sets them); the settings screen says
 * so and the institution may change any of them. Integers only, so the form and the JSON stay exact.
 */
import { z } from 'zod';

/** The checks of the readiness board (DOMAIN.md §10), in the order the board lists them. */
export const CHECK_IDS = [
  'assessments',
  'certificates',
  'nurseItems',
  'records',
  'overlaps',
  'duration',
  'bedDays',
  'excludedDays',
  'staffEmployed',
  'rota',
  'onTime',
  'deductions',
  'copay',
  'selfAudit',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const selfAuditParamsSchema = z.object({
  /** 签到位置离住址超过此距离（米）即列出 */
  checkInRadiusM: int(50, 50_000),
  /** 住址位置由签到点学习时，至少需要的签到次数 */
  homeMinCheckIns: int(1, 100),
  /** 学习住址位置时回看的天数（自查期间之前） */
  homeLookbackDays: int(0, 365),
  /** 两个签到点相距不超过此距离（米）视为同一地点 */
  samePointMeters: int(1, 200),
  /** 同一地点为不同对象签到的时间窗（分钟） */
  samePointWindowMinutes: int(1, 1440),
  /** 护理员在两户之间可能的最快速度（公里/小时） */
  travelMaxSpeedKmh: int(5, 200),
  /** 两户相距不足此距离（米）不判断路程（定位误差） */
  travelMinDistanceM: int(0, 50_000),
  /** 护理员每日服务时长上限（分钟） */
  caregiverDailyCapMinutes: int(30, 1440),
  /** 护理员每月服务时长上限（分钟） */
  caregiverMonthlyCapMinutes: int(60, 44_640),
  /** 连续几个月恰好用满额度才列出 */
  capExactMonths: int(2, 12),
  /** 护理员在期间内至少有几次服务才判断时长是否过于一致 */
  uniformMinVisits: int(3, 1000),
  /** 同一时长占该护理员服务的比例（百分比）达到此值即列出 */
  uniformSharePercent: int(50, 100),
});
export type SelfAuditParams = z.infer<typeof selfAuditParamsSchema>;

export const inspectionSettingsSchema = z.object({
  params: selfAuditParamsSchema,
  /** 每项检查在检查准备得分中的权重（0 = 不计分） */
  weights: z.object(Object.fromEntries(CHECK_IDS.map((id) => [id, int(0, 100)])) as Record<CheckId, ReturnType<typeof int>>),
  /** 每月申报截止日：次月几号之前申报算按时 */
  onTimeDay: int(1, 28),
});
export type InspectionSettings = z.infer<typeof inspectionSettingsSchema>;

export const DEFAULT_SELF_AUDIT_PARAMS: SelfAuditParams = {
  checkInRadiusM: 500,
  homeMinCheckIns: 5,
  homeLookbackDays: 60,
  samePointMeters: 10,
  samePointWindowMinutes: 120,
  // A car in city traffic averages well under 40 km/h; beyond 60 a caregiver could not have made it.
  travelMaxSpeedKmh: 60,
  travelMinDistanceM: 1000,
  // Eight hours of care a day, 22 days of eight hours a month: a full-time caregiver's most.
  caregiverDailyCapMinutes: 480,
  caregiverMonthlyCapMinutes: 10_560,
  capExactMonths: 2,
  uniformMinVisits: 10,
  uniformSharePercent: 80,
};

/** Weights summing to 100: the checks that decide whether money was claimed rightly weigh most. */
export const DEFAULT_WEIGHTS: Record<CheckId, number> = {
  assessments: 10,
  certificates: 10,
  nurseItems: 10,
  records: 5,
  overlaps: 10,
  duration: 5,
  bedDays: 10,
  excludedDays: 10,
  staffEmployed: 5,
  rota: 5,
  onTime: 5,
  deductions: 5,
  copay: 5,
  selfAudit: 5,
};

export const DEFAULT_INSPECTION_SETTINGS: InspectionSettings = { params: DEFAULT_SELF_AUDIT_PARAMS, weights: DEFAULT_WEIGHTS, onTimeDay: 10 };

/** Stored settings merged over the defaults, so a setting added by a later version gets its default. */
export function withDefaults(stored: unknown): InspectionSettings {
  const s = (stored ?? {}) as Partial<InspectionSettings>;
  const merged = {
    params: { ...DEFAULT_SELF_AUDIT_PARAMS, ...(s.params ?? {}) },
    weights: { ...DEFAULT_WEIGHTS, ...(s.weights ?? {}) },
    onTimeDay: s.onTimeDay ?? DEFAULT_INSPECTION_SETTINGS.onTimeDay,
  };
  const parsed = inspectionSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_INSPECTION_SETTINGS;
}
