/**
 * 评估结论: what the agency concluded, as recorded, with the validity the pack gives each conclusion
 * (benefits from the 1st of the next month, 24 months by default) and which one is in force today.
 */
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { AssessmentView, ResidentDetail } from '../../../../shared/api/residents';
import { LEVELS, type Level } from '../../../../shared/domain/model';
import { assessmentNotYet } from '../../../../shared/domain/notYet';
import { useApiMutation } from '../../api/hooks';
import { DateInput } from '../../ui/DateInput';
import { todayLocal } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExpiryTag } from '../../ui/ExpiryTag';
import { A, ASSESSMENT_STATE_COLORS, ASSESSMENT_STATE_NAMES, levelName, S } from './strings';
import { isLocked, useCorrection } from './useCorrection';

interface FormValues {
  level: Level;
  concludedOn: string;
  number?: string;
  assessor?: string;
}

export function AssessmentsPanel({ resident, onMessage }: { resident: ResidentDetail; onMessage: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const add = useApiMutation('residents.addAssessment');
  const remove = useApiMutation('residents.deleteAssessment');
  const { send, modal } = useCorrection();

  const onFinish = (v: FormValues) =>
    void send(
      add.mutateAsync,
      { residentId: resident.id, level: v.level, concludedOn: v.concludedOn, ...(v.number ? { number: v.number } : {}), ...(v.assessor ? { assessor: v.assessor } : {}) },
      () => {
        onMessage(A.saved);
        setOpen(false);
        form.resetFields();
      },
    );

  const columns: TableProps<AssessmentView>['columns'] = [
    {
      title: A.level,
      key: 'level',
      render: (_: unknown, a) => (
        <>
          {levelName(a.level)}
          {!a.eligible && <Tag style={{ marginInlineStart: 6 }}>{A.notPaid}</Tag>}
        </>
      ),
    },
    { title: A.concludedOn, dataIndex: 'concludedOn', key: 'concludedOn' },
    { title: A.period, key: 'period', render: (_: unknown, a) => A.periodRange(a.start, a.end) },
    {
      title: A.state,
      key: 'state',
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          <Tag color={ASSESSMENT_STATE_COLORS[a.state]}>{ASSESSMENT_STATE_NAMES[a.state]}</Tag>
          {(a.state === 'in-force' || a.state === 'pending') && <ExpiryTag daysLeft={a.daysLeft} />}
        </Space>
      ),
    },
    { title: A.number, dataIndex: 'number', key: 'number', render: (v: string | null) => v ?? '—' },
    { title: A.assessor, dataIndex: 'assessor', key: 'assessor', render: (v: string | null) => v ?? '—' },
    {
      title: A.actions,
      key: 'actions',
      width: 80,
      render: (_: unknown, a) => (
        <Popconfirm title={A.deleteConfirm(a)} okText={S.deleteOk} okButtonProps={{ danger: true }} cancelText={S.cancel} onConfirm={() => void send(remove.mutateAsync, { id: a.id }, () => onMessage(A.deleted))}>
          <Button type="link" danger size="small" aria-label={A.deleteLabel(a.concludedOn)}>
            {S.delete}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setOpen(true)}>
          {A.add}
        </Button>
        <Typography.Text type="secondary">{A.rule(resident.policy)}</Typography.Text>
      </Space>
      {!isLocked(remove.error) && <ErrorAlert error={remove.error} />}
      <Table<AssessmentView> rowKey="id" size="middle" columns={columns} dataSource={resident.assessments} pagination={false} aria-label={A.listLabel} locale={{ emptyText: A.empty }} />
      <Modal open={open} title={A.title} okText={A.save} cancelText={S.cancel} onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={onFinish} aria-label={A.formLabel} requiredMark>
          <Form.Item label={A.level} name="level" rules={[{ required: true, message: S.pick(A.level) }]}>
            <Select options={LEVELS.map((l) => ({ value: l, label: levelName(l) }))} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            label={A.concludedOn}
            name="concludedOn"
            rules={[
              { required: true, message: S.pick(A.concludedOn) },
              // the services refuse it too; said here at once, in their words
              { validator: (_r, v: string | null) => (v && assessmentNotYet(v, todayLocal()) ? Promise.reject(new Error(assessmentNotYet(v, todayLocal())!)) : Promise.resolve()) },
            ]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item label={A.number} name="number">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label={A.assessor} name="assessor">
            <Input maxLength={100} />
          </Form.Item>
          {!isLocked(add.error) && <ErrorAlert error={add.error} />}
          {resident.policy.fallback && <Alert type="info" showIcon title={A.noInstitution} />}
        </Form>
      </Modal>
      {modal}
    </>
  );
}
