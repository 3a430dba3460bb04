/**
 * Bracketed negotiating text made legible: the text is shown exactly as written (brackets are
 * characters of it, so copying and screen readers keep them), with the brackets in bold, each
 * bracketed passage tinted by its depth (`[the [ultimate] objective]` reads as two levels),
 * option names (`Option 1:`) in bold and placeholders (`{Placeholder}`) boxed. A bracket may open
 * in one paragraph and close in a later one: `carriedDepths` gives each text the depth carried
 * into it from the blocks before.
 */
import { analyseBrackets } from '@bis/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** A run of a text to render: plain words at a depth, a bracket, an option name or a placeholder. */
export interface BracketRun {
  readonly start: number;
  readonly end: number;
  readonly kind: 'text' | 'bracket' | 'option' | 'placeholder';
  /** How many brackets enclose the run (a bracket counts itself). */
  readonly depth: number;
  /** For a bracket: true for a `]` with nothing open (counting brackets carried in). */
  readonly unmatched?: boolean;
}

/**
 * The runs of `text` with `carried` brackets open from the blocks before. Runs cover the text
 * exactly, in order; an empty text has none.
 */
export const bracketRuns = (text: string, carried = 0): BracketRun[] => {
  const a = analyseBrackets(text, carried);
  if (a.spans.length === 0 && a.options.length === 0 && a.placeholders.length === 0)
    return text === '' ? [] : [{ start: 0, end: text.length, kind: 'text', depth: 0 }];
  const special = new Map<number, { end: number; kind: BracketRun['kind']; unmatched?: boolean }>();
  // A `[` left open at the end of the text is no fault: it may close in a later block. A `]`
  // with nothing open, even counting what was carried in, is.
  for (const s of a.spans) {
    if (s.start >= 0) special.set(s.start, { end: s.start + 1, kind: 'bracket' });
    if (s.end > 0) special.set(s.end - 1, { end: s.end, kind: 'bracket' });
  }
  for (const p of a.problems)
    if (p.kind === 'unopened') special.set(p.offset, { end: p.offset + 1, kind: 'bracket', unmatched: true });
  for (const ph of a.placeholders) special.set(ph.start, { end: ph.end, kind: 'placeholder' });
  for (const o of a.options) {
    const colon = text.indexOf(':', o.start);
    if (colon >= 0) special.set(o.start, { end: colon + 1, kind: 'option' });
  }
  const runs: BracketRun[] = [];
  let depth = carried;
  let from = 0;
  const flush = (to: number) => {
    if (to > from) runs.push({ start: from, end: to, kind: 'text', depth });
  };
  for (let i = 0; i < text.length; ) {
    const s = special.get(i);
    if (!s) {
      i++;
      continue;
    }
    flush(i);
    if (s.kind === 'bracket' && text[i] === '[') {
      depth++;
      runs.push({
        start: i,
        end: s.end,
        kind: 'bracket',
        depth,
        ...(s.unmatched ? { unmatched: true } : {}),
      });
    } else if (s.kind === 'bracket') {
      runs.push({
        start: i,
        end: s.end,
        kind: 'bracket',
        depth: Math.max(depth, 1),
        ...(s.unmatched ? { unmatched: true } : {}),
      });
      if (!s.unmatched) depth--;
    } else runs.push({ start: i, end: s.end, kind: s.kind, depth });
    i = s.end;
    from = i;
  }
  flush(text.length);
  return runs;
};

/** The CSS class of a depth: `bd1`, `bd2`, `bd3` (deeper ones share the last tint). */
const depthClass = (depth: number): string => (depth <= 0 ? '' : `bd${Math.min(depth, 3)}`);

/**
 * `text[from, to)` rendered with its bracket structure; `runs` are `bracketRuns` of the whole
 * text, so a slice (between two footnote references) keeps its depth.
 */
export const renderBracketed = (
  text: string,
  runs: readonly BracketRun[],
  from: number,
  to: number,
): ReactNode[] => {
  const out: ReactNode[] = [];
  for (const r of runs) {
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    if (end <= start) continue;
    const s = text.slice(start, end);
    const key = `${start}`;
    const cls = depthClass(r.depth);
    if (r.kind === 'text')
      out.push(
        cls ? (
          <span key={key} className={cls}>
            {s}
          </span>
        ) : (
          s
        ),
      );
    else if (r.kind === 'bracket')
      out.push(
        <span
          key={key}
          className={`br ${cls}${r.unmatched ? ' br-unmatched' : ''}`}
          title={r.unmatched ? t('text.bracketUnmatched') : undefined}
        >
          {s}
        </span>,
      );
    else if (r.kind === 'option')
      out.push(
        <strong key={key} className={`opt ${cls}`}>
          {s}
        </strong>,
      );
    else
      out.push(
        <span key={key} className={`ph ${cls}`} title={t('text.placeholder')}>
          {s}
        </span>,
      );
  }
  return out;
};

/** A text with its bracket structure shown (no footnotes; see `TextWithFootnotes` for those). */
export const BracketedText = ({ text, carried = 0 }: { text: string; carried?: number }) => (
  <>{renderBracketed(text, bracketRuns(text, carried), 0, text.length)}</>
);

/** The bracket depth carried into a paragraph's text and into each of its points. */
export interface CarriedDepth {
  readonly text: number;
  readonly points: readonly number[];
}

/** What `carriedDepths` reads of a block (a BisDocument's, or a document JSON's). */
export type DepthBlock =
  | { readonly kind: 'heading'; readonly title: string }
  | {
      readonly kind: 'paragraph';
      readonly id: string;
      readonly text: string;
      readonly points: readonly { readonly text: string }[];
    };

/**
 * For each paragraph of `doc` (by id), how many brackets are open when its text starts and when
 * each point starts, reading the blocks in order (`[[Preamble]` opens a bracket that closes at
 * the end of the preamble). Heading titles count too.
 */
export const carriedDepths = (doc: { readonly blocks: readonly DepthBlock[] }): Map<string, CarriedDepth> => {
  const out = new Map<string, CarriedDepth>();
  let depth = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      depth = analyseBrackets(b.title, depth).depthAfter;
      continue;
    }
    const text = depth;
    depth = analyseBrackets(b.text, depth).depthAfter;
    const points: number[] = [];
    for (const pt of b.points) {
      points.push(depth);
      depth = analyseBrackets(pt.text, depth).depthAfter;
    }
    out.set(b.id, { text, points });
  }
  return out;
};
