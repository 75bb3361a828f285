/**
 * A date typed or picked as YYYY-MM-DD, held as that string (DOMAIN.md section 5: calendar dates are
 * strings, never instants). Typing works: type 2024-03-01 and press Enter or leave the field.
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export interface DateFieldProps {
  value?: string | null;
  onChange?: (date: string | null) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}

export function DateField({ value, onChange, placeholder = 'YYYY-MM-DD', allowClear = true, ...rest }: DateFieldProps) {
  return (
    // Enter confirms the typed date; it must not also submit the surrounding form (the picker has
    // already taken the key when this runs, so only the browser's implicit submission is cancelled).
    <span onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
      <DatePicker
        {...rest}
        format="YYYY-MM-DD"
        placeholder={placeholder}
        allowClear={allowClear}
        style={{ width: 180 }}
        value={value ? dayjs(value, 'YYYY-MM-DD') : null}
        onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      />
    </span>
  );
}
