/**
 * A person's dated records as their page lists them (评估结论, 入住记录): an add button with the rule
 * beside it, notes, the list with a delete action that asks first, and the form in a dialog. A write to
 * a submitted month asks for a correction reason (useCorrection: its dialog is `correction`), so a
 * LOCKED refusal is not also shown as an error.
 */
import { Button, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import type { ApiCallError } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';
import { isLocked } from './useCorrection';

/** The 操作 column: 删除, confirmed first. */
export function deleteColumn<T>(o: { title: string; confirm: (row: T) => string; label: (row: T) => string; onDelete: (row: T) => void }): TableColumnType<T> {
  return {
    title: o.title,
    key: 'actions',
    width: 80,
    render: (_: unknown, row: T) => (
      <Popconfirm title={o.confirm(row)} okText={S.deleteOk} okButtonProps={{ danger: true }} cancelText={S.cancel} onConfirm={() => o.onDelete(row)}>
        <Button type="link" danger size="small" aria-label={o.label(row)}>
          {S.delete}
        </Button>
      </Popconfirm>
    ),
  };
}

export interface RecordsPanelProps<T> {
  addLabel: string;
  rule: ReactNode;
  /** shown above the list (e.g. the timeline's problems) */
  notes?: ReactNode;
  removeError: ApiCallError | null;
  list: { label: string; empty: string; columns: TableColumnType<T>[]; rows: readonly T[] };
  dialog: { open: boolean; title: string; okText: string; saving: boolean; onOk: () => void; onCancel: () => void; form: ReactNode };
  /** useCorrection's dialog */
  correction: ReactNode;
  onAdd: () => void;
}

export function RecordsPanel<T extends { id: number }>(p: RecordsPanelProps<T>) {
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={p.onAdd}>
          {p.addLabel}
        </Button>
        <Typography.Text type="secondary">{p.rule}</Typography.Text>
      </Space>
      {p.notes}
      {!isLocked(p.removeError) && <ErrorAlert error={p.removeError} />}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={p.list.columns}
        dataSource={p.list.rows}
        pagination={false}
        aria-label={p.list.label}
        locale={{ emptyText: p.list.empty }}
      />
      <Modal
        open={p.dialog.open}
        title={p.dialog.title}
        okText={p.dialog.okText}
        cancelText={S.cancel}
        onOk={p.dialog.onOk}
        confirmLoading={p.dialog.saving}
        onCancel={p.dialog.onCancel}
        destroyOnHidden
      >
        {p.dialog.form}
      </Modal>
      {p.correction}
    </>
  );
}
