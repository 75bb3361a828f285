/** 床位管理: the bed records, paged and searched on the server, with a form to add or edit one. */
import { keepPreviousData } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { BedInput, BedRow } from '../../../../shared/api/beds';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';
import { PAGER } from '../../ui/pagination';

type SortField = 'code' | 'room' | 'floor';

interface FormValues {
  code: string;
  room?: string;
  floor?: string;
  note?: string;
}

/** `2-201-1` reads as floor 2, room 2-201: offered when those fields are still empty. */
function placeOf(code: string): { floor: string; room: string } | null {
  const m = /^(\d+)-(\d+)-\d+$/.exec(code.trim());
  return m ? { floor: m[1]!, room: `${m[1]}-${m[2]}` } : null;
}

export function BedManager() {
  const { message } = App.useApp();
  const [search, setSearch] = useState<string>();
  const [table, setTable] = useState<{ page: number; pageSize: number; sortField?: SortField; sortOrder?: 'ascend' | 'descend' }>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<BedRow | 'new' | null>(null);
  // kept while the dialog closes, so its title does not flicker to another record's
  const [title, setTitle] = useState('');
  const [form] = Form.useForm<FormValues>();
  const list = useApiQuery('beds.list', { search, ...table }, { placeholderData: keepPreviousData });
  const save = useApiMutation('beds.save');
  const remove = useApiMutation('beds.delete');

  const open = (bed: BedRow | 'new') => {
    save.reset();
    setEditing(bed);
    setTitle(bed === 'new' ? S.form.titleNew : S.form.titleEdit(bed.code));
    form.setFieldsValue(
      bed === 'new' ? { code: '', room: '', floor: '', note: '' } : { code: bed.code, room: bed.room ?? '', floor: bed.floor ?? '', note: bed.note ?? '' },
    );
  };
  const onFinish = (v: FormValues) => {
    const input: BedInput = { ...(editing && editing !== 'new' ? { id: editing.id } : {}), code: v.code, room: v.room, floor: v.floor, note: v.note };
    save.mutate(input, {
      onSuccess: () => {
        void message.success(S.form.saved);
        setEditing(null);
      },
      onError: (e) => form.setFields(e.problems.filter((p) => p.path === 'code').map((p) => ({ name: 'code', errors: [p.message] }))),
    });
  };

  const [searchText, setSearchText] = useState('');
  const empty = (
    <EmptyState
      title={S.emptyTitle}
      hint={S.noBedsHint}
      filtered={
        !!search && {
          onClear: () => {
            setSearch(undefined);
            setSearchText('');
          },
        }
      }
      actions={[{ label: S.add, primary: true, onClick: () => open('new') }]}
    />
  );

  const sorted = (f: SortField) => (table.sortField === f ? (table.sortOrder ?? null) : null);
  const columns: TableProps<BedRow>['columns'] = [
    { title: S.col.code, dataIndex: 'code', key: 'code', sorter: true, sortOrder: sorted('code') },
    { title: S.col.room, dataIndex: 'room', key: 'room', sorter: true, sortOrder: sorted('room'), render: (v: string | null) => v ?? '—' },
    { title: S.col.floor, dataIndex: 'floor', key: 'floor', sorter: true, sortOrder: sorted('floor'), render: (v: string | null) => v ?? '—' },
    { title: S.col.note, dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '' },
    { title: S.col.stays, dataIndex: 'stays', key: 'stays', render: (n: number) => S.stays(n) },
    {
      title: S.col.actions,
      key: 'actions',
      width: 140,
      render: (_: unknown, b) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(b)} aria-label={`${S.edit} ${b.code}`}>
            {S.edit}
          </Button>
          <Popconfirm
            title={S.deleteConfirm(b.code)}
            okText={S.delete}
            okButtonProps={{ danger: true }}
            cancelText={S.cancel}
            onConfirm={() => remove.mutate({ id: b.id }, { onSuccess: () => void message.success(S.form.deleted) })}
          >
            <Button type="link" danger size="small" aria-label={`${S.delete} ${b.code}`}>
              {S.delete}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={S.searchLabel}
          placeholder={S.search}
          allowClear
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(q) => {
            setSearch(q.trim() || undefined);
            setTable((t) => ({ ...t, page: 1 }));
          }}
          style={{ width: 280 }}
        />
        <Button type="primary" onClick={() => open('new')}>
          {S.add}
        </Button>
      </Flex>
      <ErrorAlert error={list.error ?? remove.error} />
      <Table<BedRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isFetching}
        aria-label={S.listLabel}
        locale={{ emptyText: list.data ? empty : ' ' }}
        pagination={{ ...PAGER, current: table.page, pageSize: table.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: S.total }}
        onChange={(p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setTable({
            page: p.current ?? 1,
            pageSize: p.pageSize ?? 20,
            sortField: s?.order ? (s.columnKey as SortField) : undefined,
            sortOrder: s?.order ?? undefined,
          });
        }}
      />
      <Modal
        open={editing !== null}
        title={title}
        okText={S.form.save}
        cancelText={S.cancel}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          aria-label={S.form.label}
          requiredMark
          onValuesChange={(changed: Partial<FormValues>, all: FormValues) => {
            const place = changed.code !== undefined ? placeOf(changed.code) : null;
            if (place && !all.floor && !all.room) form.setFieldsValue(place);
          }}
        >
          <Form.Item label={S.form.code} name="code" extra={S.form.codeHint} rules={[{ required: true, whitespace: true, message: S.form.required }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Space size="large">
            <Form.Item label={S.form.floor} name="floor">
              <Input maxLength={20} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label={S.form.room} name="room">
              <Input maxLength={30} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item label={S.form.note} name="note">
            <Input maxLength={200} />
          </Form.Item>
          <ErrorAlert error={save.error} />
        </Form>
      </Modal>
    </>
  );
}
