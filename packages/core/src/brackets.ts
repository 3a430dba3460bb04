/**
 * Brackets as data. Negotiating texts mark what is not agreed with square brackets, nested as
 * deep as the disagreement goes (`[the [ultimate] objective]`), offer options inside them
 * (`[Option 1: … Option 2: …]`) and leave placeholders in braces (`{Placeholder}`). Bis keeps all
 * of that in a paragraph's text exactly as written; `analyseBrackets` reads the structure out of
 * the text, and never refuses: an unbalanced bracket is reported as a problem, not an error.
 *
 * A bracket may open in one block and close in a later one (`[[Preamble]` opens a bracket round
 * the whole preamble): pass the depth carried from the blocks before as `carried`, and the result's
 * `depthAfter` on to the next block.
 */

/** One bracketed span: offsets into the text, the brackets included (`end` is exclusive). */
export interface BracketSpan {
  /** Offset of the `[`, or -1 when the span was opened in an earlier block. */
  readonly start: number;
  /** Offset just after the `]`, or -1 when the span stays open past the end of the text. */
  readonly end: number;
  /** 1 for an outermost span of this text (counting carried spans), 2 inside it, and so on. */
  readonly depth: number;
}

/** An option or alternative within a bracket: `Option 1:`, `Option 2:`, `Alt 1:`, `Alternative:`. */
export interface BracketOption {
  /** The option's name as written, without the colon: `Option 1`, `Alt 2`. */
  readonly name: string;
  /** Offset of the name. */
  readonly start: number;
  /** Offset where the option's wording ends: the next option of the same bracket, or its `]`. */
  readonly end: number;
  /** The bracket depth the option sits at (0 when written outside any bracket). */
  readonly depth: number;
}

/** A placeholder in braces, `{Placeholder}`, `{X}` per cent. */
export interface Placeholder {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** The placeholder's name without the braces. */
  readonly name: string;
}

/** A bracket that does not pair up within the text (and what was carried into it). */
export interface BracketProblem {
  /** `unclosed`: a `[` with no `]` before the end; `unopened`: a `]` with nothing open. */
  readonly kind: 'unclosed' | 'unopened';
  /** Offset of the bracket. */
  readonly offset: number;
}

/** The bracket structure of one text. */
export interface BracketAnalysis {
  /** Spans in the order their `[` appears (carried spans first). */
  readonly spans: readonly BracketSpan[];
  readonly options: readonly BracketOption[];
  readonly placeholders: readonly Placeholder[];
  /** Brackets left open at the end of the text and `]` with nothing open. */
  readonly problems: readonly BracketProblem[];
  /** How many brackets are still open at the end (carried ones included). */
  readonly depthAfter: number;
}

// `Option 1:`, `Option A:`, `Alt 2:`, `Alternative 1:`, `Alternative:` — at a word boundary.
const OPTION = /(?<![\p{L}\p{N}])(?:Option|Alternative|Alt\.?)(?:\s+(?:\d{1,3}|[A-Z]))?\s*:/gu;

/**
 * Reads the bracket structure of `text`. `carried` is the number of brackets opened in earlier
 * blocks and not yet closed: a `]` closes one of those before it counts as unopened.
 */
export const analyseBrackets = (text: string, carried = 0): BracketAnalysis => {
  const spans: { start: number; end: number; depth: number }[] = [];
  const problems: BracketProblem[] = [];
  const placeholders: Placeholder[] = [];
  // Open spans, innermost last (indices into `spans`).
  const open: number[] = [];
  for (let i = 0; i < carried; i++) {
    spans.push({ start: -1, end: -1, depth: i + 1 });
    open.push(spans.length - 1);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') {
      spans.push({ start: i, end: -1, depth: open.length + 1 });
      open.push(spans.length - 1);
    } else if (c === ']') {
      const k = open.pop();
      if (k === undefined) problems.push({ kind: 'unopened', offset: i });
      else (spans[k] as { end: number }).end = i + 1;
    } else if (c === '{') {
      const close = text.indexOf('}', i + 1);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      if (close > i + 1 && !/[{}[\]\n]/.test(inner) && inner.length <= 120) {
        placeholders.push({ start: i, end: close + 1, name: inner.trim() });
        i = close;
      }
    }
  }
  for (const k of open) {
    const s = spans[k] as BracketSpan;
    if (s.start >= 0) problems.push({ kind: 'unclosed', offset: s.start });
  }
  problems.sort((a, b) => a.offset - b.offset);
  return {
    spans,
    options: findOptions(text, spans),
    placeholders,
    problems,
    depthAfter: open.length,
  };
};

const depthAt = (spans: readonly BracketSpan[], offset: number): { depth: number; end: number } => {
  let best: BracketSpan | null = null;
  for (const s of spans) {
    const inside = (s.start < 0 || s.start < offset) && (s.end < 0 || offset < s.end);
    if (inside && (best === null || s.depth > best.depth)) best = s;
  }
  return best === null ? { depth: 0, end: -1 } : { depth: best.depth, end: best.end };
};

const findOptions = (text: string, spans: readonly BracketSpan[]): BracketOption[] => {
  const found: { name: string; start: number; depth: number; spanEnd: number }[] = [];
  for (const m of text.matchAll(OPTION)) {
    const start = m.index ?? 0;
    const { depth, end } = depthAt(spans, start);
    found.push({ name: m[0].replace(/\s*:$/, '').replace(/\s+/g, ' '), start, depth, spanEnd: end });
  }
  return found.map((o, i) => {
    // The option runs to the next option of the same bracket, else to that bracket's `]`.
    const next = found.slice(i + 1).find((n) => n.depth === o.depth && n.spanEnd === o.spanEnd);
    const close = o.spanEnd < 0 ? text.length : o.spanEnd - 1;
    return { name: o.name, start: o.start, end: next ? next.start : close, depth: o.depth };
  });
};

const ONE_OPTION = new RegExp(OPTION.source, 'u');

/** Whether a text holds any bracket, brace placeholder or option marker at all. */
export const hasBrackets = (text: string): boolean => /[[\]{]/.test(text) || ONE_OPTION.test(text);
