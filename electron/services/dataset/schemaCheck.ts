/**
 * Step 1 of dataset validation: the file's shape against resources/schemas/dataset.schema.json.
 * Messages come from ajv-i18n's Chinese localizer; the few that would leave a user guessing (a regex,
 * a format name, a missing or unknown field) are replaced by a sentence saying what to write.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import datasetSchema from '../../../resources/schemas/dataset.schema.json';
import { formatYuan } from '../../../shared/domain/money';
import { joinPath, pointerToPath, type DatasetProblem } from './problems';

let validators: { dataset: ValidateFunction; visit: ValidateFunction } | undefined;

function compileAll(): { dataset: ValidateFunction; visit: ValidateFunction } {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    // `fast` checks only the shape YYYY-MM-DD: whether the day exists (2026-02-30) is step 2's job,
    // so a file with a wrong day still gets all its other problems listed in the same pass.
    addFormats(ajv, { mode: 'fast', formats: ['date'] });
    // one visit: the schema's own `visits.items`, so a streamed file's visits are held to the same rules
    validators = { dataset: ajv.compile(datasetSchema), visit: ajv.compile(datasetSchema.properties.visits.items) };
  }
  return validators;
}

const compile = (): ValidateFunction => compileAll().dataset;

export function schemaProblems(json: unknown): DatasetProblem[] {
  const validate = compile();
  if (validate(json)) return [];
  const errors = [...(validate.errors ?? [])];
  localizeZh(errors);
  return errors.map((e) => toProblem(e, json));
}

/**
 * The shape of a streamed file (datasetFile.ts) but its visits: `head` is the file's object with
 * `visits: []` where the file has its array (its visits are checked one by one: visitSchemaProblems).
 * Returned in two parts, those listed before the visits' problems and those after, so the whole list
 * reads as schemaProblems would have listed it for the whole file: a stand-in visit that is wrong
 * (null) marks where ajv puts the visits' problems among the rest.
 */
export function headSchemaProblems(head: Record<string, unknown>, visitsArray: boolean): { before: DatasetProblem[]; after: DatasetProblem[] } {
  if (!visitsArray) return { before: schemaProblems(head), after: [] };
  const validate = compile();
  const probe = { ...head, visits: [null] };
  if (validate(probe)) return { before: [], after: [] };
  const errors = [...(validate.errors ?? [])];
  const standIn = (e: ErrorObject): boolean => e.instancePath === '/visits/0' || e.instancePath.startsWith('/visits/0/');
  const first = errors.findIndex(standIn);
  const last = errors.length - 1 - [...errors].reverse().findIndex(standIn);
  const rest = errors.filter((e) => !standIn(e));
  localizeZh(rest);
  const root = { ...head, visits: [] };
  const problems = (list: ErrorObject[]) => list.map((e) => toProblem(e, root));
  if (first < 0) return { before: problems(rest), after: [] };
  return { before: problems(errors.slice(0, first)), after: problems(errors.slice(last + 1)) };
}

/** The shape of `visits[index]` alone, its problems named as schemaProblems names them in the whole file. */
export function visitSchemaProblems(visit: unknown, index: number): DatasetProblem[] {
  const validate = compileAll().visit;
  if (validate(visit)) return [];
  const errors = [...(validate.errors ?? [])];
  localizeZh(errors);
  // a root where `visits[index]` is this visit: the path is walked along the data (pointerToPath)
  const visits: unknown[] = [];
  visits[index] = visit;
  const root = { visits };
  return errors.map((e) => toProblem({ ...e, instancePath: `/visits/${index}${e.instancePath}` }, root));
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表（数组）',
  object: '对象',
  null: 'null',
};

/** Money fields (integer fen): the price list's and any other `…Fen`. */
const isMoney = (pointer: string) => /Fen(\/[^/]+)?$/.test(pointer);

function toProblem(e: ErrorObject, root: unknown): DatasetProblem {
  const path = pointerToPath(e.instancePath, root);
  const shown = describeValue(e.data);
  if (isMoney(e.instancePath) && (e.keyword === 'minimum' || e.keyword === 'maximum' || e.keyword === 'type')) {
    // ajv's "应当为 >= 0" says nothing about money; a negative price silently billed ¥0.00 before, and
    // 1e308 (an integer to JSON Schema) froze a claim of "∞.NaN 元".
    const message = {
      minimum: `金额不能为负数（现为${shown}分）`,
      maximum: `金额过大：以分为单位，最多 ${formatFen(Number(e.params.limit))}（现为${shown}分）`,
      type: `金额应为以分为单位的整数，例如 6000 表示 60.00 元（现为${shown}）`,
    }[e.keyword];
    return { path, message };
  }
  switch (e.keyword) {
    case 'required': {
      const prop = String(e.params.missingProperty);
      return { path: joinPath(path, prop, false), message: `缺少必填项“${prop}”，请补上` };
    }
    case 'additionalProperties': {
      const prop = String(e.params.additionalProperty);
      return { path: joinPath(path, prop, false), message: `不认识的字段“${prop}”，请删除或检查拼写` };
    }
    case 'type': {
      const want = String(e.params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('或');
      return { path, message: `类型不对，应为${want}（现为${shown}）` };
    }
    case 'enum':
      return { path, message: `${e.message ?? ''}：${(e.params.allowedValues as unknown[]).map(String).join('、')}（现为${shown}）` };
    case 'maxLength': {
      // the same bounds as the screens' fields: a 64-million-character name was once stored
      const length = typeof e.data === 'string' ? codePoints(e.data) : 0;
      return { path, message: `太长：最多 ${String(e.params.limit)} 个字符（现有 ${length} 个），请删减` };
    }
    case 'maximum':
    case 'minimum':
      return { path, message: `超出范围：应${e.keyword === 'maximum' ? '不大于' : '不小于'} ${String(e.params.limit)}（现为${shown}）` };
    case 'const':
      return { path, message: `应为 ${JSON.stringify(e.params.allowedValue)}（现为${shown}）` };
    case 'format':
      return { path, message: `日期应写成 YYYY-MM-DD，例如 2026-10-02（现为${shown}）` };
    case 'pattern':
      if (/^\/institution\/region$/.test(e.instancePath)) return { path, message: `统筹区代码应为6位数字，例如 330205（现为${shown}）` };
      if (/\/(start|end)$/.test(e.instancePath)) {
        return { path, message: `时间应写成 YYYY-MM-DDTHH:mm（本地时间），例如 2026-10-02T09:00（现为${shown}）` };
      }
      return { path, message: `${e.message ?? '格式不对'}（现为${shown}）` };
    default:
      return { path, message: e.message ?? `未通过“${e.keyword}”校验` };
  }
}

const formatFen = (fen: number): string => `${formatYuan(fen)} 元`;

/** Characters as people count them (a character outside the BMP, 𠮷, is one), without copying the text. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n += 1;
  }
  return n;
}

function describeValue(v: unknown): string {
  if (v === undefined) return '空';
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (Array.isArray(v)) return '列表';
  if (v === null) return 'null';
  if (typeof v === 'object') return '对象';
  return String(v);
}
