/**
 * Whether a resident's stay events make a possible history (docs/rules.md §6). Used on a file
 * before import, on the merged timeline during import, and by the screens that edit a timeline. Claim-side judgements (eligibility, day
 * counting) are not made here: only orders of events that no real stay can have.
 */
import { STAY_EVENT_NAMES as EVENT_NAMES } from './glossary';
import type { StayEvent } from './model';

export interface TimelineProblem {
  /** index of the event in the list given */
  index: number;
  /** the field at fault, when it is one field */
  field?: 'mode';
  message: string;
}

type State = { kind: 'none' } | { kind: 'present' | 'hospital' | 'leave'; since: string } | { kind: 'dead'; since: string };

/**
 * Walks the events in date order, keeping list order for the same date (so `admit` then `hospital`
 * on one day works as written). Every problem is reported; a refused event does not change the state,
 * so one mistake does not cascade into many.
 */
export function stayTimelineProblems(events: readonly StayEvent[]): TimelineProblem[] {
  const order = events.map((e, index) => ({ e, index })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.index - b.index));
  const problems: TimelineProblem[] = [];
  let state: State = { kind: 'none' };
  let admittedOn = '';
  const refuse = (index: number, message: string): void => {
    problems.push({ index, message });
  };

  for (const { e, index } of order) {
    const name = `${EVENT_NAMES[e.type]}（${e.date}）`;
    if (state.kind === 'dead') {
      refuse(index, `${state.since} 已登记死亡，其后不能再有${name}，请核对日期或删除此事件`);
      continue;
    }
    switch (e.type) {
      case 'admit':
        if (state.kind !== 'none') {
          refuse(index, `${name}时上一次入住（${admittedOn}）尚未出院，请先登记出院，或删除重复的入住`);
          break;
        }
        if (!e.mode) {
          problems.push({ index, field: 'mode', message: '入住事件缺少服务方式 mode，请填写 institutional（机构护理）或 home（居家护理）' });
        }
        state = { kind: 'present', since: e.date };
        admittedOn = e.date;
        break;
      case 'hospital':
      case 'leave':
        if (state.kind === 'none') refuse(index, `${name}时没有在住的入住记录，请先登记入住，或核对日期`);
        else if (state.kind !== 'present') {
          refuse(index, `${name}时上一次${EVENT_NAMES[state.kind]}（${state.since}）尚未返院，请先登记返院`);
        } else state = { kind: e.type, since: e.date };
        break;
      case 'return':
        if (state.kind === 'hospital' || state.kind === 'leave') state = { kind: 'present', since: e.date };
        else refuse(index, `${name}之前没有未结束的住院或请假，请补登住院/请假，或删除此返院`);
        break;
      case 'discharge':
        if (state.kind === 'none') refuse(index, `${name}之前没有未结束的入住，请补登入住，或删除此出院`);
        else state = { kind: 'none' };
        break;
      case 'death':
        state = { kind: 'dead', since: e.date };
        break;
    }
  }
  return problems;
}
