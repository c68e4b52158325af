import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { chaseList } from '../../core/figures/chaseList';
import type { Analysis, Finding } from '../../core/types';
import { count, plural } from '../headline';

const useStyles = makeStyles({
  nav: { margin: 0, display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalL}` },
  link: { '@media (forced-colors: active)': { color: 'LinkText' } },
});

/** The ids of the sections the links go to (their headings, which take focus). */
export const CHASE_HEADING = 'chase-heading';
export const FINDINGS_HEADING = 'findings-heading';

/** Moves focus to a heading further down the pane and scrolls it into view, as an in-page link should. */
function jump(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  target.focus({ preventScroll: true });
  target.scrollIntoView?.({ block: 'start' });
}

/** Links from the headline to the chase list and the findings, so both are one step from the first screen. */
export function JumpLinks({ analysis, notes }: { analysis: Analysis; notes: readonly Finding[] }) {
  const styles = useStyles();
  const leads = useMemo(() => chaseList(analysis), [analysis]);
  const items = leads.reduce((n, l) => n + l.items.length, 0);
  const findings = analysis.findings.length + notes.length;
  const to = (id: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    jump(id);
  };
  if (items === 0 && findings === 0) return null;
  return (
    <nav aria-label="On this page" className={styles.nav}>
      {items > 0 ? (
        <Link href={`#${CHASE_HEADING}`} className={styles.link} onClick={to(CHASE_HEADING)}>
          Chase list: {plural(items, 'item')}
        </Link>
      ) : null}
      {findings > 0 ? (
        <Link href={`#${FINDINGS_HEADING}`} className={styles.link} onClick={to(FINDINGS_HEADING)}>
          Findings: {count(findings)}
        </Link>
      ) : null}
    </nav>
  );
}
