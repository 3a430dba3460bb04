/**
 * Written input in the form of an amended full text: a delegation's copy of the whole base with
 * its changes made in place — new paragraphs numbered `12bis.`, `12ter.`, `12quat.`, notes such
 * as "(former 20 amended)" or "(new)", paragraphs reworded, dropped or moved — and nothing to say
 * which changed. The proposals are found by comparing the copy with the base: paragraphs are
 * paired by content (`alignTexts`, as `bis compare` does) and by the notes, which win over the
 * content; then
 *
 * - a paired paragraph whose text differs is an `amend`;
 * - a paired paragraph out of the base order is a `move` after the base paragraph before it
 *   (and an `amend` too when its text changed);
 * - two base paragraphs made one are an `amend` of the run (`§27–28`); one made two, an `amend`
 *   and an `insert`;
 * - a paragraph of the copy paired with none is an `insert` after the base paragraph before it,
 *   labelled as the copy labels it when that label is new (`12 bis`), else with the next free
 *   Latin suffix;
 * - a base paragraph paired with none is a `delete`.
 */
import {
  type BisDocument,
  BisInputError,
  labelForInsert,
  type Paragraph,
  type Party,
  type Proposal,
  type ProposalSet,
  paragraphsOf,
  partyId,
  proposalId,
  type StakeholderGroup,
} from '@bis/core';
import { alignTexts } from '../export/align';
import { increasing } from '../increasing';
import { importText } from '../text-import/index';
import { buildProposal, indexBase, type ProposalSpec, slug } from './build';
import { normalizeLabel } from './reference';
import type { ImportError } from './written';

/** Options of `importAmendedText`. */
export interface AmendedTextOptions {
  /** The delegation whose copy it is. */
  readonly party: string;
  /** The party's stakeholder group (default `member-state`). */
  readonly group?: StakeholderGroup;
  readonly region?: string;
  /** The base text the copy amends; required (see `AmendedTextNeedsBase`). */
  readonly base?: BisDocument;
  /** Recorded in each proposal's `source`; messages name it. */
  readonly fileName?: string;
  /** Makes proposal ids; default `<party-slug>-copy-<n>`. */
  readonly newId?: () => string;
  /** The line (1-based) where each paragraph of the copy starts, for `source` and messages. */
  readonly lineOf?: (p: Paragraph, index: number) => number;
}

/** The result of importing an amended full text. */
export interface AmendedTextImport {
  readonly set: ProposalSet;
  /** Problems (`line` is the copy's); callers fail on any, as for written proposals. */
  readonly errors: readonly ImportError[];
}

/** A note of the copy on one paragraph: which base paragraph it was, or that it is new. */
interface Note {
  readonly former: string | null;
  readonly isNew: boolean;
  /** The note as written, for the proposal's summary. */
  readonly text: string;
}

const FORMER =
  /\s*[([]\s*(?:former(?:ly)?|ex|previously|old)\s*(?:para(?:graph)?s?\.?|§|OP|PP)?\s*(\d+(?:\s*(?:bis|ter|quater|quat|quinquies|sexies|septies|octies|novies|decies))?)\s*(?:,?\s*(?:amended|unchanged|as is|moved|revised|modified|merged|retained|kept))?\s*[)\]]\s*/i;
const NEW = /\s*[([]\s*new(?:\s+(?:para(?:graph)?|text|wording))?\s*[)\]]\s*/i;

/** Reads and strips the notes of a copy's paragraph text ("(former 20 amended)", "(new)"). */
export const readNote = (text: string): { text: string; note: Note | null } => {
  const f = FORMER.exec(text);
  if (f) {
    return {
      text: `${text.slice(0, f.index)} ${text.slice(f.index + f[0].length)}`.trim(),
      note: { former: normalizeLabel(f[1] as string), isNew: false, text: f[0].trim() },
    };
  }
  const n = NEW.exec(text);
  if (n) {
    return {
      text: `${text.slice(0, n.index)} ${text.slice(n.index + n[0].length)}`.trim(),
      note: { former: null, isNew: true, text: n[0].trim() },
    };
  }
  return { text, note: null };
};

const fullText = (p: Paragraph): string =>
  [p.text, ...p.points.map((pt) => `(${pt.label}) ${pt.text}`)].join('\n');

const same = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

// The label for a paragraph placed at `k`: only the neighbours matter (a new label sorts between
// them and differs from theirs), so a window around `k` spares parsing every label of a long text.
const WINDOW = 64;
const nextLabel = (labels: readonly string[], k: number): string => {
  const lo = Math.max(0, k - WINDOW);
  return labelForInsert(labels.slice(lo, k + WINDOW), k - lo);
};

/**
 * Turns a delegation's amended copy of the whole text (already read as a document) into
 * proposals by comparison with `options.base`. Throws `BisInputError` without a base.
 */
export const importAmendedText = (copy: BisDocument, options: AmendedTextOptions): AmendedTextImport => {
  const where = options.fileName ?? 'input';
  const party = options.party.trim();
  if (party === '') throw new BisInputError('the party is empty', 'party', options.party);
  const baseDoc = options.base;
  if (!baseDoc) {
    throw new BisInputError(
      `this reads as an amended copy of the whole text (${paragraphsOf(copy).length} numbered paragraphs): its proposals are found by comparing it with the base text it amends, so give the base (bis import proposals FILE --base BASE.json)`,
      where,
    );
  }
  const base = paragraphsOf(baseDoc);
  const index = indexBase(baseDoc, normalizeLabel);
  const copies = paragraphsOf(copy);
  const read = copies.map((p) => {
    const { text, note } = readNote(p.text);
    return { p, note, text: fullText({ ...p, text }) };
  });
  const lineOf = (c: number): number => (options.lineOf ? options.lineOf(copies[c] as Paragraph, c) : c + 1);

  // Pairs by content, then the notes' pairs over them.
  const groups = alignTexts(
    base.map(fullText),
    read.map((r) => r.text),
  );
  const pairOfCopy = new Map<number, number>();
  const merged = new Map<number, number[]>(); // copy → base indices
  const split = new Map<number, number[]>(); // first copy → copy indices, base in pairOfCopy
  for (const g of groups) {
    if (g.olds.length === 1 && g.news.length === 1) pairOfCopy.set(g.news[0] as number, g.olds[0] as number);
    else if (g.olds.length > 1) merged.set(g.news[0] as number, [...g.olds]);
    else if (g.news.length > 1) {
      pairOfCopy.set(g.news[0] as number, g.olds[0] as number);
      split.set(g.news[0] as number, [...g.news]);
    }
  }
  const errors: ImportError[] = [];
  read.forEach((r, c) => {
    if (!r.note) return;
    const undo = () => {
      pairOfCopy.delete(c);
      merged.delete(c);
      for (const [first, parts] of split) if (parts.includes(c)) split.delete(first);
    };
    if (r.note.isNew) {
      undo();
      return;
    }
    const b = index.byLabel.get(r.note.former as string);
    if (b === undefined) {
      errors.push({
        line: lineOf(c),
        message: `"${r.note.text}": §${r.note.former} is not a paragraph of "${baseDoc.title}"`,
      });
      return;
    }
    undo();
    for (const [other, ob] of pairOfCopy) if (ob === b) pairOfCopy.delete(other);
    for (const [other, obs] of merged) if (obs.includes(b)) merged.delete(other);
    pairOfCopy.set(c, b);
  });
  const splitPart = new Set([...split.values()].flatMap((parts) => parts.slice(1)));
  for (const c of splitPart) pairOfCopy.delete(c);

  // Paired paragraphs out of the base order moved.
  const pairedCopies = [...pairOfCopy.keys()].sort((x, y) => x - y);
  const inOrder = increasing(pairedCopies.map((c) => pairOfCopy.get(c) as number));
  const moved = new Set(pairedCopies.filter((_, k) => !inOrder.has(k)));
  const usedBase = new Set<number>([...pairOfCopy.values(), ...[...merged.values()].flat()]);

  let n = 0;
  const newId = (): string => (options.newId ? options.newId() : `${slug(party)}-copy-${++n}`);
  const proposals: Proposal[] = [];
  const add = (
    spec: Omit<ProposalSpec, 'id' | 'party' | 'coSponsors' | 'supporters' | 'source'>,
    line: number,
  ) => {
    const { proposal, problems } = buildProposal(
      {
        ...spec,
        id: proposalId(newId()),
        party,
        coSponsors: [],
        supporters: [],
        source: { file: options.fileName ?? null, line },
      },
      index,
    );
    proposals.push(proposal);
    errors.push(...problems.map((message) => ({ line, message })));
  };
  const plain = { textMode: 'replace' as const, rationale: '', anchor: null, position: null };
  const noteOf = (c: number): string => {
    const note = read[c]?.note;
    return note ? `Noted in the copy: ${note.text}` : '';
  };

  // Labels as they will stand, for the next free suffix of unlabelled insertions.
  const labels = base.map((p) => p.label);
  const baseLabels = new Set(labels.map(normalizeLabel));
  let anchor: number | null = null; // base index of the last base paragraph kept in place
  let deletedUpTo = 0;
  const deleteUpTo = (end: number, line: number) => {
    for (; deletedUpTo < end; deletedUpTo++) {
      if (usedBase.has(deletedUpTo)) continue;
      const p = base[deletedUpTo] as Paragraph;
      add(
        { ...plain, action: 'delete', ref: { from: p.label, to: null, point: null }, text: '', summary: '' },
        line,
      );
    }
  };
  const insert = (c: number, text: string) => {
    const p = copies[c] as Paragraph;
    const at = anchor === null ? 0 : labels.indexOf((base[anchor] as Paragraph).label) + 1;
    let k = at;
    while (k < labels.length && !baseLabels.has(normalizeLabel(labels[k] as string))) k++;
    const typed = normalizeLabel(p.label);
    const label =
      !baseLabels.has(typed) && !labels.includes(typed) && /\s/.test(typed) ? typed : nextLabel(labels, k);
    labels.splice(k, 0, label);
    const first = base[0] as Paragraph | undefined;
    add(
      {
        action: 'insert',
        ref: { from: label, to: null, point: null },
        anchor: anchor === null ? (first?.label ?? null) : (base[anchor] as Paragraph).label,
        position: anchor === null ? 'before' : 'after',
        text,
        textMode: 'replace',
        summary: noteOf(c),
        rationale: '',
      },
      lineOf(c),
    );
  };

  read.forEach((r, c) => {
    const line = lineOf(c);
    const olds = merged.get(c);
    if (olds) {
      const first = base[olds[0] as number] as Paragraph;
      const last = base[olds[olds.length - 1] as number] as Paragraph;
      deleteUpTo(olds[0] as number, line);
      add(
        {
          ...plain,
          action: 'amend',
          ref: { from: first.label, to: last.label, point: null },
          text: r.text,
          summary: noteOf(c),
        },
        line,
      );
      anchor = olds[olds.length - 1] as number;
      deletedUpTo = Math.max(deletedUpTo, anchor + 1);
      return;
    }
    const b = pairOfCopy.get(c);
    if (b === undefined) {
      // New, or a later part of a split paragraph: inserted after the paragraph before it.
      insert(c, r.text);
      return;
    }
    const p = base[b] as Paragraph;
    if (moved.has(c)) {
      const first = base.find((_, i) => i !== b);
      add(
        {
          ...plain,
          action: 'move',
          ref: { from: p.label, to: null, point: null },
          anchor: anchor === null ? (first?.label ?? null) : (base[anchor] as Paragraph).label,
          position: anchor === null ? 'before' : 'after',
          text: '',
          summary: noteOf(c),
        },
        line,
      );
    } else {
      deleteUpTo(b, line);
      deletedUpTo = Math.max(deletedUpTo, b + 1);
      anchor = b;
    }
    // A split paragraph: its first part amends it (the others are inserted after it).
    const text = r.text;
    if (!same(text, fullText(p)) || split.has(c)) {
      add(
        {
          ...plain,
          action: 'amend',
          ref: { from: p.label, to: null, point: null },
          text,
          summary: noteOf(c),
        },
        line,
      );
    }
  });
  deleteUpTo(base.length, lineOf(Math.max(copies.length - 1, 0)));

  const parties: Party[] = [
    {
      id: partyId(slug(party)),
      name: party,
      group: options.group ?? 'member-state',
      region: options.region ?? null,
    },
  ];
  errors.sort((x, y) => x.line - y.line);
  return { set: { base: baseDoc.title, parties, proposals }, errors };
};

/**
 * Reads an amended full text from plain text (`.txt`, `.md`) and turns it into proposals (see
 * `importAmendedText`). Throws `BisInputError` naming the file when it is not a numbered text
 * or when no base is given.
 */
export const importAmendedTextFile = (text: string, options: AmendedTextOptions): AmendedTextImport => {
  const copy = importText(text, { fileName: options.fileName ?? 'input.txt' });
  // Each paragraph's line: where its text first occurs in the file.
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  let from = 0;
  const lineNumbers = paragraphsOf(copy).map((p): number => {
    const probe = p.text.slice(0, 40);
    const found = probe ? text.indexOf(probe, from) : -1;
    if (found < 0) return 1;
    from = found;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= found) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  });
  const lineOf = (_: Paragraph, i: number): number => lineNumbers[i] ?? 1;
  return importAmendedText(copy, { ...options, lineOf });
};

/**
 * Whether written input that gave no proposals in any other form reads as an amended copy of
 * the whole text: a numbered text of three paragraphs or more — and, when the base is given,
 * one in which at least a third of the paragraphs are base paragraphs word for word (notes
 * aside), as in a copy where most of the text stands as it was.
 */
export const readsAsAmendedText = (text: string, base?: BisDocument): boolean => {
  let copy: BisDocument;
  try {
    copy = importText(text);
  } catch {
    return false;
  }
  const paragraphs = paragraphsOf(copy);
  if (paragraphs.length < 3) return false;
  if (!base) return true;
  const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const known = new Set(paragraphsOf(base).map((p) => key(fullText(p))));
  const kept = paragraphs.filter((p) => known.has(key(fullText({ ...p, text: readNote(p.text).text }))));
  return kept.length * 3 >= paragraphs.length;
};
