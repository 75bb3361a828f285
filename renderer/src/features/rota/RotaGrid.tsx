/**
 * The grid: staff × days, one shift a cell, coloured as its shift type, with the checks' marks (red: an
 * error, orange: a warning; the text is in the cell's name and tooltip), each person's paid hours, and
 * the coverage rows (应配/实配, a shortfall in red) under it. A plain table rather than antd's Table:
 * 200 staff × 31 days is 6,200 cells, and a row re-renders only when its own cells or marks change.
 * Keyboard (roving focus, the ARIA grid pattern): arrows move, a shift's key sets it, Delete clears,
 * Ctrl+V pastes a block copied from Excel from the focused cell.
 */
import { memo, useEffect, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { isoWeekday } from '../../../../shared/domain/dates';
import { hasCoverage } from '../../../../shared/rota/checks';
import type { Coverage, RotaIssue, RotaStaff, ShiftType } from '../../../../shared/rota/types';
import { cellKey } from './useRota';
import { S } from './strings';

export interface GridFocus {
  row: number;
  col: number;
}

interface RowProps {
  staff: RotaStaff;
  row: number;
  dates: readonly string[];
  /** shift id per date ('' when empty), and the marks, as one string: the row's memo key */
  signature: string;
  shiftIds: (number | undefined)[];
  issues: (RotaIssue[] | undefined)[];
  types: Map<number, ShiftType>;
  focusCol: number;
  wide: boolean;
  hours: number;
}

const Row = memo(
  function Row({ staff, row, dates, shiftIds, issues, types, focusCol, wide, hours }: RowProps) {
    return (
      <tr>
        <th scope="row" className="rota-name">
          {staff.name}
        </th>
        {dates.map((date, col) => {
          const t = shiftIds[col] === undefined ? undefined : types.get(shiftIds[col]);
          const marks = issues[col];
          const level = marks?.some((i) => i.severity === 'error') ? 'error' : marks?.length ? 'warning' : '';
          const said = marks?.map((i) => i.message).join('；');
          const shown = t ? (wide ? `${t.name}${t.start ? ` ${t.start}-${t.end}` : ''}` : t.name.slice(0, 1)) : '';
          return (
            <td
              key={date}
              role="gridcell"
              tabIndex={col === focusCol ? 0 : -1}
              data-row={row}
              data-col={col}
              className={`rota-cell ${level}`}
              style={t ? { background: t.color } : undefined}
              title={said}
              aria-label={S.cellLabel(staff.name, date, t ? `${t.name}${shown.startsWith(t.name) ? shown.slice(t.name.length) : ''}` : null, said)}
            >
              {shown}
            </td>
          );
        })}
        <td className="rota-hours">{hours}</td>
      </tr>
    );
  },
  (a, b) => a.signature === b.signature && a.focusCol === b.focusCol && a.dates === b.dates && a.types === b.types,
);

interface Props {
  staff: readonly RotaStaff[];
  dates: readonly string[];
  types: readonly ShiftType[];
  cells: Map<string, number>;
  issues: readonly RotaIssue[];
  coverage: readonly Coverage[];
  focus: GridFocus;
  onFocus: (f: GridFocus) => void;
  onClickCell: (f: GridFocus) => void;
  onKey: (key: string, f: GridFocus) => void;
  onPaste: (text: string, f: GridFocus) => void;
  wide?: boolean;
}

export function RotaGrid({ staff, dates, types, cells, issues, coverage, focus, onFocus, onClickCell, onKey, onPaste, wide = false }: Props) {
  const typeMap = useTypeMap(types);
  const table = useRef<HTMLTableElement>(null);
  const byCell = new Map<string, RotaIssue[]>();
  for (const i of issues) {
    if (i.staffId === null) continue;
    const k = cellKey(i.staffId, i.date);
    byCell.set(k, [...(byCell.get(k) ?? []), i]);
  }
  useEffect(() => {
    const el = table.current?.querySelector<HTMLElement>(`td[data-row="${focus.row}"][data-col="${focus.col}"]`);
    if (el && table.current?.contains(document.activeElement) && document.activeElement !== el) el.focus();
  }, [focus]);

  const at = (e: { target: EventTarget }): GridFocus | null => {
    const td = (e.target as HTMLElement).closest('td[data-row]');
    return td ? { row: Number(td.getAttribute('data-row')), col: Number(td.getAttribute('data-col')) } : null;
  };
  const move = (dr: number, dc: number) => {
    const next = { row: Math.max(0, Math.min(staff.length - 1, focus.row + dr)), col: Math.max(0, Math.min(dates.length - 1, focus.col + dc)) };
    onFocus(next);
    table.current?.querySelector<HTMLElement>(`td[data-row="${next.row}"][data-col="${next.col}"]`)?.focus();
  };
  const keyDown = (e: KeyboardEvent) => {
    const f = at(e);
    if (!f) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      move(m[0], m[1]);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace' || /^[A-Za-z0-9]$/.test(e.key)) {
      e.preventDefault();
      onKey(e.key, f);
      if (e.key !== 'Delete' && e.key !== 'Backspace') move(0, 1);
    }
  };
  const click = (e: MouseEvent) => {
    const f = at(e);
    if (!f) return;
    onFocus(f);
    onClickCell(f);
  };
  const paste = (e: ClipboardEvent) => {
    const f = at(e);
    if (!f) return;
    e.preventDefault();
    onPaste(e.clipboardData.getData('text/plain'), f);
  };

  const covered = types.filter(hasCoverage);
  const coverageOf = new Map(coverage.map((c) => [`${c.date}|${c.shiftTypeId}`, c]));
  return (
    <div className="rota-scroll">
      <table ref={table} role="grid" aria-label={S.grid} className={`rota-grid${wide ? ' wide' : ''}`} onKeyDown={keyDown} onClick={click} onPaste={paste}>
        <thead>
          <tr>
            <th scope="col">{S.staffCol}</th>
            {dates.map((d) => (
              <th key={d} scope="col" className={isoWeekday(d) >= 6 ? 'weekend' : undefined}>
                {wide ? d.slice(5) : Number(d.slice(8))}
                <br />
                {S.weekdays[isoWeekday(d)]}
              </th>
            ))}
            <th scope="col">{S.hoursCol}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s, row) => {
            const shiftIds = dates.map((d) => cells.get(cellKey(s.id, d)));
            const marks = dates.map((d) => byCell.get(cellKey(s.id, d)));
            let minutes = 0;
            for (const id of shiftIds) {
              const t = id === undefined ? undefined : typeMap.get(id);
              if (t?.kind === 'work') minutes += t.paidMinutes;
            }
            const signature = `${shiftIds.join(',')}#${marks.map((m) => m?.map((i) => i.message).join('/') ?? '').join(',')}`;
            return (
              <Row
                key={s.id}
                staff={s}
                row={row}
                dates={dates}
                signature={signature}
                shiftIds={shiftIds}
                issues={marks}
                types={typeMap}
                focusCol={focus.row === row ? focus.col : -1}
                wide={wide}
                hours={Math.round((minutes / 60) * 10) / 10}
              />
            );
          })}
        </tbody>
        <tfoot>
          {covered.map((t) => (
            <tr key={t.id} data-testid={`coverage-${t.name}`}>
              <th scope="row" className="rota-name">
                {S.coverage(t.name)}
              </th>
              {dates.map((d) => {
                const c = coverageOf.get(`${d}|${t.id}`);
                const short = !!c && c.assigned < c.required;
                return (
                  <td
                    key={d}
                    className={short ? 'rota-short' : 'rota-cov'}
                    aria-label={c ? `${t.name} ${d} ${c.required}/${c.assigned}（${S.coverageCell(c.required, c.assigned)}）` : undefined}
                  >
                    {c ? `${c.required}/${c.assigned}` : ''}
                  </td>
                );
              })}
              <td />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

const typeMaps = new WeakMap<readonly ShiftType[], Map<number, ShiftType>>();
function useTypeMap(types: readonly ShiftType[]): Map<number, ShiftType> {
  let m = typeMaps.get(types);
  if (!m) typeMaps.set(types, (m = new Map(types.map((t) => [t.id, t]))));
  return m;
}
