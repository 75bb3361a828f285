/**
 * The domain's words in Chinese, once, so screens, PDFs, messages and code say the same thing.
 */
import type { CareMode, CertificateType, InsuranceType, Level, StaffRole, StayEventType } from './model';

/** 失能等级名称 (《长期护理失能等级评估标准（试行）》2021) */
export const LEVEL_NAMES: Record<Level, string> = {
  0: '基本正常',
  1: '轻度失能',
  2: '中度失能',
  3: '重度失能Ⅰ级',
  4: '重度失能Ⅱ级',
  5: '重度失能Ⅲ级',
};

export const CARE_MODE_NAMES: Record<CareMode, string> = { institutional: '机构护理', home: '居家护理' };

export const STAY_EVENT_NAMES: Record<StayEventType, string> = {
  admit: '入住',
  hospital: '住院',
  leave: '请假外出',
  return: '返院',
  discharge: '出院',
  death: '死亡',
};

export const CERTIFICATE_NAMES: Record<CertificateType, string> = {
  'nurse-licence': '护士执业证书',
  'ltc-caregiver': '长期照护师证书',
  'elderly-caregiver': '养老护理员证书',
};

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  nurse: '护士',
  caregiver: '护理员',
  'head-nurse': '护士长',
  admin: '管理员',
  manager: '负责人',
  other: '其他',
};

/** 参保类型 */
export const INSURANCE_TYPE_NAMES: Record<InsuranceType, string> = { employee: '职工医保', resident: '城乡居民医保' };

/** A month's claim: the regular one (申报) or a numbered supplementary one (补报, docs/rules.md §8.5). */
export const CLAIM_KIND_NAMES: Record<'regular' | 'supplementary', string> = { regular: '月度申报', supplementary: '补报' };

export const CLAIM_STATUS_NAMES: Record<'draft' | 'submitted' | 'settled', string> = { draft: '草稿', submitted: '已申报', settled: '已结算' };

/** The agency's answer for one claim line (审核结果). */
export const LINE_RESULT_NAMES: Record<'accepted' | 'deducted' | 'rejected', string> = { accepted: '通过', deducted: '扣款', rejected: '拒付' };
