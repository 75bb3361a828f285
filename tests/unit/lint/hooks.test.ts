/**
 * The React hook rules in eslint.config.mjs fire as errors in the renderer: a hook called conditionally
 * and an effect missing what it reads (the kind of effect that once reset the visit drawer's save).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function errors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => [m.line, m.ruleId]);
}

it('refuses a conditional hook and an effect with a missing dependency in the renderer', async () => {
  const code = [
    "import { useEffect, useState } from 'react';",
    'export function Panel({ open, id, onLoad }: { open: boolean; id: number; onLoad: (id: number) => void }) {',
    '  if (!open) return null;',
    '  const [n] = useState(0);',
    '  useEffect(() => onLoad(id), [id]);',
    '  return n;',
    '}',
    '',
  ].join('\n');
  expect(await errors('renderer/src/features/x/Panel.tsx', code)).toEqual([
    [4, 'react-hooks/rules-of-hooks'],
    [5, 'react-hooks/rules-of-hooks'],
    [5, 'react-hooks/exhaustive-deps'],
  ]);
});
