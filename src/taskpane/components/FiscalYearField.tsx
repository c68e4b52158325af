import { Field, Select } from '@fluentui/react-components';
import type { FiscalYear } from '../../core/types';
import { FISCAL_YEARS } from '../../core/types';

/** Each convention as the list names it. */
const LABELS: Readonly<Record<FiscalYear, string>> = {
  uk: 'UK: April to March',
  us: 'US federal: October to September',
  au: 'Australian: July to June',
};

/** The body's financial year, for "FY2025" and "Q3 FY2025" (T6); without a choice it is told from the sheet. */
export function FiscalYearField({
  value,
  onChange,
}: {
  value: FiscalYear | undefined;
  onChange: (fiscal: FiscalYear | undefined) => void;
}) {
  return (
    <Field
      label="Financial year"
      hint='For dates written "FY2025" or "Q3 FY2025". Found from the sheet: UK, unless it writes its dates the US way.'
    >
      <Select value={value ?? ''} onChange={(_e, d) => onChange(FISCAL_YEARS.find((f) => f === d.value))}>
        <option value="">Found from the sheet</option>
        {FISCAL_YEARS.map((f) => (
          <option key={f} value={f}>
            {LABELS[f]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
