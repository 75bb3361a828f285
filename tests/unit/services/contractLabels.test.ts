/**
 * A refusal by the contract's validation names fields in Chinese, never by their keys (issue 14:
 * `name：姓名最多50个字`, `code：床位号 101-1 已存在`). Every field of every call's input is given
 * wrong values through the real dispatcher; no message may contain a field key or an English type
 * name, and every field has a label. A constraint failure from SQLite names no column either.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ServiceContext } from '../../../electron/services/api/context';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { Handlers } from '../../../electron/services/api/handlers';
import { constraintText } from '../../../electron/services/db/constraintText';
import { contract, METHOD_NAMES } from '../../../shared/api/contract';
import { labelOf, labelsFor, problemText } from '../../../shared/api/labels';

type Path = (string | '*')[];

/** Every field path of a schema (`*` for an array element or a record's value). */
function fieldPaths(schema: z.ZodType, path: Path = [], out: Path[] = []): Path[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (s: unknown, p: Path) => fieldPaths(s as z.ZodType, p, out);
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def['shape'] as Record<string, z.ZodType>)) {
        out.push([...path, key]);
        inner(value, [...path, key]);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      inner(def['innerType'], path);
      break;
    case 'pipe':
      inner(def['in'], path);
      break;
    case 'array':
      inner(def['element'], [...path, '*']);
      break;
    case 'record':
      inner(def['valueType'], [...path, '*']);
      break;
    default:
      break;
  }
  return out;
}

/** An input holding `value` at `path` (a record's key is a level, as the contract's are). */
function inputAt(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '*') return [inputAt(rest, value)];
  return { [head!]: inputAt(rest, value) };
}

const WRONG: unknown[] = [{ bogus: 1 }, 'x'.repeat(1000), -5, 1.5, [], true, null, '', 'zz'];
const ENGLISH = /\b(string|number|boolean|undefined|object|array|int|key|nan|null)\b/i;

const ctx = { db: {}, actor: 'test', shell: 'browser', appVersion: 'test', openFolder: () => false } as unknown as ServiceContext;
const handlers = new Proxy({}, { get: () => () => null }) as Handlers;
const dispatch = createDispatcher(handlers, ctx, () => undefined);

// Keys that are numbers (a price per level: prices.dailyFeeFen.3) are the level itself, which a Chinese
// message may well say (最多100个字, 3级): only keys with letters are field keys.
const allKeys = new Set(METHOD_NAMES.flatMap((m) => fieldPaths(contract[m].input).flatMap((p) => p.filter((k) => k !== '*' && /[A-Za-z]/.test(k)))));
const keyPattern = new RegExp(`(?<![A-Za-z])(${[...allKeys].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`);

describe('the contract’s refusals speak Chinese', () => {
  it('has a Chinese label for every field of every call', () => {
    const missing = METHOD_NAMES.flatMap((m) =>
      fieldPaths(contract[m].input)
        .filter((p) => !labelOf(labelsFor(m), p))
        .map((p) => `${m}: ${p.join('.')}`),
    );
    expect(missing).toEqual([]);
  });

  it('names no field key and no English type in any validation message', async () => {
    let refusals = 0;
    for (const m of METHOD_NAMES) {
      const inputs = [undefined, {}, { extraField: 1 }, ...fieldPaths(contract[m].input).flatMap((p) => WRONG.map((w) => inputAt(p, w)))];
      for (const input of inputs) {
        const r = await dispatch(m, input);
        if (r.ok || r.error.code !== 'BAD_INPUT') continue;
        refusals++;
        const where = `${m} ${JSON.stringify(input)?.slice(0, 80)}: ${r.error.message}`;
        expect(r.error.message, where).not.toMatch(keyPattern);
        expect(r.error.message, where).not.toMatch(ENGLISH);
        for (const p of r.error.problems ?? []) {
          expect(problemText(p), where).not.toMatch(keyPattern);
          if (p.path) expect(p.label, `${where} (${p.path})`).toMatch(/[^\x20-\x7e]/);
        }
      }
    }
    expect(refusals).toBeGreaterThan(500);
  });

  it('labels what it refuses: 姓名 and 身份证号, not name and idNumber', async () => {
    const r = await dispatch('residents.save', { name: '张'.repeat(51), idNumber: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // a message that names its field already is not prefixed again
    expect(r.error.message).toBe('输入有误：姓名最多50个字；请填写身份证号');
    expect(r.error.problems?.map((p) => [p.path, p.label])).toEqual([
      ['name', '姓名'],
      ['idNumber', '身份证号'],
    ]);
  });

  it('tells a constraint failure by the field’s name, never the column’s', () => {
    expect(constraintText('UNIQUE constraint failed: beds.code')).toBe(
      '数据不符合要求，未保存：床位号与已有记录重复。请核对后重试；如反复出现，请联系技术支持。',
    );
    expect(constraintText('NOT NULL constraint failed: visits.some_new_column')).not.toMatch(/visits|some_new_column/);
    expect(constraintText('CHECK constraint failed: minutes = CAST(round(…))')).not.toMatch(/minutes|CAST/);
    // a trigger's own words (the audit log's, in Chinese) are shown as written
    expect(constraintText('审计日志只能追加，不能修改', 'SQLITE_CONSTRAINT_TRIGGER')).toContain('审计日志只能追加，不能修改');
  });
});
