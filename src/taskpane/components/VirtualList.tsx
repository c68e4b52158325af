import { makeStyles } from '@fluentui/react-components';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: { overflowY: 'auto', position: 'relative', overscrollBehavior: 'contain' },
  sizer: { position: 'relative', margin: 0, padding: 0 },
  row: { position: 'absolute', left: 0, right: 0, boxSizing: 'border-box' },
});

/** Height assumed before the browser has measured the scroller (and in jsdom, which has no layout). */
const ASSUMED_VIEWPORT = 480;
/** Pixels drawn beyond each edge, so Tab and the arrow keys always find the next row already in the page. */
const OVERSCAN = 240;

/** The first index whose row ends below `y` (binary search over the rows' top offsets). */
export function firstRowAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 2; // tops has one more entry than rows: the total height
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** The rows [start, end) that meet the band [top, bottom]. */
export function visibleRange(tops: readonly number[], top: number, bottom: number): [number, number] {
  const rows = tops.length - 1;
  if (rows <= 0) return [0, 0];
  const start = firstRowAt(tops, Math.max(0, top));
  let end = start;
  while (end < rows && (tops[end] ?? 0) < bottom) end++;
  return [start, Math.max(end, Math.min(rows, start + 1))];
}

/**
 * A windowed list: only the rows in view (plus a margin) are in the page, so 10,000 rows cost what 20 do.
 * Rows have known heights; the list scrolls inside its own box of at most `maxHeight`. Arrow keys, Home and
 * End move focus between rows, scrolling as they go; `reveal` scrolls a row into view when its `nonce` changes.
 */
export function VirtualList<T>(props: {
  rows: readonly T[];
  heightOf: (row: T) => number;
  render: (row: T, index: number) => ReactNode;
  label: string;
  maxHeight: string;
  reveal?: { index: number; nonce: number } | null;
}) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(ASSUMED_VIEWPORT);
  const pendingFocus = useRef<number | null>(null);
  const tops = useMemo(() => {
    const out = new Array<number>(props.rows.length + 1);
    let y = 0;
    props.rows.forEach((row, i) => {
      out[i] = y;
      y += props.heightOf(row);
    });
    out[props.rows.length] = y;
    return out;
  }, [props.rows, props.heightOf]);
  const total = tops[props.rows.length] ?? 0;

  /** Scrolls just enough for row `i` to be in view. */
  const bringIntoView = (i: number) => {
    const el = scroller.current;
    const top = tops[i] ?? 0;
    const bottom = tops[i + 1] ?? top;
    const height = el?.clientHeight || viewport;
    let next = scrollTop;
    if (top < next) next = top;
    else if (bottom > next + height) next = bottom - height;
    if (el) el.scrollTop = next;
    setScrollTop(next);
  };

  useLayoutEffect(() => {
    const h = scroller.current?.clientHeight;
    if (h && h !== viewport) setViewport(h);
    if (pendingFocus.current !== null) {
      const row = scroller.current?.querySelector<HTMLElement>(`[data-row="${pendingFocus.current}"]`);
      const target = row?.querySelector<HTMLElement>('button, [tabindex]') ?? null;
      if (target) {
        target.focus({ preventScroll: true });
        pendingFocus.current = null;
      }
    }
  });

  const revealIndex = props.reveal?.index;
  const revealNonce = props.reveal?.nonce;
  useLayoutEffect(() => {
    if (revealIndex !== undefined && revealIndex >= 0 && revealIndex < props.rows.length) bringIntoView(revealIndex);
    // Only a new request scrolls; the list re-rendering for other reasons must not pull the user back.
  }, [revealNonce]);

  const keys: Record<string, (i: number) => number> = {
    ArrowDown: (i) => i + 1,
    ArrowUp: (i) => i - 1,
    Home: () => 0,
    End: () => props.rows.length - 1,
  };
  const [start, end] = visibleRange(tops, scrollTop - OVERSCAN, scrollTop + viewport + OVERSCAN);
  const drawn: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const row = props.rows[i] as T;
    drawn.push(
      <div
        key={i}
        role="listitem"
        aria-setsize={props.rows.length}
        aria-posinset={i + 1}
        data-row={i}
        className={styles.row}
        style={{ top: tops[i], height: props.heightOf(row) }}
      >
        {props.render(row, i)}
      </div>,
    );
  }
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ maxHeight: props.maxHeight }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => {
        const to = keys[e.key];
        const from = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
        if (!to || !from) return;
        const next = to(Number(from.dataset.row));
        if (next < 0 || next >= props.rows.length) return;
        e.preventDefault();
        bringIntoView(next);
        const drawnRow = scroller.current?.querySelector<HTMLElement>(`[data-row="${next}"] button`);
        if (drawnRow) drawnRow.focus({ preventScroll: true });
        else pendingFocus.current = next; // drawn on the next render, focused then
      }}
    >
      <div role="list" aria-label={props.label} className={styles.sizer} style={{ height: total }}>
        {drawn}
      </div>
    </div>
  );
}
