/**
 * How a call of the contract is declared: its name, a zod schema for its input (checked by the services
 * on every call, whatever face it arrives through), and its output type. The renderer imports the types
 * only; the preload and the hosts import the names.
 */
import { z } from 'zod';

// No code generation through eval: the renderer's and preload's CSP forbids it, and the services do
// not need the speed.
z.config({ jitless: true });

export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** phantom: carries the output type, never read at run time */
  output?: O;
}

/** `method(z.object({...})).returns<Out>()` */
export function method<I extends z.ZodType>(input: I): { returns<O>(): MethodDef<I, O> } {
  return { returns: <O>() => ({ input }) as MethodDef<I, O> };
}

/** A call that takes nothing. */
export const noInput = z.object({}).strict().optional();

/** Lists: search, paging and sort are the server's job, so a 10,000-row list stays fast. */
export const listQuery = z.object({
  search: z.string().max(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(20),
  sortField: z.string().max(40).optional(),
  sortOrder: z.enum(['ascend', 'descend']).optional(),
});
export type ListQuery = z.input<typeof listQuery>;

export interface Page<T> {
  rows: T[];
  total: number;
}

/** A file sent by the renderer (an upload), base64 so it crosses IPC and HTTP alike. */
export const uploadedFile = z.object({
  name: z.string().min(1).max(260),
  base64: z.string().max(70_000_000),
});

/** A file the renderer offers to save (a download). */
export interface FileDownload {
  name: string;
  mime: string;
  base64: string;
}

export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间应为 YYYY-MM-DDTHH:mm');
export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
export const recordId = z.number().int().positive();
