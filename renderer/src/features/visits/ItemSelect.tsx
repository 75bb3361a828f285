/** Service items from the institution's catalogue, grouped 生活照护 / 医疗护理, found by name or code. */
import { Select } from 'antd';
import type { VisitCatalogue } from '../../../../shared/api/visits';
import { S } from './strings';

export interface ItemSelectProps {
  catalogue: VisitCatalogue | null | undefined;
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  'aria-label'?: string;
}

const GROUPS = [
  { cls: 'daily-life', title: S.form.itemGroups['daily-life'] },
  { cls: 'medical', title: S.form.itemGroups.medical },
] as const;

export function ItemSelect({ catalogue, value, onChange, ...rest }: ItemSelectProps) {
  const items = catalogue?.items ?? [];
  const known = new Set(items.map((i) => i.code));
  const options: { label: string; title: string; options: { value: string; label: string; search: string }[] }[] = GROUPS.map((g) => ({
    label: g.title,
    title: g.title,
    options: items.filter((i) => i.class === g.cls).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）`, search: `${i.code} ${i.name}` })),
  }));
  // A past visit may carry a code the catalogue no longer has: it stays, shown as its code.
  const kept = (value ?? []).filter((c) => !known.has(c));
  if (kept.length > 0) options.push({ label: S.form.itemsOutside, title: S.form.itemsOutside, options: kept.map((c) => ({ value: c, label: c, search: c })) });
  return (
    <Select<string[]>
      {...rest}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={options}
      showSearch={{ optionFilterProp: 'search' }}
      placeholder={S.form.itemsPlaceholder}
      style={{ width: '100%' }}
    />
  );
}
