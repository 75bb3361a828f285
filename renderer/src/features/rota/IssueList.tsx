/** The checks' side list: errors first, each naming its rule and numbers; a click moves to its cell. */
import { Typography } from 'antd';
import type { RotaIssue } from '../../../../shared/rota/types';
import { SectionTitle } from '../../ui/headings';
import { S } from './strings';

export function IssueList({ title, issues, onPick }: { title: string; issues: readonly RotaIssue[]; onPick: (i: RotaIssue) => void }) {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) : a.severity === 'error' ? -1 : 1));
  return (
    <section aria-label={S.issues}>
      <SectionTitle>{title}</SectionTitle>
      {sorted.length === 0 ? (
        <Typography.Text type="success">{S.issuesNone}</Typography.Text>
      ) : (
        <ul className="rota-issues" data-testid="rota-issues">
          {sorted.slice(0, 300).map((i, n) => (
            <li key={n} className={i.severity}>
              <button type="button" onClick={() => onPick(i)}>
                {i.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
