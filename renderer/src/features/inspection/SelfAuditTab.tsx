/**
 * 自查: each fraud-pattern rule with what it looks for, its hits (each linked to its records) and what
 * was done about them. A hit marked 已核实（正常） with a note stays listed as handled; 只看未核实 shows
 * only what is new since. Rules whose data the product lacks say so (暂无数据) and why.
 */
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Skeleton, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { HitView, RuleView } from '../../../../shared/api/inspection';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { offerDownload } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ItemLinks } from './ItemLinks';
import { S } from './strings';
import { HomePointDialog, type HomeTarget } from './HomePointDialog';
import { VerifyDialog } from './VerifyDialog';

const A = S.audit;

function Handling({ hit, onVerify }: { hit: HitView; onVerify: (h: HitView) => void }) {
  const { message } = App.useApp();
  const unmark = useApiMutation('inspection.unmarkHit');
  if (!hit.mark) {
    return (
      <Button size="small" onClick={() => onVerify(hit)}>
        {A.verify}
      </Button>
    );
  }
  return (
    <Flex vertical gap={2}>
      <Tag color="green" style={{ width: 'fit-content' }}>
        {A.verified}
      </Tag>
      <span>{hit.mark.note}</span>
      <Typography.Text type="secondary">
        {hit.mark.by} · {hit.mark.at.slice(0, 16).replace('T', ' ')}
      </Typography.Text>
      <Popconfirm
        title={A.unverifyConfirm}
        okText={A.unverify}
        cancelText={S.cancel}
        onConfirm={() => unmark.mutate({ key: hit.key }, { onSuccess: () => void message.success(A.undone) })}
      >
        <Button size="small" type="link" style={{ padding: 0, width: 'fit-content' }}>
          {A.unverify}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

/** The check-in rules judge by the client's home point: their hits offer to set it. */
const HOME_RULES = new Set(['CHECKIN_FAR', 'NO_CHECKIN']);

function RuleCard({
  rule,
  onlyNew,
  search,
  links,
  onVerify,
  onHome,
}: {
  rule: RuleView;
  onlyNew: boolean;
  search: string;
  links: { residents: Record<string, number>; staff: Record<string, number> };
  onVerify: (h: HitView) => void;
  onHome: (t: HomeTarget) => void;
}) {
  const homeOf = (h: HitView): HomeTarget | null => {
    const id = HOME_RULES.has(h.rule) && h.resident ? links.residents[h.resident] : undefined;
    return id === undefined ? null : { residentId: id, name: h.resident ?? '', reason: h.reason };
  };
  const hits = rule.hits.filter((h) => !(onlyNew && h.mark) && (search === '' || h.reason.includes(search) || h.date.includes(search)));
  const hiddenVerified = onlyNew ? rule.hits.filter((h) => h.mark).length : 0;
  const tag = !rule.available ? (
    <Tag>{A.noData}</Tag>
  ) : rule.hits.length === 0 ? (
    <Tag color="green">{A.none}</Tag>
  ) : (
    <Tag color={rule.newHits > 0 ? 'orange' : 'green'}>{A.ruleTag(rule.hits.length, rule.newHits)}</Tag>
  );
  return (
    <Card
      size="small"
      data-testid={`rule-${rule.rule}`}
      title={
        <Flex gap={8} align="center">
          {rule.title}
          {tag}
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {rule.description}
      </Typography.Paragraph>
      {!rule.available && <Alert type="info" showIcon title={`${A.noData}：${rule.why ?? ''}`} />}
      {rule.notes.map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ marginBottom: 4 }}>
          {n}
        </Typography.Paragraph>
      ))}
      {hiddenVerified > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {A.hiddenVerified(hiddenVerified)}
        </Typography.Paragraph>
      )}
      {hits.length > 0 && (
        <Table<HitView>
          rowKey="key"
          size="small"
          aria-label={A.hitsOf(rule.title)}
          pagination={hits.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={hits}
          columns={[
            { title: A.col.date, dataIndex: 'date', width: 110 },
            { title: A.col.reason, dataIndex: 'reason' },
            {
              title: A.col.records,
              width: 220,
              render: (_: unknown, h) => <ItemLinks item={{ text: h.reason, resident: h.resident, staff: h.staff, visits: h.visits }} links={links} />,
            },
            {
              title: A.col.handling,
              width: 240,
              render: (_: unknown, h) => {
                const home = homeOf(h);
                return (
                  <Flex vertical gap={4} align="start">
                    <Handling hit={h} onVerify={onVerify} />
                    {home && rule.rule === 'CHECKIN_FAR' && (
                      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onHome(home)}>
                        {A.setHome}
                      </Button>
                    )}
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
    </Card>
  );
}

export function SelfAuditTab({ from, to }: { from: string; to: string }) {
  const { message } = App.useApp();
  const audit = useApiQuery('inspection.selfAudit', { from, to });
  // The next run shows what is new: hits marked 已核实（正常） are hidden until asked for.
  const [onlyNew, setOnlyNew] = useState(true);
  const [search, setSearch] = useState('');
  const [ruleFilter, setRuleFilter] = useState<string>('all');
  const [verifying, setVerifying] = useState<HitView | null>(null);
  const [homeOf, setHomeOf] = useState<HomeTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const v = audit.data;
  const exportXlsx = async () => {
    setExporting(true);
    setExportError(null);
    try {
      offerDownload(await call('inspection.selfAuditWorkbook', { from, to }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }} role="search" aria-label={A.filters}>
        <Input.Search
          aria-label={A.search}
          placeholder={A.searchHint}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value.trim())}
          style={{ width: 260 }}
        />
        <Select
          aria-label={A.ruleFilter}
          value={ruleFilter}
          onChange={setRuleFilter}
          style={{ width: 220 }}
          options={[
            { value: 'all', label: A.allRules },
            { value: 'found', label: A.foundRules },
            ...(v?.rules ?? []).map((r) => ({ value: r.rule, label: r.title })),
          ]}
        />
        <Flex gap={6} align="center">
          <Switch checked={onlyNew} onChange={setOnlyNew} aria-label={A.onlyNew} id="only-new" />
          <label htmlFor="only-new">{A.onlyNew}</label>
        </Flex>
        <Button onClick={() => void audit.refetch()} loading={audit.isFetching}>
          {A.run}
        </Button>
        <Button onClick={() => void exportXlsx()} loading={exporting} disabled={!v}>
          {A.export}
        </Button>
      </Flex>
      {v && <Typography.Paragraph data-testid="audit-totals">{A.totals(v.totals.hits, v.totals.newHits, v.totals.verified)}</Typography.Paragraph>}
      <ErrorAlert error={audit.error ?? exportError} />
      {!v ? (
        audit.isError ? null : (
          <Skeleton active />
        )
      ) : (
        <>
          {v.totals.hits === 0 && <EmptyState testId="audit-empty" title={A.allClear} hint={A.allClearHint} />}
          {v.rules
            .filter((r) => ruleFilter === 'all' || (ruleFilter === 'found' ? r.hits.length > 0 : r.rule === ruleFilter))
            .map((r) => (
              <RuleCard key={r.rule} rule={r} onlyNew={onlyNew} search={search} links={v.links} onVerify={setVerifying} onHome={setHomeOf} />
            ))}
        </>
      )}
      <HomePointDialog
        target={homeOf}
        onClose={() => setHomeOf(null)}
        onSaved={(cleared) => {
          setHomeOf(null);
          void message.success(cleared ? A.home.cleared : A.home.saved);
        }}
      />
      <VerifyDialog
        hit={verifying}
        onClose={() => setVerifying(null)}
        onSaved={() => {
          setVerifying(null);
          void message.success(A.saved);
        }}
      />
    </>
  );
}
