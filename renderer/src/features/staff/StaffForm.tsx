/**
 * 基本信息: name, ID number (checked as typed: a wrong length is refused, a failing check character is
 * a warning that still saves), role, employed from/to. Labels are tied to their inputs.
 */
import { Alert, Button, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { StaffDetail, StaffInput } from '../../../../shared/api/staff';
import { normalizeIdNumber, weighIdNumber } from '../../../../shared/fields/idNumber';
import { STAFF_ROLE_NAMES } from '../../../../shared/domain/glossary';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/domain/model';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { todayLocal } from '../../ui/dates';
import { DateInput } from '../../ui/DateInput';
import { S } from './strings';

interface Values {
  name: string;
  idNumber: string;
  /** '' = 未填写 */
  role?: StaffRole | '';
  employedFrom?: string | null;
  employedTo?: string | null;
}

export function StaffForm({ staff, onSaved }: { staff: StaffDetail | null; onSaved: (s: StaffDetail, created: boolean) => void }) {
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('staff.save');
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const warning = idNumber.length === 18 ? weighIdNumber(idNumber, todayLocal()).warning : null;

  useEffect(() => {
    if (staff)
      form.setFieldsValue({
        name: staff.name,
        idNumber: staff.idNumber,
        role: staff.role ?? '',
        employedFrom: staff.employedFrom,
        employedTo: staff.employedTo,
      });
  }, [staff, form]);

  const onFinish = (v: Values): void => {
    const input: StaffInput = {
      ...(staff ? { id: staff.id } : {}),
      name: v.name,
      idNumber: v.idNumber,
      ...(v.role ? { role: v.role } : {}),
      ...(v.employedFrom ? { employedFrom: v.employedFrom } : {}),
      ...(v.employedTo ? { employedTo: v.employedTo } : {}),
    };
    save.mutate(input, { onSuccess: (s) => onSaved(s, !staff) });
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} aria-label={S.formLabel} style={{ maxWidth: 520 }}>
      <Form.Item label={S.name} name="name" rules={[{ required: true, whitespace: true, message: S.required(S.name) }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        label={S.idNumber}
        name="idNumber"
        normalize={normalizeIdNumber}
        rules={[
          { required: true, message: S.required(S.idNumber) },
          {
            validator: (_r, v: string) =>
              v && weighIdNumber(v, todayLocal()).error ? Promise.reject(new Error(weighIdNumber(v, todayLocal()).error!)) : Promise.resolve(),
          },
        ]}
        extra={warning && <Alert type="warning" showIcon title={S.idWarningSaveable(warning)} />}
      >
        <Input maxLength={18} placeholder={S.idPlaceholder} />
      </Form.Item>
      {/* No allowClear: its clear button sits in the tab order after the select (see ResidentForm). */}
      <Form.Item label={S.role} name="role" initialValue="">
        <Select options={[{ value: '', label: S.roleNone }, ...STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_NAMES[r] }))]} />
      </Form.Item>
      <Form.Item label={S.employedFrom} name="employedFrom">
        <DateInput />
      </Form.Item>
      <Form.Item
        label={S.employedTo}
        name="employedTo"
        extra={S.employedToHint}
        dependencies={['employedFrom']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, v: string | null) => {
              const from = getFieldValue('employedFrom') as string | null;
              return v && from && v < from ? Promise.reject(new Error(S.leftBeforeEmployed)) : Promise.resolve();
            },
          }),
        ]}
      >
        <DateInput />
      </Form.Item>
      <ErrorAlert error={save.error} />
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 8 }}>
        {S.save}
      </Button>
    </Form>
  );
}
