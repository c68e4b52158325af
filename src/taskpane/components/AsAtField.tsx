import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatLong, fromIso } from '../../core/dates';
import type { WorkbookSettings } from '../../core/host';
import type { Analysis } from '../../core/types';
import { browserLocale, dateShape, formatLocaleDate, parseLocaleDate } from '../localeDate';

/** The as-at date typed in the user's locale (dd/mm/yyyy for en-GB), saved when it is a real date or emptied; Enter or leaving the field saves. */
export function AsAtField(props: { value: string | undefined; busy: boolean; hint: string; onAsAt: (asAt: string | null) => void }) {
  const locale = browserLocale();
  const { pattern } = dateShape(locale);
  const [text, setText] = useState(formatLocaleDate(props.value, locale));
  const [touched, setTouched] = useState(false);
  useEffect(() => setText(formatLocaleDate(props.value, locale)), [props.value, locale]);
  const iso = parseLocaleDate(text, locale);
  const invalid = touched && text.trim() !== '' && iso === null;
  const commit = () => {
    setTouched(true);
    if (text.trim() === '' && props.value) props.onAsAt(null);
    else if (iso && iso !== props.value) props.onAsAt(iso);
  };
  return (
    <Field
      label={`Position as at (${pattern})`}
      hint={invalid ? undefined : props.hint}
      validationState={invalid ? 'error' : 'none'}
      validationMessage={
        invalid ? `Type a date as ${pattern}, for example ${formatLocaleDate('2002-03-31', locale)}, or leave it empty.` : undefined
      }
    >
      <Input
        value={text}
        placeholder={pattern}
        inputMode="numeric"
        onChange={(_e, data) => setText(data.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

const SOURCE = { option: 'chosen by you', assumed: 'today, assumed (no date on the sheet)' } as const;
/** Where on the sheet the date was read. */
const PLACE = { title: 'from the sheet title', below: 'from a line below the table', beside: 'from a cell beside the table' } as const;

/** The as-at date the results use, in words, and where it came from ("31 March 2002, from the sheet title"). */
export function asAtWords(analysis: Analysis | null, settings: WorkbookSettings): string {
  const day = analysis ? fromIso(analysis.asAt) : null;
  if (!analysis || day === null) return 'Taken from the sheet title, or today';
  // The user's own date is credited to them even while the result on screen predates it.
  const source = settings.asAt ? 'option' : analysis.asAtSource;
  const words = source === 'sheet' ? PLACE[analysis.asAtPlace ?? 'title'] : SOURCE[source];
  return `${formatLong(day)}, ${words}`;
}
