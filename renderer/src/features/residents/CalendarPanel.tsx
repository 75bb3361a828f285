/**
 * 床日日历: a month of days as the claim sees them, Monday first. Colour says where the person was
 * (在院 / 住院 / 请假 / 居家服务期 / 不在服务期); each institutional day says 计费 or 不计费, and why,
 * in the claim's own words (hover or focus a day for the whole message). Admission, discharge and death
 * days say so (a discharge day is outside the stay, and would otherwise read like any day away). The month's counts are
 * given per care mode: a home client is in her 居家服务期, never 在院.
 */
import { Alert, DatePicker, Descriptions, Flex, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay, ResidentCalendar } from '../../../../shared/api/residents';
import { ISSUE_TITLES } from '../../../../shared/claims/issueCodes';
import { isoWeekday } from '../../../../shared/domain/dates';
import { formatYuan } from '../../../../shared/domain/money';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { C, DAY_NAMES } from './strings';

const COLORS = { present: '#d9f7be', hospital: '#ffd8bf', leave: '#fff1b8', home: '#d6e4ff', outside: '#fafafa' };

const colorOf = (d: CalendarDay) => (!d.status ? COLORS.outside : d.mode === 'home' && d.status === 'present' ? COLORS.home : COLORS[d.status]);
const labelOf = (d: CalendarDay) => (!d.status ? C.legend.outside : d.mode === 'home' && d.status === 'present' ? C.legend.home : DAY_NAMES[d.status]);

/** 入院 / 出院 / 死亡 (or the home-care words), with whether the day counts. */
const markOf = (d: CalendarDay) => (d.mark ? C.marks[d.mark.mode][d.mark.mark] : null);

function DayCell({ d }: { d: CalendarDay }) {
  const verdict = d.billable === null ? null : d.billable ? C.billable : C.notBillable;
  const reason = d.reason ? ISSUE_TITLES[d.reason.code] : null;
  const mark = markOf(d);
  const markText = d.mark && mark ? `${mark}（${C.markNote[d.mark.mark]}）` : null;
  const text = [`${d.date} ${markText ? `${markText}，` : ''}${labelOf(d)}`, d.level !== null ? C.level(d.level) : null, verdict, d.reason?.message]
    .filter(Boolean)
    .join('，');
  return (
    <Tooltip title={d.reason?.message}>
      <div
        tabIndex={0}
        role="listitem"
        aria-label={text}
        data-date={d.date}
        data-status={d.status ?? 'outside'}
        data-billable={d.billable === null ? '' : String(d.billable)}
        data-mark={d.mark?.mark ?? ''}
        style={{ background: colorOf(d), border: '1px solid #f0f0f0', borderRadius: 6, padding: 6, minHeight: 78 }}
      >
        <Flex justify="space-between">
          <strong>{Number(d.date.slice(8))}</strong>
          {d.level !== null && <Typography.Text type="secondary">{C.level(d.level)}</Typography.Text>}
        </Flex>
        {mark && (
          <Tag color={d.mark?.mark === 'admit' ? 'green' : 'volcano'} style={{ marginInlineEnd: 0 }}>
            {mark}
          </Tag>
        )}
        <div>{labelOf(d)}</div>
        {d.mark && d.mark.mark !== 'admit' && <div style={{ fontSize: 12, color: '#595959' }}>{C.markNote[d.mark.mark]}</div>}
        {verdict && (
          <div style={{ fontSize: 12, color: d.billable ? '#389e0d' : '#cf1322' }}>
            {verdict}
            {reason && `：${reason}`}
          </div>
        )}
      </div>
    </Tooltip>
  );
}

export function CalendarPanel({ residentId, month, onMonth }: { residentId: number; month: string; onMonth: (m: string) => void }) {
  const setMonth = onMonth;
  const cal = useApiQuery('residents.calendar', { id: residentId, month });
  const d = cal.data;
  const blanks = d ? isoWeekday(d.days[0]!.date) - 1 : 0;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="calendar-month">{C.month}</label>
        <DatePicker
          id="calendar-month"
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(m) => m && setMonth(m.format('YYYY-MM'))}
        />
        {(['present', 'hospital', 'leave', 'home', 'outside'] as const).map((k) => (
          <Tag key={k} color={COLORS[k]} style={{ color: '#000' }}>
            {C.legend[k]}
          </Tag>
        ))}
      </Space>
      <ErrorAlert error={cal.error} />
      {!d ? (
        <Skeleton active />
      ) : (
        <>
          {d.notes.map((n) => (
            <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 8 }} />
          ))}
          <div role="list" aria-label={C.calendarLabel(d.month)} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(90px, 1fr))', gap: 6 }}>
            {C.weekdays.map((w) => (
              <div key={w} aria-hidden style={{ textAlign: 'center', color: '#888' }}>
                {w}
              </div>
            ))}
            {Array.from({ length: blanks }, (_, i) => (
              <div key={`b${i}`} aria-hidden />
            ))}
            {d.days.map((day) => (
              <DayCell key={day.date} d={day} />
            ))}
          </div>
          <CalendarSummary cal={d} />
        </>
      )}
    </>
  );
}

/** The month's counts under the care mode they belong to: 在院 and 床日 for the home, 居家服务期 for home care. */
function CalendarSummary({ cal: d }: { cal: ResidentCalendar }) {
  const { institutional: inst, home } = d.counts;
  const homeDays = home.present + home.hospital + home.leave;
  const instDays = inst.present + inst.hospital + inst.leave;
  // A month with no stay at all still shows the bed-day counts (all 0): the usual case of a new record.
  const showInst = instDays > 0 || homeDays === 0;
  return (
    <Descriptions size="small" bordered column={4} style={{ marginTop: 16 }} data-testid="calendar-summary">
      {homeDays > 0 && (
        <>
          <Descriptions.Item label={C.homeCounts.period}>{C.days(homeDays)}</Descriptions.Item>
          <Descriptions.Item label={C.homeCounts.present}>{home.present}</Descriptions.Item>
          <Descriptions.Item label={C.homeCounts.hospital}>{home.hospital}</Descriptions.Item>
          <Descriptions.Item label={C.homeCounts.leave}>{home.leave}</Descriptions.Item>
        </>
      )}
      {showInst && (
        <>
          <Descriptions.Item label={C.counts.present}>{inst.present}</Descriptions.Item>
          <Descriptions.Item label={C.counts.hospital}>{inst.hospital}</Descriptions.Item>
          <Descriptions.Item label={C.counts.leave}>{inst.leave}</Descriptions.Item>
          <Descriptions.Item label={C.counts.billable}>{inst.billable}</Descriptions.Item>
        </>
      )}
      {d.line ? (
        <>
          <Descriptions.Item label={C.fee}>{C.yuan(formatYuan(d.line.feeFen))}</Descriptions.Item>
          <Descriptions.Item label={C.fund}>{C.yuan(formatYuan(d.line.fundFen))}</Descriptions.Item>
          <Descriptions.Item label={C.personal} span={2}>
            {C.yuan(formatYuan(d.line.personalFen))}
          </Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={C.fee} span={4}>
          {showInst ? C.noLine : C.homeNoLine}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
