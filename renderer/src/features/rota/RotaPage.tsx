/**
 * 排班: the month grid (or one week, wider), the shift palette, the checks' side list, and the ways to
 * fill it: click, keyboard, paste from Excel, a rotation pattern, copy last week or month, 排班建议,
 * import. 发布 freezes it for the notice board: later changes ask for a reason (audited).
 */
import { App, Button, Col, Flex, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { addDays, addMonthsToMonth, datesOfMonth, monthEnd, monthStart, weekStart } from '../../../../shared/domain/dates';
import { applyPattern, copyCells, parsePaste, resolveShift, type CellEdit } from '../../../../shared/rota/edits';
import type { RotaCell } from '../../../../shared/rota/types';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { offerDownload, openInNewTab } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { PatternDialog, PublishDialog, ReasonDialog } from './Dialogs';
import { ImportDialog } from './ImportDialog';
import { IssueList } from './IssueList';
import { RotaGrid, type GridFocus } from './RotaGrid';
import { S } from './strings';
import { SuggestDialog } from './SuggestDialog';
import { useRotaCells } from './useRota';
import './rota.css';

type Dialog = 'pattern' | 'publish' | 'suggest' | 'import' | null;

export function RotaPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? dayjs().format('YYYY-MM');
  const mode = params.get('view') === 'week' ? 'week' : 'month';
  const query = useApiQuery('rota.month', { month });
  const view = query.data;
  const { cells, check, apply } = useRotaCells(view);
  const [focus, setFocus] = useState<GridFocus>({ row: 0, col: 0 });
  const [paint, setPaint] = useState<number | 'clear' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reasonFor, setReasonFor] = useState<CellEdit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const monthDates = useMemo(() => datesOfMonth(month), [month]);
  const weeks = useMemo(() => [...new Set(monthDates.map(weekStart))], [monthDates]);
  const week = params.get('week') && weeks.includes(params.get('week')!) ? params.get('week')! : weeks[0]!;
  const dates = useMemo(() => (mode === 'week' ? monthDates.filter((d) => weekStart(d) === week) : monthDates), [mode, monthDates, week]);
  const set = (k: string, v: string) => setParams((p) => (p.set(k, v), p), { replace: true });

  const edit = (edits: CellEdit[]) => {
    if (!view || edits.length === 0) return;
    if (view.published) setReasonFor(edits);
    else apply(edits).catch(setError);
  };
  const staffAt = (row: number) => view?.staff[row];
  const onKey = (key: string, f: GridFocus) => {
    const s = staffAt(f.row);
    const date = dates[f.col];
    if (!s || !date || !view) return;
    if (key === 'Delete' || key === 'Backspace') return edit([{ staffId: s.id, date, shiftTypeId: null }]);
    const t = resolveShift(key, view.shiftTypes);
    if (t) edit([{ staffId: s.id, date, shiftTypeId: t.id }]);
    else void message.warning(S.noShortcut(key.toUpperCase()));
  };
  const onClickCell = (f: GridFocus) => {
    const s = staffAt(f.row);
    const date = dates[f.col];
    if (!s || !date || paint === null) return;
    edit([{ staffId: s.id, date, shiftTypeId: paint === 'clear' ? null : paint }]);
  };
  const onPaste = (text: string, f: GridFocus) => {
    if (!view) return;
    const r = parsePaste(
      text,
      view.shiftTypes,
      view.staff.map((s) => s.id),
      dates,
      f,
    );
    if (r.ok) edit(r.edits);
    else void message.error(r.message);
  };
  const currentCells = (): RotaCell[] => [...cells].map(([k, shiftTypeId]) => ({ staffId: Number(k.split('|')[0]), date: k.split('|')[1]!, shiftTypeId }));
  const copyLastWeek = () => {
    if (!view) return;
    const from = mode === 'week' ? week : monthStart(month);
    const days = mode === 'week' ? 7 : monthDates.length;
    // each day takes the shift of the same weekday one week earlier (the days before the month are loaded)
    const edits = copyCells(
      currentCells(),
      view.staff.map((s) => s.id),
      addDays(from, -7),
      days,
      7,
    ).filter((e) => e.date >= view.from && e.date <= view.to);
    edit(mode === 'week' ? edits : edits.filter((e) => e.date < addDays(from, 7)));
  };
  const copyLastMonth = async () => {
    if (!view) return;
    try {
      const prev = await call('rota.month', { month: addMonthsToMonth(month, -1) });
      // weekday-aligned: 28 days back keeps 周一 on 周一
      const from = addDays(monthStart(month), -28);
      edit(
        copyCells(
          prev.cells,
          view.staff.map((s) => s.id),
          from,
          monthDates.length,
          28,
        ).filter((e) => e.date <= monthEnd(month)),
      );
    } catch (e) {
      setError(e);
    }
  };
  const download = (m: 'rota.pdf' | 'rota.workbook') => call(m, { month }).then(m === 'rota.pdf' ? openInNewTab : offerDownload, setError);

  const errors = check?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = (check?.issues.length ?? 0) - errors;
  return (
    <>
      <PageHeader
        title={S.title}
        subtitle={S.subtitle}
        extra={
          <>
            <Select
              aria-label={S.month}
              value={month}
              style={{ width: 120 }}
              onChange={(m) => set('month', m)}
              options={[-2, -1, 0, 1, 2].map((n) => addMonthsToMonth(dayjs().format('YYYY-MM'), n)).map((m) => ({ value: m, label: m }))}
            />
            <Segmented
              aria-label={S.viewLabel}
              value={mode}
              onChange={(v) => set('view', v)}
              options={[
                { value: 'month', label: S.view.month },
                { value: 'week', label: S.view.week },
              ]}
            />
            {mode === 'week' && (
              <Select
                aria-label={S.week}
                value={week}
                style={{ width: 130 }}
                onChange={(w) => set('week', w)}
                options={weeks.map((w) => ({ value: w, label: S.weekStarting(w.slice(5)) }))}
              />
            )}
          </>
        }
      />
      <ErrorAlert error={query.error ?? error} />
      {view && view.staff.length === 0 && (
        <EmptyState title={S.emptyTitle} hint={S.emptyHint} actions={[{ label: S.emptyAction, primary: true, onClick: () => void navigate('/staff/new') }]} />
      )}
      {view && view.staff.length > 0 && check && (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            {view.published ? (
              <Tag color="green">{S.published(view.published.by, view.published.at.slice(0, 16).replace('T', ' '))}</Tag>
            ) : (
              <Tag>{S.draft}</Tag>
            )}
            <Button onClick={() => setDialog('pattern')}>{S.pattern}</Button>
            <Button onClick={copyLastWeek}>{S.copyWeek}</Button>
            <Button onClick={() => void copyLastMonth()}>{S.copyMonth}</Button>
            <Button onClick={() => setDialog('suggest')}>{S.suggest}</Button>
            <Button onClick={() => setDialog('import')}>{S.import}</Button>
            <Button onClick={() => void download('rota.pdf')}>{S.pdf}</Button>
            <Button onClick={() => void download('rota.workbook')}>{S.xlsx}</Button>
            {!view.published && (
              <Button type="primary" onClick={() => setDialog('publish')}>
                {S.publish}
              </Button>
            )}
            <Button type="link" onClick={() => void navigate('/settings/shifts')}>
              {S.shiftTypes}
            </Button>
          </Flex>
          <Space wrap style={{ marginBottom: 8 }} role="group" aria-label={S.paletteLabel}>
            <Typography.Text type="secondary">{S.palette}：</Typography.Text>
            {view.shiftTypes.map((t) => (
              <Button
                key={t.id}
                size="small"
                aria-pressed={paint === t.id}
                type={paint === t.id ? 'primary' : 'default'}
                style={paint === t.id ? undefined : { background: t.color, color: '#000' }}
                onClick={() => setPaint(paint === t.id ? null : t.id)}
              >
                {t.name}({t.key})
              </Button>
            ))}
            <Button
              size="small"
              aria-pressed={paint === 'clear'}
              type={paint === 'clear' ? 'primary' : 'default'}
              onClick={() => setPaint(paint === 'clear' ? null : 'clear')}
            >
              {S.eraser}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {S.keysHint}
          </Typography.Paragraph>
          <Row gutter={16} wrap={false}>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <RotaGrid
                staff={view.staff}
                dates={dates}
                types={view.shiftTypes}
                cells={cells}
                issues={check.issues}
                coverage={check.coverage}
                focus={focus}
                onFocus={setFocus}
                onClickCell={onClickCell}
                onKey={onKey}
                onPaste={onPaste}
                wide={mode === 'week'}
              />
            </Col>
            <Col flex="300px">
              <IssueList
                title={`${S.issues}（${S.issuesCount(errors, warnings)}）`}
                issues={check.issues}
                onPick={(i) => {
                  const row = view.staff.findIndex((s) => s.id === i.staffId);
                  if (mode === 'week' && weekStart(i.date) !== week) set('week', weekStart(i.date));
                  const col = (mode === 'week' ? monthDates.filter((d) => weekStart(d) === weekStart(i.date)) : monthDates).indexOf(i.date);
                  if (row >= 0 && col >= 0) setFocus({ row, col });
                }}
              />
            </Col>
          </Row>
          <PatternDialog
            open={dialog === 'pattern'}
            staff={view.staff}
            types={view.shiftTypes}
            from={view.from}
            to={view.to}
            onCancel={() => setDialog(null)}
            onOk={(c) => {
              setDialog(null);
              edit(applyPattern(c.shifts, c.staffIds, c.start, c.end, c.stagger));
            }}
          />
          <PublishDialog
            open={dialog === 'publish'}
            month={month}
            onCancel={() => setDialog(null)}
            onOk={(by) => {
              setDialog(null);
              call('rota.publish', { month, by }).then(() => query.refetch(), setError);
            }}
          />
          {dialog === 'suggest' && (
            <SuggestDialog
              open
              month={month}
              from={view.today > view.from && view.today <= view.to ? view.today : view.from}
              to={view.to}
              onClose={() => setDialog(null)}
              onAccept={(c) => new Promise<void>((resolve) => (edit(c), resolve()))}
            />
          )}
          <ImportDialog
            open={dialog === 'import'}
            month={month}
            published={!!view.published}
            onClose={() => setDialog(null)}
            onDone={() => (setDialog(null), void query.refetch())}
          />
          <ReasonDialog
            open={!!reasonFor}
            count={reasonFor?.length ?? 0}
            onCancel={() => setReasonFor(null)}
            onOk={(reason) => {
              const edits = reasonFor ?? [];
              setReasonFor(null);
              apply(edits, reason).then(() => void message.success(S.saved), setError);
            }}
          />
        </>
      )}
    </>
  );
}
