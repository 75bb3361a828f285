/**
 * What an empty list shows: what is missing and the next thing to do about it (新增…, 导入…), rather than
 * a bare 暂无数据. A list that is empty only because of its filters says so and offers to clear them.
 * Use it as a table's `locale.emptyText`, or on its own where a screen has nothing to show.
 */
import { Button, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { S } from './strings';

export interface EmptyAction {
  label: string;
  onClick: () => void;
  /** the first, main action */
  primary?: boolean;
  disabled?: boolean;
}

interface Props {
  /** what is missing: 还没有服务对象 */
  title: ReactNode;
  /** one line on how records get here */
  hint?: ReactNode;
  actions?: readonly EmptyAction[];
  /** the list has records, its filters hide them all: the title and actions become 清除筛选 */
  filtered?: { onClear: () => void } | false;
  testId?: string;
}

export function EmptyState({ title, hint, actions = [], filtered, testId = 'empty-state' }: Props) {
  const shown: readonly EmptyAction[] = filtered ? [{ label: S.clearFilters, onClick: filtered.onClear }] : actions;
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid={testId}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text>{filtered ? S.nothingFiltered : title}</Typography.Text>
          {!filtered && hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        </Flex>
      }
    >
      {shown.length > 0 && (
        <Flex gap={8} justify="center" wrap>
          {shown.map((a) => (
            <Button key={a.label} type={a.primary ? 'primary' : 'default'} disabled={a.disabled} onClick={a.onClick}>
              {a.label}
            </Button>
          ))}
        </Flex>
      )}
    </Empty>
  );
}
