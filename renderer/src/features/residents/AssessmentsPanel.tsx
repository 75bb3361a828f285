/**
 * 评估结论: what the agency concluded, as recorded, with the validity the pack gives each conclusion
 * (benefits from the 1st of the next month, 24 months by default) and which one is in force today.
 */
import { Alert, Form, Input, Select, Space, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { AssessmentView, ResidentDetail } from '../../../../shared/api/residents';
import { LEVELS, type Level } from '../../../../shared/domain/model';
import { assessmentNotYet } from '../../../../shared/domain/notYet';
import { useApiMutation } from '../../api/hooks';
import { DateInput } from '../../ui/DateInput';
import { todayLocal } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { deleteColumn, RecordsPanel } from './RecordsPanel';
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
      {
        residentId: resident.id,
        level: v.level,
        concludedOn: v.concludedOn,
        ...(v.number ? { number: v.number } : {}),
        ...(v.assessor ? { assessor: v.assessor } : {}),
      },
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
    deleteColumn<AssessmentView>({
      title: A.actions,
      confirm: (a) => A.deleteConfirm(a),
      label: (a) => A.deleteLabel(a.concludedOn),
      onDelete: (a) => void send(remove.mutateAsync, { id: a.id }, () => onMessage(A.deleted)),
    }),
  ];

  return (
    <RecordsPanel<AssessmentView>
      addLabel={A.add}
      onAdd={() => setOpen(true)}
      rule={A.rule(resident.policy)}
      removeError={remove.error}
      list={{ label: A.listLabel, empty: A.empty, columns, rows: resident.assessments }}
      correction={modal}
      dialog={{
        open,
        title: A.title,
        okText: A.save,
        saving: add.isPending,
        onOk: () => form.submit(),
        onCancel: () => setOpen(false),
        form: (
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
                {
                  validator: (_r, v: string | null) =>
                    v && assessmentNotYet(v, todayLocal()) ? Promise.reject(new Error(assessmentNotYet(v, todayLocal())!)) : Promise.resolve(),
                },
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
        ),
      }}
    />
  );
}
