/**
 * HiGHS (the `highs` package: the University of Edinburgh's MIP solver compiled to WebAssembly), loaded
 * once per thread. `solve` is synchronous: call it only in the solver worker (or a test).
 */
interface HighsColumn {
  Primal: number;
}
export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, HighsColumn>;
}
export interface Highs {
  solve(lp: string, options?: Record<string, unknown>): HighsSolution;
}

let highs: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  highs ??= (require('highs') as (opts?: object) => Promise<Highs>)();
  return highs;
}
