/**
 * The headed form of written proposals, one heading per proposal:
 * `- **§77 (current opening …)** → *Amend*: Add reference to **digital dignity**.`,
 * `New §77 bis (after §77) → Insert …`, `§§18, 61 and 99 → Keep`, and the links between
 * proposals: `- **§93 → §93 bis** = Elevates …`.
 */
import { dropTrailingMark, stripInline } from './inline';
import { readQuotationStart } from './quotation';
import { readLeadingList } from './ref-list';
import { type Reference, readReference } from './reference';

// No leading `\s*`: the engine can then scan for the arrow itself; callers trim around it.
/** The arrows that lead from a reference to its action: `→`, `->`, `=>`, `⇒`. */
export const ARROW = /→|->|=>|⇒/;
const HEAD_START = /^(?:new\s+)?(?:§|(?:paras?\.?|paragraphs?)\s*(?:OP|PP)?\s*\d|(?:OP|PP)\s*\d)/i;

/** What a heading says, before the action is decided. */
export interface HeadFields {
  readonly isNew: boolean;
  /** The paragraphs named: one, or a list (`§§18, 61 and 99`: one proposal each). */
  readonly refs: readonly Reference[];
  readonly anchor: string | null;
  readonly position: 'after' | 'before' | null;
  /** A parenthesis about the target that is no anchor (`current opening on human rights`). */
  readonly targetNote: string;
  /** The action phrase: `Amend`, `Insert HRDD by default`, `Delete (the estimate is …)`. */
  readonly phrase: string;
  /** What follows the phrase on the line, unless it is a quotation. */
  readonly description: string;
}

/** A heading read: its fields and the quotation on the same line (`''` when none), or what is wrong. */
export type HeadReading =
  | { readonly ok: true; readonly head: HeadFields; readonly inline: string }
  | { readonly ok: false; readonly error: string };

/** Reads a proposal heading (`**§77 (…)** → *Amend*: …`), or null when `s` is not one. */
export const readHead = (s: string): HeadReading | null => {
  if (!HEAD_START.test(s.replace(/^[*_\s]+/, ''))) return null;
  const arrow = ARROW.exec(s);
  if (!arrow) return null;
  const left = s
    .slice(0, arrow.index)
    .replace(/\*\*|__/g, '')
    .trim();
  const right = s.slice(arrow.index + arrow[0].length).trim();
  const isNew = /^new\s+/i.test(left);
  const read = readLeadingList(left.replace(/^new\s+/i, ''));
  if (!read)
    return {
      ok: false,
      error: `cannot read the paragraph reference in “${left}” (expected e.g. “§77”, “§77 bis”, “§§18, 61 and 99”)`,
    };

  let anchor: string | null = null;
  let position: 'after' | 'before' | null = null;
  let targetNote = read.rest;
  const paren = /^\((.*)\)\s*(.*)$/.exec(read.rest);
  if (paren) {
    const inner = paren[1] ?? '';
    targetNote = [inner, paren[2] ?? ''].filter((x) => x !== '').join(' ');
    const where = /^(after|following|before|preceding)\s+(.+)$/i.exec(inner);
    const anchorRef = where?.[2] === undefined ? null : readReference(where[2]);
    if (where && anchorRef) {
      anchor = anchorRef.ref.from;
      position = /^(?:after|following)$/i.test(where[1] ?? '') ? 'after' : 'before';
      targetNote = anchorRef.rest.replace(/^[,;:–—-]\s*/, '');
    }
  }

  // The action phrase: `*Amend*: rest`, `*Insert future safeguard:*`, or plain `Amend: rest`.
  let phrase: string;
  let after: string;
  const mark = /^(\*\*|\*|__|_)(?=\S)/.exec(right)?.[1];
  const close = mark === undefined ? -1 : right.indexOf(mark, mark.length);
  if (mark !== undefined && close > 0) {
    phrase = right.slice(mark.length, close);
    after = right.slice(close + mark.length);
  } else {
    const colon = right.indexOf(':');
    phrase = colon < 0 ? right : right.slice(0, colon);
    after = colon < 0 ? '' : right.slice(colon + 1);
  }
  phrase = dropTrailingMark(stripInline(phrase));
  if (phrase === '')
    return { ok: false, error: 'no action after the arrow (expected e.g. “§77 → Amend: …”)' };
  const rest = after.replace(/^\s*[:.;–—-]?\s*/, '');
  // A quotation on the heading line itself is the proposed text, not a description.
  const inlineQuote = readQuotationStart(rest) !== null;
  return {
    ok: true,
    head: {
      isNew,
      refs: read.refs,
      anchor,
      position,
      targetNote: stripInline(targetNote),
      phrase,
      description: inlineQuote ? '' : stripInline(rest),
    },
    inline: inlineQuote ? rest : '',
  };
};

/** A link line read: `§93 → §93 bis = Elevates …`. */
export interface LinkFields {
  readonly from: Reference;
  readonly to: Reference;
  readonly note: string;
}

/** Reads a link line (`**§93 → §93 bis** = Elevates …`), or null. */
export const readLink = (s: string): LinkFields | null => {
  const arrow = ARROW.exec(s);
  if (!arrow) return null;
  const left = s
    .slice(0, arrow.index)
    .replace(/\*\*|__/g, '')
    .replace(/^new\s+/i, '')
    .trim();
  const right = s
    .slice(arrow.index + arrow[0].length)
    .replace(/^[*_\s]+/, '')
    .replace(/^new\s+/i, '');
  if (!left.startsWith('§') || !right.startsWith('§')) return null;
  const from = readReference(left);
  const to = readReference(right);
  if (from?.rest !== '' || !to) return null;
  const note = to.rest.replace(/^[*_\s]+/, '').replace(/^[=:—–-]\s*/, '');
  return { from: from.ref, to: to.ref, note: stripInline(note) };
};
