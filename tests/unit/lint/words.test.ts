/**
 * The UI's words live in the feature's strings.ts (decision D26): eslint.config.mjs refuses a Chinese
 * string literal, template or JSX text in any .tsx or .ts file under renderer/src but the strings modules,
 * and lets Chinese comments be. The .tsx block repeats the renderer's import() boundaries, which it
 * would otherwise replace.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function errors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => [m.line, m.ruleId]);
}

describe('UI words in strings modules', () => {
  it('refuses Chinese literals, templates and JSX text in a .tsx file', async () => {
    const code = [
      "import { S } from './strings';",
      '// 注释可以写中文',
      'export function Panel({ n }: { n: number }) {',
      "  const title = '服务对象';",
      '  const total = `共 ${n} 条`;',
      '  return (',
      '    <section aria-label="服务对象列表" title={title}>',
      '      {S.title}',
      '      <p>已过期 {total}</p>',
      '      {/* 注释 */}',
      '    </section>',
      '  );',
      '}',
      '',
    ].join('\n');
    expect(await errors('renderer/src/features/x/Panel.tsx', code)).toEqual([
      [4, 'no-restricted-syntax'], // a string literal
      [5, 'no-restricted-syntax'], // a template's two parts
      [5, 'no-restricted-syntax'],
      [7, 'no-restricted-syntax'], // an attribute (aria-label)
      [9, 'no-restricted-syntax'], // JSX text
    ]);
  });

  it('refuses them in a plain .ts file of the renderer too (a hook, the API client)', async () => {
    const code = ['export const failed = (m: string) => new Error(`处理失败：${m}`);', ''].join('\n');
    expect(await errors('renderer/src/api/useThing.ts', code)).toEqual([[1, 'no-restricted-syntax']]);
  });

  it('lets the strings module hold the words', async () => {
    const code = ["export const S = { title: '服务对象', total: (n: number) => `共 ${n} 条` } as const;", ''].join('\n');
    expect(await errors('renderer/src/features/x/strings.ts', code)).toEqual([]);
  });

  it('still refuses import() of Node or electron code in a .tsx file', async () => {
    const code = ["export const load = () => import('node:fs');", ''].join('\n');
    expect(await errors('renderer/src/features/x/Panel.tsx', code)).toEqual([[1, 'no-restricted-syntax']]);
  });
});
