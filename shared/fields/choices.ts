/**
 * Fields chosen from a list: their label, the names shown, and every spelling an import accepts
 * (the names, short forms, the codes of the interchange files), compared without spaces and case.
 */
import { CARE_MODE_NAMES, LEVEL_NAMES } from '../domain/glossary';
import { LEVELS, type CareMode, type Level } from '../domain/model';
import { spellingKey } from './typed';

export interface ChoiceField<T extends string | number> {
  label: string;
  names: Readonly<Record<T, string>>;
  /** spelling key → value */
  spellings: ReadonlyMap<string, T>;
  /** what may be written, for messages */
  shown: readonly string[];
}

/** A spelling table: each value under its names, compared without spaces and case. */
export function spellings<T>(entries: [T, string[]][]): Map<string, T> {
  const out = new Map<string, T>();
  for (const [value, names] of entries) for (const n of names) out.set(spellingKey(n), value);
  return out;
}

export const CARE_MODE: ChoiceField<CareMode> = {
  label: '护理方式',
  names: CARE_MODE_NAMES,
  spellings: spellings<CareMode>([
    ['institutional', ['机构护理', '机构', '入住机构', 'institutional']],
    ['home', ['居家护理', '居家', '上门', '居家上门', 'home']],
  ]),
  shown: ['机构护理', '居家护理'],
};

export const LEVEL: ChoiceField<Level> = {
  label: '评估等级',
  names: LEVEL_NAMES,
  // 4, 4级, 重度失能Ⅱ级, and 4级 重度失能Ⅱ级 as the roster template's list offers it
  spellings: spellings<Level>(LEVELS.map((l) => [l, [String(l), `${l}级`, `${l}级${LEVEL_NAMES[l]}`, LEVEL_NAMES[l]]])),
  shown: LEVELS.map((l) => `${l}级 ${LEVEL_NAMES[l]}`),
};
