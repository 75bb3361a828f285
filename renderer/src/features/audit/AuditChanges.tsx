/** One audit entry opened: each field with its value before and after, as a small table. */
import { Table, Typography } from 'antd';
import type { AuditChange, AuditEntryView } from '../../../../shared/api/audit';
import { fieldLabel } from '../../../../shared/audit/auditWords';
import { S } from './strings';

export function AuditChanges({ entry }: { entry: AuditEntryView }) {
  if (entry.changes.length === 0) return <Typography.Text type="secondary">{S.noChanges}</Typography.Text>;
  const value = (v: string | null) =>
    v === null ? <Typography.Text type="secondary">{S.none}</Typography.Text> : <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{v}</span>;
  return (
    <>
      <Table<AuditChange>
        size="small"
        rowKey="path"
        pagination={false}
        aria-label={S.changesLabel(entry.id)}
        dataSource={entry.changes}
        columns={[
          { title: S.field, dataIndex: 'path', key: 'path', width: 220, render: (p: string) => <span title={p}>{fieldLabel(p, entry.entity)}</span> },
          { title: S.before, dataIndex: 'before', key: 'before', render: value },
          { title: S.after, dataIndex: 'after', key: 'after', render: value },
        ]}
      />
      {entry.truncated && <Typography.Text type="secondary">{S.truncated}</Typography.Text>}
    </>
  );
}
