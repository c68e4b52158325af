import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
  },
  body: { flexGrow: 1, flexBasis: '12em', margin: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  // The left edge is thicker, as Fluent's message bars are; forced colours keep the border, in the system's colour.
  info: { backgroundColor: tokens.colorNeutralBackground3, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  edge: { borderLeftWidth: tokens.strokeWidthThicker },
});

/**
 * A message in a coloured box: its title in bold, then its words, then any buttons. Hand-made rather than Fluent's
 * MessageBar, which with its motion added about 6 KB gzip to the pane's first load for these four boxes; the colour
 * is never the only signal (the title says what kind of message it is).
 */
export function Notice(props: {
  intent: 'info' | 'warning' | 'error';
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** `alert` for an error the user must hear now, `status` for one said politely; none for a box that is just there. */
  role?: 'alert' | 'status';
}) {
  const styles = useStyles();
  return (
    <div role={props.role} className={mergeClasses(styles.root, styles[props.intent], styles.edge)}>
      <p className={styles.body}>
        <span className={styles.title}>{props.title}</span> {props.children}
      </p>
      {props.actions}
    </div>
  );
}
