/** A problem found in a dataset file: where (a readable path) and what to fix (Chinese). */
export interface DatasetProblem {
  /** e.g. `visits[3].end`; empty for the file as a whole */
  path: string;
  message: string;
}

/** One line per problem, e.g. `visits[3].end: 结束时间早于开始时间，请核对…`. */
export function formatProblems(problems: readonly DatasetProblem[]): string {
  return problems.map((p) => `${p.path || '(整个文件)'}: ${p.message}`).join('\n');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one step to a readable path: `[3]` for an array index, `.name` or `["7"]` for a key. */
export function joinPath(base: string, key: string | number, parentIsArray = typeof key === 'number'): string {
  if (parentIsArray) return `${base}[${key}]`;
  const k = String(key);
  if (IDENT.test(k)) return base ? `${base}.${k}` : k;
  return `${base}[${JSON.stringify(k)}]`;
}

/**
 * A JSON pointer (`/visits/3/end`) as a readable path (`visits[3].end`). The data is walked along so
 * an array index and an object key that happens to be a number (`dailyFeeFen/3`) read differently.
 */
export function pointerToPath(pointer: string, root: unknown): string {
  if (!pointer) return '';
  let path = '';
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isArray = Array.isArray(node);
    path = joinPath(path, isArray ? Number(key) : key, isArray);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}
