/**
 * File helpers of the command line: reading a JSON file (UTF-8 only) with a Chinese message when it is
 * missing or broken (services/dataset/jsonText.ts), and writing outputs atomically (temp file + rename), so a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeUtf8, parseJson } from '../services/dataset/jsonText';
import { InputError } from '../services/errors';

/** Whether `file` is a file that can be read (not missing, not a folder). */
export function isReadableFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function readJsonFile(file: string): unknown {
  if (!existsSync(file)) throw new InputError(`找不到文件：${file}`);
  if (!isReadableFile(file)) throw new InputError(`“${file}”是文件夹，不是文件：请给出数据文件（.json）本身的路径`);
  const text = decodeUtf8(readFileSync(file), basename(file));
  return parseJson(text, basename(file), '请确认导出的是 ltc-dataset 格式的 .json 文件');
}

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function requireExisting(file: string, what: string): void {
  if (!existsSync(file)) throw new InputError(`${what}不存在：${file}。请检查路径，或先用 ltc import / ltc demo 创建`);
}
