/**
 * A windowed list: only the rows in (and near) the viewport are in the DOM, so a text of
 * thousands of paragraphs opens and scrolls without freezing. Rows have varying heights: each
 * starts from an estimate and is measured once rendered; when a row above the viewport changes
 * height, the scroll position is corrected so what you read does not jump.
 */
import {
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/** What the parent can ask of the list. */
export interface VirtualListHandle {
  /** Scrolls row `index` to the top. */
  scrollToIndex(index: number): void;
}

/** Props of `VirtualList`. */
export interface VirtualListProps {
  readonly count: number;
  /** A row's key (stable across filtering). */
  readonly keyOf: (index: number) => string;
  /** A first guess of a row's height in pixels. */
  readonly estimate: (index: number) => number;
  readonly render: (index: number) => ReactNode;
  /** Pixels rendered beyond each edge of the viewport. */
  readonly overscan?: number;
  readonly label: string;
  readonly className?: string;
  readonly handle?: Ref<VirtualListHandle>;
  /** Called with the first row in view (for presence). */
  readonly onTopRow?: (index: number) => void;
}

const lowerBound = (offsets: Float64Array, y: number): number => {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

/** The windowed list (a focusable scroll region). */
export const VirtualList = ({
  count,
  keyOf,
  estimate,
  render,
  overscan = 800,
  label,
  className,
  handle,
  onTopRow,
}: VirtualListProps) => {
  const scroller = useRef<HTMLElement>(null);
  const heights = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const pending = useRef(0);

  const offsets = useMemo(() => {
    void version;
    const o = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) o[i + 1] = (o[i] ?? 0) + (heights.current.get(keyOf(i)) ?? estimate(i));
    return o;
  }, [count, keyOf, estimate, version]);

  const total = offsets[count] ?? 0;
  const first = Math.max(0, lowerBound(offsets, scrollTop - overscan));
  let last = first;
  while (last < count && (offsets[last] ?? 0) < scrollTop + viewport + overscan) last++;

  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex: (index: number) => {
        const el = scroller.current;
        if (el) el.scrollTop = offsets[Math.max(0, Math.min(index, count))] ?? 0;
      },
    }),
    [offsets, count],
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight));
    ro.observe(el);
    setViewport(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    onTopRow?.(lowerBound(offsets, scrollTop));
  }, [offsets, scrollTop, onTopRow]);

  // Measures a rendered row; a change above the viewport shifts scrollTop by the difference.
  const measure = useCallback(
    (key: string, index: number, el: HTMLElement | null) => {
      if (!el) return;
      const h = el.offsetHeight;
      const old = heights.current.get(key) ?? estimate(index);
      if (Math.abs(h - old) < 1) {
        heights.current.set(key, h);
        return;
      }
      heights.current.set(key, h);
      const s = scroller.current;
      if (s && (offsets[index] ?? 0) + old <= s.scrollTop) s.scrollTop += h - old;
      if (!pending.current)
        pending.current = requestAnimationFrame(() => {
          pending.current = 0;
          setVersion((v) => v + 1);
        });
    },
    [estimate, offsets],
  );

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const key = keyOf(i);
    rows.push(
      <div
        key={key}
        className="vrow"
        style={{ transform: `translateY(${offsets[i] ?? 0}px)` }}
        ref={(el) => measure(key, i, el)}
      >
        {render(i)}
      </div>,
    );
  }

  return (
    <section
      ref={scroller}
      className={`vlist ${className ?? ''}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll region must be focusable to scroll by keyboard.
      tabIndex={0}
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="vlist-inner" style={{ height: total }}>
        {rows}
      </div>
    </section>
  );
};
