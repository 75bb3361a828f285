/**
 * Date fields that take a date as people type it (issue 14: 2026/09/15, 20260915 and 2026-9-15 were
 * cleared without a word). The picker itself parses only the canonical form (a looser format would
 * match 2026-9-1 halfway through 2026-9-15 and rewrite the text under the cursor); what was typed is
 * read on Enter and on leaving the field (shared/fields/date.ts: as the imports read them, full-width digits too) and becomes the value, shown
 * as YYYY-MM-DD. Text that is no date is kept visible with a message, never dropped silently.
 * `DateInput` holds a YYYY-MM-DD string (docs/rules.md §5: calendar dates are strings, never instants);
 * `DateTimeInput` holds a local dayjs time, as the visit form does.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import { readDate as normalizeDateText, readDateTime as normalizeDateTimeText } from '../../../shared/fields/date';
import { S } from './strings';

const DATE = 'YYYY-MM-DD';
/**
 * For range pickers (filters), which cannot take the typed-text route: forms of one fixed width
 * only, so none matches a date halfway through being typed. The first is how dates are shown.
 */
export const RANGE_FORMATS = [DATE, 'YYYY/MM/DD', 'YYYYMMDD', 'YYYY.MM.DD'];
const DATE_TIME = 'YYYY-MM-DD HH:mm';

interface Common {
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * Puts `text` in the picker's input as if typed, so the picker reads it as its own (it then shows it
 * and keeps it; text it cannot read it would leave as typed, or drop).
 */
function retype(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Reads the typed text on Enter and blur; remembers text that is no date so it can be said. */
function useTyped(read: (text: string) => string | null, shown: (value: string) => string, commit: (value: string) => void, current: string | null) {
  const [bad, setBad] = useState<string | null>(null);
  const take = (input: HTMLInputElement): void => {
    const text = input.value;
    if (!text.trim()) return setBad(null);
    const value = read(text);
    if (!value) return setBad(text.trim());
    setBad(null);
    if (text !== shown(value)) retype(input, shown(value));
    if (value !== current) commit(value);
  };
  const fromEvent = (e: FocusEvent | KeyboardEvent): void => {
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement) take(target);
  };
  const handlers = {
    // capture: before the picker handles the key or the blur (and resets text it cannot read)
    onBlurCapture: fromEvent,
    onKeyDownCapture: (e: KeyboardEvent) => e.key === 'Enter' && fromEvent(e),
    // Enter confirms the typed date; it must not also submit the surrounding form.
    onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && e.preventDefault(),
  };
  return { bad, clearBad: () => setBad(null), handlers };
}

function Unread({ text, example }: { text: string; example: string }) {
  return (
    <div role="alert" className="ant-form-item-explain-error" style={{ fontSize: 12 }}>
      {S.badDate(text, example)}
    </div>
  );
}

export interface DateInputProps extends Common {
  value?: string | null;
  onChange?: (date: string | null) => void;
}

export function DateInput({ value, onChange, placeholder = DATE, allowClear = true, style, ...rest }: DateInputProps) {
  const typed = useTyped(
    normalizeDateText,
    (d) => d,
    (d) => onChange?.(d),
    value ?? null,
  );
  return (
    <span {...typed.handlers} style={{ display: 'inline-block' }}>
      <DatePicker
        {...rest}
        format={DATE}
        placeholder={placeholder}
        allowClear={allowClear}
        status={typed.bad ? 'error' : undefined}
        style={{ width: 180, ...style }}
        value={value ? dayjs(value, DATE) : null}
        onChange={(d) => {
          typed.clearBad();
          onChange?.(d ? d.format(DATE) : null);
        }}
      />
      {typed.bad && <Unread text={typed.bad} example="2026-09-15" />}
    </span>
  );
}

export interface DateTimeInputProps extends Common {
  value?: Dayjs | null;
  onChange?: (time: Dayjs | null) => void;
}

export function DateTimeInput({ value, onChange, placeholder = DATE_TIME, allowClear = true, style, ...rest }: DateTimeInputProps) {
  const current = value ? value.format('YYYY-MM-DDTHH:mm') : null;
  const typed = useTyped(
    normalizeDateTimeText,
    (t) => t.replace('T', ' '),
    (t) => onChange?.(dayjs(t)),
    current,
  );
  return (
    <span {...typed.handlers} style={{ display: 'inline-block' }}>
      <DatePicker
        {...rest}
        showTime={{ format: 'HH:mm' }}
        format={DATE_TIME}
        needConfirm={false}
        placeholder={placeholder}
        allowClear={allowClear}
        status={typed.bad ? 'error' : undefined}
        style={{ width: 200, ...style }}
        value={value ?? null}
        onChange={(d) => {
          typed.clearBad();
          onChange?.(d ?? null);
        }}
      />
      {typed.bad && <Unread text={typed.bad} example="2026-09-15 09:00" />}
    </span>
  );
}
