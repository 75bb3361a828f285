/**
 * 住址位置: the client's home point for the check-in rule, set by hand (e.g. read off a map) when the one
 * learned from past check-ins is wrong or there are too few of them; cleared, the rule learns it again.
 * Saved by the owner and audited.
 */
import { Alert, Button, Flex, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

const H = S.audit.home;

export interface HomeTarget {
  residentId: number;
  name: string;
  reason: string;
}

export function HomePointDialog({ target, onClose, onSaved }: { target: HomeTarget | null; onClose: () => void; onSaved: (cleared: boolean) => void }) {
  const [lat, setLat] = useState<number | null>(null);
  const [lng, setLng] = useState<number | null>(null);
  const save = useApiMutation('inspection.setHomePoint');
  const close = () => {
    setLat(null);
    setLng(null);
    save.reset();
    onClose();
  };
  const submit = (home: { lat: number; lng: number } | null) => {
    if (!target) return;
    save.mutate(
      { residentId: target.residentId, home },
      {
        onSuccess: () => {
          setLat(null);
          setLng(null);
          onSaved(home === null);
        },
      },
    );
  };
  return (
    <Modal
      open={target !== null}
      title={target ? H.title(target.name) : ''}
      okText={H.save}
      cancelText={S.cancel}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: lat === null || lng === null }}
      onCancel={close}
      onOk={() => lat !== null && lng !== null && submit({ lat, lng })}
      destroyOnHidden
    >
      {target && <Alert type="warning" showIcon title={target.reason} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{H.hint}</Typography.Paragraph>
      <Form layout="vertical">
        <Flex gap={12}>
          <Form.Item label={H.lat} htmlFor="home-lat" required>
            <InputNumber
              id="home-lat"
              min={-90}
              max={90}
              step={0.000001}
              precision={6}
              value={lat}
              onChange={setLat}
              style={{ width: 180 }}
              placeholder="29.868336"
            />
          </Form.Item>
          <Form.Item label={H.lng} htmlFor="home-lng" required>
            <InputNumber
              id="home-lng"
              min={-180}
              max={180}
              step={0.000001}
              precision={6}
              value={lng}
              onChange={setLng}
              style={{ width: 180 }}
              placeholder="121.543990"
            />
          </Form.Item>
        </Flex>
      </Form>
      <Button onClick={() => submit(null)} loading={save.isPending}>
        {H.clear}
      </Button>
      <ErrorAlert error={save.error} />
    </Modal>
  );
}
