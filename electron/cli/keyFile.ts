/**
 * `ltc --key-file FILE` (decisions.md D37): the database's key for every command that opens a database.
 * The option is the program's, before or after the command's name; its file is read when a command first
 * opens a database, so `ltc encrypt` can be given a file that does not exist yet (it writes a new key there).
 */
import { resolve } from 'node:path';
import { readKeyFile, type DatabaseKey } from '../services/db/cipherKey';

let keyFile: string | undefined;
let key: DatabaseKey | null | undefined;

/** Set by the program before each command runs (program.ts), from its `--key-file`. */
export function setCliKeyFile(file: string | undefined): void {
  keyFile = file === undefined ? undefined : resolve(file);
  key = undefined;
}

/** The `--key-file` given, resolved; undefined when none. */
export const cliKeyFile = (): string | undefined => keyFile;

/** The key in the `--key-file` given, or null without one. A file that is missing or not a key is refused (exit 1). */
export function cliKey(): DatabaseKey | null {
  key ??= keyFile === undefined ? null : readKeyFile(keyFile);
  return key;
}
