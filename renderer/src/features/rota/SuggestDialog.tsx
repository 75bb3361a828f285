/**
 * 排班建议: the period to fill (empty cells only: what is set stays), the solver's progress (a job), then
 * the draft: how much of the shifts' demand it meets, what could not be met and why, and accepting it in
 * whole or one week at a time.
 */
import { Alert, Button, Flex, Form, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { RotaSuggestion } from '../../../../shared/api/rota';
import { addDays, isoWeekday } from '../../../../shared/domain/dates';
import type { RotaCell } from '../../../../shared/rota/types';
import { call } from '../../api/client';
import { useJob } from '../../api/useJob';
import { DateInput } from '../../ui/DateInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { JobProgress } from '../claims/JobProgress';
import { S } from './strings';

const G = S.suggestDialog;

/** The suggestion's weeks (Monday to Sunday, cut at its ends), each with its cells. */
function weeksOf(s: RotaSuggestion): { from: string; to: string; cells: RotaCell[] }[] {
  const out: { from: string; to: string; cells: RotaCell[] }[] = [];
  let from = s.from;
  while (from <= s.to) {
    let to = addDays(from, 7 - isoWeekday(from));
    if (to > s.to) to = s.to;
    const f = from;
    out.push({ from: f, to, cells: s.cells.filter((c) => c.date >= f && c.date <= to) });
    from = addDays(to, 1);
  }
  return out;
}

export function SuggestDialog({
  open,
  month,
  from,
  to,
  onAccept,
  onClose,
}: {
  open: boolean;
  month: string;
  from: string;
  to: string;
  onAccept: (cells: RotaCell[]) => Promise<void>;
  onClose: () => void;
}) {
  const [start, setStart] = useState<string | null>(from);
  const [end, setEnd] = useState<string | null>(to);
  const job = useJob();
  const [result, setResult] = useState<RotaSuggestion | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const run = async () => {
    if (!start || !end) return;
    setResult(null);
    setAccepted(new Set());
    const s = await job.run(() => call('rota.suggest', { month, from: start, to: end }));
    if (s) setResult(s.result as RotaSuggestion);
  };
  const accept = async (key: string, cells: RotaCell[]) => {
    await onAccept(cells);
    setAccepted((a) => new Set([...a, key]));
  };
  const weeks = result ? weeksOf(result) : [];
  return (
    <Modal open={open} title={S.suggest} width={720} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{G.hint}</Typography.Paragraph>
      <Form layout="inline" aria-label={G.label} style={{ marginBottom: 12 }}>
        <Form.Item label={G.from}>
          <DateInput value={start} onChange={setStart} aria-label={G.fromLabel} />
        </Form.Item>
        <Form.Item label={G.to}>
          <DateInput value={end} onChange={setEnd} aria-label={G.toLabel} />
        </Form.Item>
        <Button type="primary" loading={job.running} onClick={() => void run()}>
          {G.run}
        </Button>
      </Form>
      {job.running && <JobProgress status={job.status} testId="rota-suggest-progress" />}
      <ErrorAlert error={job.error} />
      {result && (
        <div data-testid="rota-suggestion">
          <Alert
            type={result.unmet.length ? 'warning' : 'success'}
            showIcon
            title={G.summary(result.met, result.demand, result.cells.length, result.seconds)}
            description={result.unmet.length ? G.unmetCount(result.unmet.length) : undefined}
          />
          {result.unmet.length > 0 && (
            <List size="small" aria-label={G.unmet} dataSource={result.unmet.slice(0, 50)} renderItem={(u) => <List.Item>{u}</List.Item>} />
          )}
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button type="primary" disabled={accepted.has('all')} onClick={() => void accept('all', result.cells)}>
              {G.acceptAll}
            </Button>
            {weeks.map((w) => (
              <Button key={w.from} disabled={accepted.has('all') || accepted.has(w.from) || w.cells.length === 0} onClick={() => void accept(w.from, w.cells)}>
                {G.acceptWeek(w.from.slice(5), w.to.slice(5), w.cells.length)}
              </Button>
            ))}
          </Flex>
        </div>
      )}
    </Modal>
  );
}
