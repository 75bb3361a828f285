/**
 * The service-item catalogue (服务项目目录, docs/rules.md §4): data of a pack, replaceable by
 * importing a file. Past visits keep the codes they were logged with.
 */
import { z } from 'zod';

/** 生活照护类 (any caregiver certificate or a nurse licence) or 医疗护理类 (nurse licence only). */
export type ItemClass = 'daily-life' | 'medical';

export const catalogueSchema = z.object({
  format: z.literal('ltc-catalog'),
  version: z.literal(1),
  id: z.string().min(1),
  title: z.string().min(1),
  note: z.string().optional(),
  items: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        class: z.enum(['daily-life', 'medical']),
        category: z.string().optional(),
        /** a visit with this item lasts at least this long */
        minMinutes: z.number().int().min(0).optional(),
      }),
    )
    .min(1),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueItem = Catalogue['items'][number];

export function parseCatalogue(json: unknown, source = 'catalogue'): Catalogue {
  const r = catalogueSchema.safeParse(json);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${source} is not a valid catalogue: ${problems}`);
  }
  const seen = new Set<string>();
  for (const item of r.data.items) {
    if (seen.has(item.code)) throw new Error(`${source}: item code ${item.code} appears twice`);
    seen.add(item.code);
  }
  return r.data;
}

export function catalogueIndex(c: Catalogue): Map<string, CatalogueItem> {
  return new Map(c.items.map((i) => [i.code, i]));
}
