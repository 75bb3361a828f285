/** Money typed in yuan with two decimals, kept in integer fen (DOMAIN.md section 5). */
import { InputNumber } from 'antd';

export interface YuanInputProps {
  value?: number | null;
  onChange?: (fen: number | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

export function YuanInput({ value, onChange, ...rest }: YuanInputProps) {
  return (
    <InputNumber<number>
      {...rest}
      min={0}
      max={1_000_000}
      precision={2}
      step={1}
      suffix="元"
      style={{ width: 180 }}
      value={value == null ? null : value / 100}
      onChange={(yuan) => onChange?.(yuan == null ? null : Math.round(yuan * 100))}
    />
  );
}
