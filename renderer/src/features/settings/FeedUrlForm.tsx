/** 更新服务器地址: the field and its 保存, checked as the services check it (shared/updates/feedUrl.ts). */
import { App, Button, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { FEED_URL_EXAMPLE, feedUrlProblem } from '../../../../shared/updates/feedUrl';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { S } from './strings';

const validate = (v: string | undefined): Promise<void> => {
  const problem = feedUrlProblem(v ?? '');
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
};

export function FeedUrlForm({ feedUrl }: { feedUrl: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ url: string }>();
  const save = useApiMutation('updates.setFeed');
  useEffect(() => form.setFieldsValue({ url: feedUrl }), [feedUrl, form]);

  const onFinish = ({ url }: { url: string }) =>
    save.mutate({ url: url ?? '' }, { onSuccess: (s) => void message.success(s.feedUrl ? S.updates.feedSaved : S.updates.feedCleared) });

  return (
    <>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="update-feed-form">
        <Form.Item label={S.updates.feedUrl} extra={S.updates.feedUrlHint(FEED_URL_EXAMPLE)}>
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Form.Item name="url" noStyle rules={[{ validator: (_r, v: string | undefined) => validate(v) }]}>
              <Input placeholder={FEED_URL_EXAMPLE} allowClear aria-label={S.updates.feedUrl} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {S.updates.save}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <ErrorAlert error={save.error} />
    </>
  );
}
