import { compareProposals, resolveTargets } from './compile';
import { BisInputError } from './errors';
import { parseLabel } from './labels';
import {
  type BisDocument,
  type Block,
  type Footnote,
  type LabelStyle,
  type OrderKey,
  type Paragraph,
  type ParagraphId,
  type Point,
  type Proposal,
  type ProposalId,
  paragraphId,
  paragraphsOf,
} from './model';
import { inSeriesOf, labelForInsert } from './numbering';
import { keyBetween } from './orderkey';
import { continuesText, proposedText } from './proposed';

/**
 * Building the next revision: a document plus the chosen proposals → the new document.
 *
 * Rules:
 * - `amend` and `alternative` replace the text of their target (a paragraph, or one point of
 *   it). A run (`§92–93`) whose text has as many blank-line-separated parts as targets gets one
 *   part per paragraph; otherwise the first paragraph takes the whole text and the others are
 *   removed. A text that continues the current one (`append`, leading ellipsis) goes to the
 *   last paragraph of a run.
 * - `delete` removes its targets (paragraphs or points); `retain` changes nothing.
 * - `insert` adds a paragraph (or a point) after or before its anchor, with a new id from
 *   `newId` and a label from `labelForInsert`; rival insertions at one place go in
 *   `compareProposals` order (first tabled first: `77 bis`, then `77 ter`). A new paragraph is
 *   labelled in its anchor's series (after `PP5` → `PP5 bis`; before `1`, even right after the
 *   preamble → `0`) and printed like that series (`styleOfSeries`): lettered or unnumbered in
 *   such a preamble.
 * - Label styles, tags and heading roles of existing blocks are kept as they are.
 * - `move` places the paragraph after or before its anchor, keeping its id and label.
 * - Places always refer to the base text: an insertion anchored on a paragraph that is
 *   deleted or moved still goes where that paragraph was.
 * - Untouched paragraphs keep their order keys; new and moved ones get keys between them.
 *
 * What cannot be applied is returned as a conflict, never guessed: two proposals changing the
 * same paragraph (or the same point, or a point and its whole paragraph) are both left out;
 * a target not in the text, and unsupported combinations, are reported.
 */

/** How `apply` works. */
export interface ApplyOptions {
  /** Gives the id of each new paragraph; must not repeat an id of the document. */
  readonly newId: () => string;
  /**
   * Which of the given proposals to apply. Default: every proposal not withdrawn and not
   * decided against — undecided ones apply, except alternatives, which apply only once
   * accepted (an alternative competes with another proposal: the chairs choose it).
   */
  readonly chosen?: (p: Proposal) => boolean;
  /** The new document's revision name (default: unchanged). */
  readonly revision?: string | null;
}

/** Why a proposal was not applied. */
export type ApplyConflict =
  | {
      /** Several chosen proposals change the same paragraph (or point): none of them is applied. */
      readonly kind: 'overlap';
      readonly paragraph: ParagraphId;
      readonly label: string;
      readonly proposals: readonly ProposalId[];
    }
  | {
      /** A target is unresolved or not in the text. */
      readonly kind: 'missing-target';
      readonly proposal: ProposalId;
      readonly label: string;
      readonly reason: string;
    }
  | {
      /** The proposal asks for something `apply` does not do (moving a point …). */
      readonly kind: 'unsupported';
      readonly proposal: ProposalId;
      readonly label: string;
      readonly reason: string;
    };

/** A paragraph or point created by an insertion. */
export interface Inserted {
  readonly proposal: ProposalId;
  readonly paragraph: ParagraphId;
  /** The new paragraph's label, or for a new point its letter. */
  readonly label: string;
  /** For a new point: its letter; null for a new paragraph. */
  readonly point: string | null;
}

/** The outcome of `apply`. */
export interface ApplyResult {
  readonly document: BisDocument;
  /** Proposals applied (retentions included), in `compareProposals` order. */
  readonly applied: readonly ProposalId[];
  /** Proposals not chosen (see `ApplyOptions.chosen`). */
  readonly skipped: readonly ProposalId[];
  readonly conflicts: readonly ApplyConflict[];
  readonly inserted: readonly Inserted[];
}

/** The default choice of `apply` (see `ApplyOptions.chosen`). */
export const defaultChosen = (p: Proposal): boolean => {
  if (p.status === 'withdrawn' || p.status === 'applied') return false;
  if (p.decision === 'accepted' || p.decision === 'accepted-as-modified') return true;
  return p.decision === null && p.action !== 'alternative';
};

// One editable piece of text: a paragraph's own text, or one of its points.
interface Slot {
  readonly para: Paragraph;
  readonly point: string | null;
}

type Edit = { readonly slot: Slot; readonly text: string | null }; // null text: remove

// Footnote references keep their place when the text only grew at the end; a reference in the
// words kept at the end (the closing full stop, when words went in before it) moves with them;
// otherwise they are kept (never lost) and moved to the end of the new text at the latest.
const keepFootnotes = (footnotes: readonly Footnote[], oldText: string, newText: string): Footnote[] => {
  if (newText.startsWith(oldText)) return [...footnotes];
  let same = 0;
  while (same < oldText.length && oldText[same] === newText[same]) same++;
  return footnotes.map((f) => {
    if (f.offset <= same) return f;
    const tail = oldText.slice(f.offset);
    if (newText.endsWith(tail)) return { ...f, offset: newText.length - tail.length };
    return f.offset <= newText.length ? f : { ...f, offset: newText.length };
  });
};

const currentOf = (s: Slot): string =>
  s.point === null ? s.para.text : (s.para.points.find((p) => p.label === s.point)?.text ?? '');

// The text edits of an amend, alternative or delete.
const editsOf = (p: Proposal, slots: readonly Slot[]): Edit[] => {
  if (p.action === 'delete') return slots.map((slot) => ({ slot, text: null }));
  const last = slots[slots.length - 1];
  if (slots.length === 1 || (continuesText(p) && last !== undefined)) {
    const slot = last as Slot;
    return [{ slot, text: proposedText(p, currentOf(slot)) }];
  }
  const parts = p.text.split(/\n\s*\n/).map((t) => t.trim());
  if (parts.length === slots.length)
    return slots.map((slot, i) => ({
      slot,
      text: proposedText({ ...p, text: parts[i] ?? '' }, currentOf(slot)),
    }));
  const joined = slots.map(currentOf).join(' ');
  return slots.map((slot, i) => ({ slot, text: i === 0 ? proposedText(p, joined) : null }));
};

// Point letters a–z map to numbers so that new points follow the paragraph numbering rules:
// after (b) comes (b bis), as after 2 comes 2 bis.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const pointLabelForInsert = (points: readonly Point[], index: number): string | null => {
  if (!points.every((pt) => pt.label.length === 1 && LETTERS.includes(pt.label))) return null;
  const numbered = points.map((pt) => String(LETTERS.indexOf(pt.label) + 1));
  const label = labelForInsert(numbered, index);
  const m = /^(\d+)(.*)$/.exec(label);
  const n = m ? Number(m[1]) : 0;
  if (!m || n < 1 || n > LETTERS.length) return null;
  return `${LETTERS[n - 1]}${m[2]}`;
};

/**
 * The label style a new paragraph labelled `label` at `index` of `seq` takes: that of the nearest
 * paragraph before it in the same series (`PP`, plain, `OP`), else of the nearest after it. So an
 * insertion into a lettered preamble is lettered (`PP2 bis`, printed `B bis`), one into an
 * unnumbered preamble unnumbered, and one among plain numbers printed as its label.
 */
const styleOfSeries = <T>(
  seq: readonly T[],
  index: number,
  label: string,
  paragraphOf: (x: T) => Paragraph | null,
): LabelStyle | undefined => {
  const prefix = parseLabel(label)?.prefix;
  if (prefix === undefined) return undefined;
  const sameSeries = (x: T | undefined): Paragraph | null => {
    const p = x === undefined ? null : paragraphOf(x);
    return p !== null && parseLabel(p.label)?.prefix === prefix ? p : null;
  };
  for (let j = index - 1; j >= 0; j--) {
    const p = sameSeries(seq[j]);
    if (p) return p.labelStyle;
  }
  for (let j = index + 1; j < seq.length; j++) {
    const p = sameSeries(seq[j]);
    if (p) return p.labelStyle;
  }
  return undefined;
};

const withStyle = (style: LabelStyle | undefined): { labelStyle?: LabelStyle } =>
  style === undefined ? {} : { labelStyle: style };

/**
 * Applies the chosen proposals to `doc` and returns the next revision's document, with what
 * was applied, skipped and in conflict. Pure: new ids come from `options.newId`.
 */
export const apply = (
  doc: BisDocument,
  proposals: readonly Proposal[],
  options: ApplyOptions,
): ApplyResult => {
  const chosen = options.chosen ?? defaultChosen;
  const byId = new Map(paragraphsOf(doc).map((p) => [p.id, p] as const));
  const conflicts: ApplyConflict[] = [];
  const skipped: ProposalId[] = [];
  const candidates: { p: Proposal; paras: readonly Paragraph[] }[] = [];
  for (const p of [...proposals].sort(compareProposals)) {
    if (!chosen(p)) {
      skipped.push(p.id);
      continue;
    }
    const r = resolveTargets(byId, p);
    if (!r.ok) {
      conflicts.push({ kind: 'missing-target', proposal: p.id, label: p.label, reason: r.reason });
      continue;
    }
    const unsupported =
      p.targets.length === 0
        ? 'it has no target'
        : p.action === 'move' && (p.targets[0]?.point ?? null) !== null
          ? 'moving a single point is not supported: amend the paragraph instead'
          : p.action === 'move' && r.paragraphs[0] === r.paragraphs[1]
            ? 'a paragraph cannot be moved relative to itself'
            : null;
    if (unsupported !== null) {
      conflicts.push({ kind: 'unsupported', proposal: p.id, label: p.label, reason: unsupported });
      continue;
    }
    candidates.push({ p, paras: r.paragraphs });
  }

  // What each proposal changes, to find overlaps: a whole paragraph, or one of its points.
  const claims = new Map<ParagraphId, { p: Proposal; point: string | null }[]>();
  const editsBy = new Map<ProposalId, Edit[]>();
  for (const { p, paras } of candidates) {
    let touched: Slot[] = [];
    if (p.action === 'amend' || p.action === 'alternative' || p.action === 'delete') {
      const slots = paras.map((para, i) => ({ para, point: p.targets[i]?.point ?? null }));
      const edits = editsOf(p, slots);
      editsBy.set(p.id, edits);
      touched = edits.map((e) => e.slot);
    } else if (p.action === 'move' && paras[0] !== undefined) {
      touched = [{ para: paras[0], point: null }];
    } else if (p.action === 'insert' && paras[0] !== undefined && (p.targets[0]?.point ?? null) !== null) {
      // A new point clashes with a change to the whole paragraph (its deletion), not with
      // changes to other points; `+` keeps it apart from the anchor point's own claim.
      touched = [{ para: paras[0], point: `+${p.targets[0]?.point}` }];
    }
    for (const s of touched) claims.set(s.para.id, [...(claims.get(s.para.id) ?? []), { p, point: s.point }]);
  }
  const excluded = new Set<ProposalId>();
  for (const [pid, list] of claims) {
    const involved = new Set<Proposal>();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (!a || !b || a.p === b.p) continue;
        if (a.point === null || b.point === null || a.point === b.point) {
          involved.add(a.p);
          involved.add(b.p);
        }
      }
    if (involved.size === 0) continue;
    const ids = [...involved].sort(compareProposals).map((p) => p.id);
    for (const id of ids) excluded.add(id);
    conflicts.push({ kind: 'overlap', paragraph: pid, label: byId.get(pid)?.label ?? '', proposals: ids });
  }
  const active = candidates.filter(({ p }) => !excluded.has(p.id));

  // New text and points of each changed paragraph; removed paragraphs.
  const texts = new Map<ParagraphId, string>();
  const points = new Map<ParagraphId, Map<string, string | null>>();
  const removed = new Set<ParagraphId>();
  for (const { p } of active) {
    for (const e of editsBy.get(p.id) ?? []) {
      const id = e.slot.para.id;
      if (e.slot.point !== null) {
        const m = points.get(id) ?? new Map<string, string | null>();
        points.set(id, m.set(e.slot.point, e.text));
      } else if (e.text === null) removed.add(id);
      else texts.set(id, e.text);
    }
  }

  // Insertions and moves, by anchor and side, in `compareProposals` order.
  type Placed = { p: Proposal; para: Paragraph | null };
  const placed = new Map<string, Placed[]>();
  const moved = new Set<ParagraphId>();
  const newPoints = new Map<ParagraphId, { p: Proposal; after: string; position: 'after' | 'before' }[]>();
  for (const { p, paras } of active) {
    if (p.action === 'insert' && p.targets[0]?.point != null && paras[0]) {
      const anchor = paras[0];
      newPoints.set(anchor.id, [
        ...(newPoints.get(anchor.id) ?? []),
        { p, after: p.targets[0].point, position: p.position ?? 'after' },
      ]);
      continue;
    }
    const anchor = p.action === 'insert' ? paras[0] : p.action === 'move' ? paras[1] : undefined;
    if (anchor === undefined) continue;
    const key = `${anchor.id}\u0000${p.position ?? 'after'}`;
    const para = p.action === 'move' ? (paras[0] ?? null) : null;
    if (para) moved.add(para.id);
    placed.set(key, [...(placed.get(key) ?? []), { p, para }]);
  }

  const usedIds = new Set<string>(doc.blocks.map((b) => b.id));
  const takeId = (): ParagraphId => {
    const id = options.newId();
    if (typeof id !== 'string' || id === '' || usedIds.has(id))
      throw new BisInputError('the id generator returned an empty or already used id', 'newId', id);
    usedIds.add(id);
    return paragraphId(id);
  };

  const inserted: Inserted[] = [];
  const unsupportedPoints: ProposalId[] = [];
  const updated = (para: Paragraph): Paragraph => {
    const text = texts.get(para.id) ?? para.text;
    const pointEdits = points.get(para.id);
    let pts: readonly Point[] = para.points;
    if (pointEdits !== undefined) {
      pts = para.points.flatMap((pt): Point[] => {
        const t = pointEdits.get(pt.label);
        if (t === undefined) return [pt];
        if (t === null) return [];
        return [{ ...pt, text: t, footnotes: keepFootnotes(pt.footnotes, pt.text, t) }];
      });
    }
    for (const ins of newPoints.get(para.id) ?? []) {
      const at = pts.findIndex((pt) => pt.label === ins.after);
      const index = at < 0 ? pts.length : ins.position === 'after' ? at + 1 : at;
      const label = pointLabelForInsert(pts, index);
      if (label === null) {
        unsupportedPoints.push(ins.p.id);
        continue;
      }
      pts = [
        ...pts.slice(0, index),
        { label, text: proposedText(ins.p, ''), footnotes: [] },
        ...pts.slice(index),
      ];
      inserted.push({ proposal: ins.p.id, paragraph: para.id, label, point: label });
    }
    if (text === para.text && pts === para.points) return para;
    return { ...para, text, points: pts, footnotes: keepFootnotes(para.footnotes, para.text, text) };
  };

  // The new sequence of blocks; new paragraphs wait for their label and key.
  type Pending = { kind: 'new'; p: Proposal; id: ParagraphId } | { kind: 'moved'; para: Paragraph };
  const seq: (Block | Pending)[] = [];
  const emitPlaced = (anchor: Paragraph, side: 'after' | 'before') => {
    for (const { p, para } of placed.get(`${anchor.id}\u0000${side}`) ?? [])
      seq.push(para ? { kind: 'moved', para: updated(para) } : { kind: 'new', p, id: takeId() });
  };
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      seq.push(b);
      continue;
    }
    emitPlaced(b, 'before');
    if (!removed.has(b.id) && !moved.has(b.id)) seq.push(updated(b));
    emitPlaced(b, 'after');
  }

  // Labels: each new paragraph in reading order, among the labels given so far.
  const taken = [...removed].map((id) => byId.get(id)?.label ?? '').filter((l) => l !== '');
  const labels = new Map<Pending, string>();
  const labelled = (x: Block | Pending): string | null => {
    if (x.kind === 'paragraph') return x.label;
    if (x.kind === 'moved') return x.para.label;
    if (x.kind === 'new') return labels.get(x) ?? null;
    return null;
  };
  for (let i = 0; i < seq.length; i++) {
    const x = seq[i];
    if (x === undefined || x.kind !== 'new') continue;
    let before = 0;
    const all: string[] = [];
    seq.forEach((y, j) => {
      const l = labelled(y);
      if (l === null) return;
      all.push(l);
      if (j < i) before++;
    });
    // A new paragraph joins its anchor's series: "before 1" right after the preamble is `0`,
    // "after PP5" is `PP5 bis` (`inSeriesOf`).
    const anchor = byId.get(x.p.targets[0]?.paragraph ?? paragraphId(''));
    const label = labelForInsert(anchor ? inSeriesOf(all, anchor.label) : all, before, { taken });
    labels.set(x, label);
    inserted.push({ proposal: x.p.id, paragraph: x.id, label, point: null });
  }

  // Label styles: a new paragraph is printed like the series it joins (see `styleOfSeries`).
  const styles = new Map<Pending, LabelStyle>();
  for (let i = 0; i < seq.length; i++) {
    const x = seq[i];
    if (x === undefined || x.kind !== 'new') continue;
    const style = styleOfSeries(seq, i, labels.get(x) ?? '', (y) =>
      y.kind === 'paragraph' ? y : y.kind === 'moved' ? y.para : null,
    );
    if (style !== undefined) styles.set(x, style);
  }

  // Order keys: untouched paragraphs keep theirs; the others go between their neighbours.
  const keptKey = (x: Block | Pending | undefined): OrderKey | null =>
    x?.kind === 'paragraph' ? x.order : null;
  const blocks: Block[] = [];
  let prev: OrderKey | null = null;
  for (let i = 0; i < seq.length; i++) {
    const x = seq[i];
    if (x === undefined) continue;
    if (x.kind === 'heading') {
      blocks.push(x);
      continue;
    }
    if (x.kind === 'paragraph') {
      blocks.push(x);
      prev = x.order;
      continue;
    }
    let next: OrderKey | null = null;
    for (let j = i + 1; j < seq.length && next === null; j++) next = keptKey(seq[j]);
    const order = keyBetween(prev, next);
    prev = order;
    blocks.push(
      x.kind === 'moved'
        ? { ...x.para, order }
        : {
            kind: 'paragraph',
            id: x.id,
            order,
            label: labels.get(x) ?? '',
            text: proposedText(x.p, ''),
            points: [],
            footnotes: [],
            ...withStyle(styles.get(x)),
          },
    );
  }

  for (const id of unsupportedPoints) {
    const p = active.find((c) => c.p.id === id)?.p;
    conflicts.push({
      kind: 'unsupported',
      proposal: id,
      label: p?.label ?? '',
      reason: 'a new point can only be lettered among points (a), (b) …',
    });
  }
  const notApplied = new Set(unsupportedPoints);
  return {
    document: { ...doc, revision: options.revision === undefined ? doc.revision : options.revision, blocks },
    applied: active.map(({ p }) => p.id).filter((id) => !notApplied.has(id)),
    skipped,
    conflicts,
    inserted,
  };
};
