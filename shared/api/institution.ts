/** 机构设置: the institution, its price list and its policy pack. */
import { z } from 'zod';
import { visible } from '../fields/visibleText';
import type { Institution } from '../domain/model';
import type { PolicyPack } from '../policy/pack';
import { method, noInput } from './define';

/**
 * A price in fen, refused with the field's name when it is not one: a negative price used to be saved
 * as 0 and November was billed 1,800 minutes at ¥0.00 without a word.
 */
const fen = (label: string) =>
  z
    .number({ error: `${label}应为金额（数字）` })
    .int(`${label}应精确到分（元最多两位小数）`)
    .min(0, `${label}不能为负数`)
    .max(100_000_000, `${label}不能超过 1,000,000.00 元`);
const LEVEL_FIELDS = ['0', '1', '2', '3', '4', '5'] as const;

export const institutionInput = z.object({
  // printed on every claim document: only characters one can see (U+202E would print the name reversed)
  name: visible(z.string().trim().min(1, '请填写机构名称').max(100), '机构名称'),
  uscc: z.string().trim().toUpperCase().length(18, '统一社会信用代码应为18位'),
  agencyCode: visible(z.string().trim().min(1, '请填写定点机构编码').max(40), '定点机构编码'),
  region: z.string().regex(/^\d{6}$/, '统筹区编码应为6位数字'),
  policy: z.string().min(1, '请选择政策包'),
  beds: z.number().int().min(0).max(100_000).optional(),
  // as the agency's forms carry them; optional, printed on the claim's summary when set
  address: visible(z.string().trim().max(200, '机构地址不能超过200字'), '机构地址').optional(),
  phone: z.string().trim().max(40, '联系电话不能超过40字').optional(),
  bankName: visible(z.string().trim().max(100, '开户银行不能超过100字'), '开户银行').optional(),
  bankAccount: z
    .string()
    .trim()
    .max(40, '银行账号不能超过40位')
    .regex(/^[0-9 -]*$/, '银行账号只能包含数字')
    .optional(),
  prices: z.object({
    dailyFeeFen: z
      .object(
        Object.fromEntries(LEVEL_FIELDS.map((l) => [l, fen(`${l}级日护理费`).optional()])) as Record<
          (typeof LEVEL_FIELDS)[number],
          z.ZodOptional<ReturnType<typeof fen>>
        >,
      )
      .strict()
      .optional(),
    hourlyFeeFen: fen('居家护理每小时收费').optional(),
    visitFeeFen: fen('居家上门每次收费').optional(),
  }),
});
export type InstitutionInput = z.input<typeof institutionInput>;

export interface InstitutionView extends Institution {
  /** a USCC whose check character fails: a warning (early codes do), never a refusal */
  usccWarning: string | null;
}

export interface PolicyPackView {
  id: string;
  version: string;
  title: string;
  pack: PolicyPack;
}

export const institutionApi = {
  /** null until the institution is set up (first run) */
  'institution.get': method(noInput).returns<InstitutionView | null>(),
  'institution.save': method(institutionInput).returns<InstitutionView>(),
  'policy.list': method(noInput).returns<PolicyPackView[]>(),
};
