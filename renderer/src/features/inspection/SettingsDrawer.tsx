/**
 * 检查准备设置: each self-audit rule's parameters, the score's weights and the claim deadline. Every
 * default is the product's own (shown beside each field), not a policy's; saving is audited.
 */
import { App, Button, Drawer, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { FIELD_LABELS } from '../../../../shared/api/labels';
import { CHECK_IDS } from '../../../../shared/inspection/settings';
import type { InspectionSettings, SelfAuditParams } from '../../../../shared/inspection/settings';
import { CHECK_TITLES } from '../../../../shared/inspection/readiness';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SectionTitle } from '../../ui/headings';
import { S } from './strings';

const D = S.settingsDrawer;
const LABELS = FIELD_LABELS.inspection ?? {};

function Editor({ initial, defaults, onClose }: { initial: InspectionSettings; defaults: InspectionSettings; onClose: () => void }) {
  const { message } = App.useApp();
  const [s, setS] = useState<InspectionSettings>(initial);
  const save = useApiMutation('inspection.saveSettings');
  const param = (key: keyof SelfAuditParams) => (
    <Form.Item key={key} label={LABELS[`params.${key}`]} htmlFor={`p-${key}`} extra={D.default(defaults.params[key])} style={{ marginBottom: 8 }}>
      <InputNumber
        id={`p-${key}`}
        min={0}
        value={s.params[key]}
        onChange={(n) => setS({ ...s, params: { ...s.params, [key]: n ?? defaults.params[key] } })}
        style={{ width: 160 }}
      />
    </Form.Item>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{D.defaults}</Typography.Paragraph>
      <Form layout="vertical">
        <SectionTitle>{D.params}</SectionTitle>
        {(Object.keys(defaults.params) as (keyof SelfAuditParams)[]).map(param)}
        <SectionTitle>{D.weights}</SectionTitle>
        {CHECK_IDS.map((id) => (
          <Form.Item key={id} label={CHECK_TITLES[id]} htmlFor={`w-${id}`} extra={D.default(defaults.weights[id])} style={{ marginBottom: 8 }}>
            <InputNumber
              id={`w-${id}`}
              min={0}
              max={100}
              value={s.weights[id]}
              onChange={(n) => setS({ ...s, weights: { ...s.weights, [id]: n ?? 0 } })}
              style={{ width: 160 }}
            />
          </Form.Item>
        ))}
        <Form.Item label={D.onTimeDay} htmlFor="on-time-day" extra={D.default(defaults.onTimeDay)}>
          <InputNumber
            id="on-time-day"
            min={1}
            max={28}
            value={s.onTimeDay}
            onChange={(n) => setS({ ...s, onTimeDay: n ?? defaults.onTimeDay })}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
      <Flex gap={8}>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate(s, { onSuccess: () => (void message.success(D.saved), onClose()) })}>
          {D.save}
        </Button>
        <Button onClick={() => setS(defaults)}>{D.reset}</Button>
      </Flex>
    </>
  );
}

export function SettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const settings = useApiQuery('inspection.settings', undefined, { enabled: open });
  return (
    <Drawer open={open} onClose={onClose} title={D.title} size={480} destroyOnHidden>
      <ErrorAlert error={settings.error} />
      {settings.data && <Editor initial={settings.data.settings} defaults={settings.data.defaults} onClose={onClose} />}
    </Drawer>
  );
}
