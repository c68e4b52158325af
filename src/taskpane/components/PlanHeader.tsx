import {
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookSettings } from '../../core/host';
import type { Analysis } from '../../core/types';
import { formatLong, fromIso } from '../../core/dates';
import { count } from '../headline';
import { browserLocale, dateShape, formatLocaleDate, parseLocaleDate } from '../localeDate';
import { helpUrl } from '../help';
import type { Action } from '../paneState';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  top: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  where: { margin: 0 },
  // High contrast: the system's link colour, not the theme's yellow (which is meant for a black page).
  help: { '@media (forced-colors: active)': { color: 'LinkText' } },
});

/** What Refresh will do, said beside it: it re-reads, and rewrites what the pane wrote. */
const REFRESH_WORDS: Readonly<Record<Action, string>> = {
  runAll: 'Refresh reads the sheet again and updates the formats, status column and summary sheet.',
  format: 'Refresh reads the sheet again and updates the formats and status column.',
  summary: 'Refresh reads the sheet again and updates the summary sheet.',
  check: 'Refresh reads the sheet again; it writes nothing.',
};

const SOURCE = { option: 'chosen by you', sheet: 'from the sheet title', assumed: 'today, assumed (no date in the sheet title)' } as const;

/** The as-at date typed in the user's locale (dd/mm/yyyy for en-GB), saved when it is a real date or emptied; Enter or leaving the field saves. */
function AsAtField(props: { value: string | undefined; busy: boolean; hint: string; onAsAt: (asAt: string | null) => void }) {
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

/** Where the plan is (sheet, table, count), the as-at date and where it came from, and a stale warning. */
export function PlanHeader(props: {
  analysis: Analysis | null;
  settings: WorkbookSettings;
  stale: boolean;
  busy: boolean;
  /** What Refresh does (refreshAction): a check, or the write done before. */
  refresh?: Action;
  onAsAt: (asAt: string | null) => void;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const { analysis } = props;
  const table = analysis?.table;
  const asAtDay = analysis ? fromIso(analysis.asAt) : null;
  // The user's own date is credited to them even while the result on screen predates it.
  const source = props.settings.asAt ? 'option' : (analysis?.asAtSource ?? 'assumed');
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <h1 className={styles.title}>Action plan check</h1>
        <Link className={styles.help} href={helpUrl()} target="_blank" rel="noopener">
          Help
        </Link>
      </div>
      {analysis ? (
        <p className={styles.where}>
          {table
            ? `${analysis.sheet}, ${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}, ${count(analysis.stats.total)} recommendation${analysis.stats.total === 1 ? '' : 's'}`
            : `${analysis.sheet}: no action-plan table found`}
        </p>
      ) : (
        <p className={styles.where}>Open the sheet with your action plan, then check it.</p>
      )}
      <AsAtField
        value={props.settings.asAt}
        busy={props.busy}
        hint={analysis && asAtDay !== null ? `${formatLong(asAtDay)}, ${SOURCE[source]}` : 'Taken from the sheet title, or today'}
        onAsAt={props.onAsAt}
      />
      {props.stale ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Out of date.</MessageBarTitle> The sheet has changed since these results.{' '}
            {REFRESH_WORDS[props.refresh ?? 'check']}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onRefresh} disabled={props.busy}>
              Refresh
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </header>
  );
}
