import { makeStyles } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: { overflowY: 'auto', position: 'relative', overscrollBehavior: 'contain' },
  list: { margin: 0, boxSizing: 'border-box' },
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

/** Each row's top offset (and the total height last), from measured heights where known, else the estimates. */
export function rowTops<T>(rows: readonly T[], height: (row: T) => number): number[] {
  const out = new Array<number>(rows.length + 1);
  let y = 0;
  rows.forEach((row, i) => {
    out[i] = y;
    y += height(row);
  });
  out[rows.length] = y;
  return out;
}

/** The row Arrow keys, Home or End move to from the row holding `target`, or null for any other key or past either end. */
function rowKeyTarget(key: string, target: HTMLElement, rows: number): number | null {
  const from = target.closest<HTMLElement>('[data-row]');
  if (!from) return null;
  const i = Number(from.dataset.row);
  const next = ({ ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows - 1 } as Record<string, number>)[key];
  return next === undefined || next < 0 || next >= rows ? null : next;
}

/** Re-renders when the element's width changes (the pane resized), so rows whose text rewraps are measured again. */
function useWidth(element: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** Heights of the rows drawn so far, by row identity; `measure` reads the drawn rows and says whether any changed. */
function useMeasuredHeights<T>(keyOf: (row: T) => unknown, estimate: (row: T) => number) {
  const heights = useRef(new Map<unknown, number>());
  const [version, setVersion] = useState(0);
  const heightOf = (row: T) => heights.current.get(keyOf(row)) ?? estimate(row);
  const measure = (list: HTMLElement | null, rows: readonly T[]) => {
    let changed = false;
    for (const el of list?.querySelectorAll<HTMLElement>(':scope > [data-row]') ?? []) {
      const row = rows[Number(el.dataset.row)];
      const h = el.getBoundingClientRect().height;
      // jsdom has no layout (every height 0): the estimates stand.
      if (row === undefined || h === 0 || Math.abs(heightOf(row) - h) < 0.5) continue;
      heights.current.set(keyOf(row), h);
      changed = true;
    }
    if (changed) setVersion((v) => v + 1);
  };
  return { heightOf, measure, version };
}

/** A row asked for before it was drawn: scrolled into view (and focused) once it is. */
type PendingRow = { index: number; focus: boolean } | null;

/**
 * After every render: notes the scroller's height, measures the drawn rows, and brings a pending row exactly into
 * view (and focuses it) once it is drawn.
 */
function useAfterDraw(
  scroller: React.RefObject<HTMLElement | null>,
  list: React.RefObject<HTMLElement | null>,
  pending: React.MutableRefObject<PendingRow>,
  measure: () => void,
  [viewport, setViewport]: [number, (h: number) => void],
): void {
  useLayoutEffect(() => {
    const h = scroller.current?.clientHeight;
    if (h && h !== viewport) setViewport(h);
    measure();
    const wanted = pending.current;
    const row = wanted ? list.current?.querySelector<HTMLElement>(`:scope > [data-row="${wanted.index}"]`) : null;
    if (!wanted || !row) return;
    pending.current = null;
    // Now that it is drawn, the browser puts it exactly in view (its estimated place may have been a little off).
    row.scrollIntoView?.({ block: 'nearest' });
    if (wanted.focus) row.querySelector<HTMLElement>('button, [tabindex]')?.focus({ preventScroll: true });
  });
}

/** Scrolls to the row `reveal` names each time its `nonce` changes (a row out of range is ignored). */
function useReveal(reveal: { index: number; nonce: number } | null | undefined, rows: number, scrollTo: (i: number) => void): void {
  const revealIndex = reveal?.index;
  const revealNonce = reveal?.nonce;
  useLayoutEffect(() => {
    if (revealIndex === undefined || revealIndex < 0 || revealIndex >= rows) return;
    scrollTo(revealIndex);
    // Only a new request scrolls; the list re-rendering for other reasons must not pull the user back.
  }, [revealNonce]);
}

/**
 * Where the list is scrolled, and the moves that bring row `i` into view: `revealRow` (for `reveal`) and
 * `moveToRow` (arrow keys: the row focused, scrolled to and drawn first when it is not yet in the page).
 */
function useRowScroll(
  scroller: React.RefObject<HTMLElement | null>,
  list: React.RefObject<HTMLElement | null>,
  tops: readonly number[],
  viewport: number,
) {
  const [scrollTop, setScrollTop] = useState(0);
  const pending = useRef<PendingRow>(null);
  /** Scrolls just enough for row `i` to be in view, by its known or estimated place. */
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
  const revealRow = (i: number) => {
    bringIntoView(i);
    pending.current = { index: i, focus: false };
  };
  /** Focuses row `i` when it is drawn (the browser scrolls it into view), else scrolls to it and focuses it once drawn. */
  const moveToRow = (i: number) => {
    const drawnRow = list.current?.querySelector<HTMLElement>(`:scope > [data-row="${i}"] button`);
    if (drawnRow) {
      drawnRow.focus(); // the browser scrolls it into view
      return;
    }
    bringIntoView(i);
    pending.current = { index: i, focus: true }; // drawn on the next render, focused then
  };
  return { scrollTop, setScrollTop, pending, moveToRow, revealRow };
}

/** The list items for rows [start, end), each with its place in the whole list for screen readers. */
function drawnRows<T>(rows: readonly T[], start: number, end: number, render: (row: T, index: number) => ReactNode): ReactNode[] {
  const drawn: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    drawn.push(
      <div key={i} role="listitem" aria-setsize={rows.length} aria-posinset={i + 1} data-row={i}>
        {render(rows[i] as T, i)}
      </div>,
    );
  }
  return drawn;
}

/**
 * A windowed list: only the rows in view (plus a margin) are in the page, so 10,000 rows cost what 20 do. Rows
 * are as tall as their text: each is estimated until drawn, then measured (again when the pane's width changes);
 * the rows drawn sit in the page's flow between two spacers, so the browser keeps what is in view steady as
 * heights settle. The list scrolls inside its own box of at most `maxHeight`. Arrow keys, Home and End move focus
 * between rows, scrolling as they go; `reveal` scrolls a row into view when its `nonce` changes.
 */
export function VirtualList<T>(props: {
  rows: readonly T[];
  /** A first guess at a row's height in pixels, used until the row is drawn and measured. */
  estimate: (row: T) => number;
  /** Identifies a row across renders, so its measured height follows it when groups open or close above it. */
  keyOf: (row: T) => unknown;
  render: (row: T, index: number) => ReactNode;
  label: string;
  maxHeight: string;
  reveal?: { index: number; nonce: number } | null;
}) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(ASSUMED_VIEWPORT);
  const width = useWidth(scroller);
  const { heightOf, measure, version } = useMeasuredHeights(props.keyOf, props.estimate);
  // `version` and `width` stand for the measured heights, which live in a ref.
  const tops = useMemo(() => rowTops(props.rows, heightOf), [props.rows, version, width]);
  const total = tops[props.rows.length] ?? 0;

  const { scrollTop, setScrollTop, pending, moveToRow, revealRow } = useRowScroll(scroller, list, tops, viewport);
  useAfterDraw(scroller, list, pending, () => measure(list.current, props.rows), [viewport, setViewport]);
  useReveal(props.reveal, props.rows.length, revealRow);

  const [start, end] = visibleRange(tops, scrollTop - OVERSCAN, scrollTop + viewport + OVERSCAN);
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ maxHeight: props.maxHeight }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => {
        const next = rowKeyTarget(e.key, e.target as HTMLElement, props.rows.length);
        if (next === null) return;
        e.preventDefault();
        moveToRow(next);
      }}
    >
      <div
        ref={list}
        role="list"
        aria-label={props.label}
        className={styles.list}
        style={{ paddingTop: tops[start] ?? 0, paddingBottom: Math.max(0, total - (tops[end] ?? total)) }}
      >
        {drawnRows(props.rows, start, end, props.render)}
      </div>
    </div>
  );
}
