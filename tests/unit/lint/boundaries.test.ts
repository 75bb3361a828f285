/**
 * The import boundaries in eslint.config.mjs actually fire: lint snippets as if they lived in renderer/
 * or shared/ (the files need not exist).
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2);
}

describe('import boundaries', () => {
  it('renderer may not import electron/ code or Node built-ins', async () => {
    const errors = await lint(
      'renderer/src/x.ts',
      [
        "import { openDatabase } from '../../electron/services/db/database';",
        "import { readFileSync } from 'node:fs';",
        'export const x = [openDatabase, readFileSync];',
        '',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [1, 'no-restricted-imports'],
      [2, 'no-restricted-imports'],
    ]);
  });

  it('renderer may not import electron, better-sqlite3 or bare built-ins, nor import() them', async () => {
    const errors = await lint(
      'renderer/src/features/claims/page.ts',
      [
        "import { ipcRenderer } from 'electron';",
        "import Database from 'better-sqlite3';",
        "import { join } from 'path';",
        "export const x = [ipcRenderer, Database, join, import('../../../../electron/main/index')];",
        '',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [1, 'no-restricted-imports'],
      [2, 'no-restricted-imports'],
      [3, 'no-restricted-imports'],
      [4, 'no-restricted-syntax'],
    ]);
  });

  it('shared may not import Node built-ins, electron/ or renderer/', async () => {
    const errors = await lint(
      'shared/x.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { App } from '../renderer/src/App';",
        "import { run } from '../electron/cli/index';",
        'export const x = [readFileSync, App, run];',
        '',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [1, 'no-restricted-imports'],
      [2, 'no-restricted-imports'],
      [3, 'no-restricted-imports'],
    ]);
  });

  it('the sandboxed preload may import electron and the zod-free names only', async () => {
    const errors = await lint(
      'electron/preload/x.ts',
      [
        "import { contextBridge } from 'electron';",
        "import { METHOD_NAMES } from '../../shared/api/methodNames';",
        "import { contract } from '../../shared/api/contract';",
        "import { z } from 'zod';",
        "import { join } from 'node:path';",
        'export const x = [contextBridge, METHOD_NAMES, contract, z, join];',
        '',
      ].join('\n'),
    );
    expect(errors.map((e) => [e.line, e.ruleId])).toEqual([
      [3, 'no-restricted-imports'],
      [4, 'no-restricted-imports'],
      [5, 'no-restricted-imports'],
    ]);
  });

  it('clean code passes: renderer importing shared/, shared importing shared/ and data', async () => {
    expect(
      await lint('renderer/src/x.ts', "import { formatYuan } from '../../shared/domain/money';\nexport const label = (n: number) => formatYuan(n);\n"),
    ).toEqual([]);
    expect(
      await lint(
        'shared/x.ts',
        "import type { Fen } from './domain/model';\nimport nantong from '../resources/policies/nantong.json';\nexport const id: string = nantong.id;\nexport const zero: Fen = 0;\n",
      ),
    ).toEqual([]);
  });
});
