/**
 * Money typed in yuan (at most two decimals), kept in integer fen (docs/rules.md §5). What is typed
 * that is not an amount (a negative, a word, a third decimal) stays as typed, as text in the form, so
 * yuanRule says what is wrong: the number box this replaces clamped "-50" to 0.00 on blur and the
 * price list was saved at ¥0.00 without a word.
 */
import { Input } from 'antd';
import { useState } from 'react';
import { readYuan } from '../../../shared/fields/money';
import { MAX_FEN } from './yuanRules';
import { S } from './strings';

/** fen once it is an amount, the text as typed until then, null when empty */
export type YuanValue = number | string | null;

export interface YuanInputProps {
  value?: YuanValue | undefined;
  onChange?: (value: YuanValue) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

const shown = (v: YuanValue | undefined): string => (typeof v === 'number' ? (v / 100).toFixed(2) : (v ?? ''));

function valueOf(text: string): YuanValue {
  if (text.trim() === '') return null;
  // read as every import reads an amount (full-width digits, 1,234.50, 120元); the form rule says why not
  const read = readYuan(text, '');
  return read.ok && read.value !== null && read.value >= 0 && read.value <= MAX_FEN ? read.value : text;
}

export function YuanInput({ value, onChange, ...rest }: YuanInputProps) {
  const [text, setText] = useState(() => shown(value));
  // The form may set the value itself (loading the saved prices, a reset): then the text follows it.
  const [held, setHeld] = useState<YuanValue | undefined>(value);
  if (value !== held) {
    setHeld(value);
    setText(shown(value));
  }
  return (
    <Input
      {...rest}
      inputMode="decimal"
      suffix={S.yuan}
      style={{ width: 180 }}
      value={text}
      onChange={(e) => {
        const v = valueOf(e.target.value);
        setText(e.target.value);
        setHeld(v);
        onChange?.(v);
      }}
      // 60 → 60.00 once typed: the amount as it will be saved
      onBlur={() => typeof held === 'number' && setText(shown(held))}
    />
  );
}
