/** 联系电话, the one definition: label, hint, the check (shared/domain/phone.ts) and the contract's field. */
import { z } from 'zod';
import { PHONE_HINT, phoneProblem } from '../domain/phone';

export const PHONE_LABEL = '联系电话';
export { PHONE_HINT, phoneProblem };

/** Optional; every number in it must be a phone number (one message, whoever checks it). */
export const phoneInput = z
  .string()
  .trim()
  .max(30, `${PHONE_LABEL}最多30个字符`)
  .optional()
  .superRefine((v, ctx) => {
    const problem = v ? phoneProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
