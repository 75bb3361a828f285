/** The preview, one line per row of the workbook: who it is, what it adds, and what is wrong. */
import { Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { RosterRow } from '../../../../shared/api/roster';
import { R } from './strings';
import { PAGER } from '../../ui/pagination';

const MATCH_COLOR = { new: 'blue', existing: 'purple', repeat: 'cyan' } as const;
export const keyOf = (r: Pick<RosterRow, 'sheet' | 'row'>): string => `${r.sheet}:${r.row}`;

export function RosterPreviewTable({ rows, excluded }: { rows: RosterRow[]; excluded: ReadonlySet<string> }) {
  const columns: TableProps<RosterRow>['columns'] = [
    { title: R.col.sheet, dataIndex: 'sheetName', width: 90 },
    { title: R.col.row, dataIndex: 'row', width: 70 },
    { title: R.col.name, dataIndex: 'name', width: 100, render: (v: string) => v || '—' },
    { title: R.col.idNumber, dataIndex: 'idNumberMasked', width: 180, render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
    {
      title: R.col.match,
      key: 'match',
      width: 170,
      render: (_v, r) => (
        <>
          {excluded.has(keyOf(r)) ? (
            <Tag>{R.excluded}</Tag>
          ) : r.issues.some((i) => i.severity === 'error') ? (
            <Tag color="red">{R.hasError}</Tag>
          ) : (
            <Tag color={MATCH_COLOR[r.match]}>{R.match[r.match]}</Tag>
          )}
          {r.matchNote && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.matchNote}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: R.col.effects,
      key: 'effects',
      render: (_v, r) =>
        r.effects.length === 0 ? (
          <Typography.Text type="secondary">{R.nothingYet}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {r.effects.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        ),
    },
    {
      title: R.col.issues,
      key: 'issues',
      render: (_v, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid={`issues-${keyOf(r)}`}>
          {r.issues.map((i, n) => (
            <li key={n}>
              <Typography.Text type={i.severity === 'error' ? 'danger' : 'warning'}>{R.issueAt(r.sheetName, r.row, i.column, i.message)}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<RosterRow>
      rowKey={keyOf}
      size="small"
      aria-label={R.previewLabel}
      columns={columns}
      dataSource={rows}
      pagination={{ ...PAGER, pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(r) => ({ style: excluded.has(keyOf(r)) ? { opacity: 0.5 } : r.issues.some((i) => i.severity === 'error') ? { background: '#fff2f0' } : {} })}
    />
  );
}
