/**
 * A reason a person gives for what they did (撤回原因, 更正原因): what the record and the audit log keep so
 * that a later reader knows why. Trimmed (a reason of spaces says nothing), at most `max` characters (a
 * sentence or two, not a letter), and only characters one can see (visibleText.ts).
 */
import { z } from 'zod';
import { visible } from './visibleText';

export const REASON_MAX = 200;

/** A contract field for a reason labelled `label` (its Chinese name, as the refusals say it). */
export const reasonText = (label: string, max = REASON_MAX) => visible(z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多${max}个字`), label);
