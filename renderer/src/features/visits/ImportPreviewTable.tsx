/** The rows of an import as checked: status, what was read, and each problem with its column. */
import { Checkbox, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ImportPreviewRow, ImportRowStatus } from '../../../../shared/api/visits';
import { showTime } from './dateTime';
import { IssueTags } from './IssueTags';
import { IMPORT, S } from './strings';
import { PAGER } from '../../ui/pagination';

export const STATUS_COLORS: Record<ImportRowStatus, string> = { ok: 'green', warning: 'orange', error: 'red', duplicate: 'default', changed: 'blue' };

interface Props {
  rows: ImportPreviewRow[];
  excluded: ReadonlySet<number>;
  onExclude: (row: number, exclude: boolean) => void;
}

export function ImportPreviewTable({ rows, excluded, onExclude }: Props) {
  const columns: TableProps<ImportPreviewRow>['columns'] = [
    {
      title: IMPORT.excludedCol,
      key: 'exclude',
      width: 60,
      render: (_: unknown, r) =>
        r.status === 'duplicate' ? null : (
          <Checkbox aria-label={IMPORT.exclude(r.row)} checked={excluded.has(r.row)} onChange={(e) => onExclude(r.row, e.target.checked)} />
        ),
    },
    { title: IMPORT.rowCol, dataIndex: 'row', key: 'row', width: 64 },
    {
      title: IMPORT.statusCol,
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: ImportRowStatus) => <Tag color={STATUS_COLORS[s]}>{IMPORT.status[s]}</Tag>,
    },
    {
      title: IMPORT.problemsCol,
      key: 'problems',
      width: 360,
      render: (_: unknown, r) => (
        <div>
          {r.errors.map((e, i) => (
            <div key={i}>
              <Typography.Text type="danger">
                {e.column}：{e.message}
              </Typography.Text>
            </div>
          ))}
          {r.changes?.map((c, i) => (
            <div key={`c${i}`}>
              <Typography.Text>{IMPORT.change(c.field, c.before, c.after)}</Typography.Text>
            </div>
          ))}
          <IssueTags issues={r.warnings} />
          {r.lockedMonth && <Tag color="purple">{IMPORT.locked(r.lockedMonth)}</Tag>}
        </div>
      ),
    },
    { title: S.col.resident, dataIndex: 'residentName', key: 'resident', width: 90 },
    { title: S.col.staff, dataIndex: 'staffName', key: 'staff', width: 90 },
    { title: S.col.start, dataIndex: 'start', key: 'start', width: 140, render: (v: string | null) => showTime(v) },
    { title: S.col.end, dataIndex: 'end', key: 'end', width: 140, render: (v: string | null) => showTime(v) },
    { title: S.col.minutes, dataIndex: 'minutes', key: 'minutes', width: 90, align: 'right' },
    { title: S.col.items, dataIndex: 'items', key: 'items', width: 120, render: (v: string[]) => v.join('、') },
    {
      title: S.col.confirmed,
      dataIndex: 'confirmed',
      key: 'confirmed',
      width: 80,
      render: (v: boolean | null) => (v === null ? '' : v ? IMPORT.yes : IMPORT.no),
    },
    { title: IMPORT.extRefCol, dataIndex: 'externalRef', key: 'externalRef', width: 120 },
  ];
  return (
    <Table<ImportPreviewRow>
      rowKey="row"
      size="small"
      columns={columns}
      dataSource={rows}
      aria-label={IMPORT.previewLabel}
      pagination={{ ...PAGER, pageSize: 50, showSizeChanger: false, showTotal: S.total }}
      onRow={(r) => ({ style: excluded.has(r.row) ? { opacity: 0.45 } : undefined, 'data-row': r.row }) as React.HTMLAttributes<HTMLElement>}
      scroll={{ x: 1500 }}
    />
  );
}
