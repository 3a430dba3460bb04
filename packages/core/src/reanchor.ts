import { baseRefOf, describeBase, documentHash } from './document-hash';
import { mergeText } from './merge-text';
import type { BaseRef, BisDocument, Paragraph, Point, Proposal, ProposalId, Target } from './model';
import { paragraphsOf } from './model';
import { continuesText, proposedText } from './proposed';

/**
 * Re-anchoring: proposals written against one text (their `base`) placed on another by content.
 *
 * Each target's paragraph (or point) is looked up in the old base by its id, and its text is
 * then sought in the new text: the same paragraph with the same text (kept, or renumbered);
 * failing that, the same text under another id (moved, e.g. two separate imports); failing that,
 * the same paragraph with changed wording, or a paragraph with mostly the same words (changed).
 * What the proposal becomes:
 * - all targets found with their text: the proposal acts on them where they now are, relabelled
 *   (`kept` or `moved`);
 * - a target changed, for an `amend` or `alternative` of one paragraph or point that replaces
 *   its text: the proposal's own changes (old text → its text) are merged into the new wording
 *   (`rebased`, see `mergeText`); when they touch words that changed too, it is `unplaced`;
 * - a target changed, for any other action (delete, retain, move, an insertion's anchor, words
 *   appended): it still acts on that paragraph, and the change is reported (`changed`);
 * - a target not found: `unplaced`; its targets lose their paragraph id (labels kept), so that
 *   exports list it as not placed and a revision never applies it.
 * Never is a proposal silently compared with a text it was not written against: every proposal
 * whose base is another text gets an entry saying what happened to it.
 */

/** What became of one proposal. */
export type ReanchorOutcome = 'kept' | 'moved' | 'rebased' | 'changed' | 'unplaced';

/** The report on one proposal written against another base. */
export interface ReanchorEntry {
  readonly proposal: ProposalId;
  readonly party: string;
  /** The proposal's label in the base it was written against. */
  readonly label: string;
  /** Its label on the new text, or null when it could not be placed. */
  readonly newLabel: string | null;
  readonly outcome: ReanchorOutcome;
  /** The base it was written against. */
  readonly from: BaseRef;
  /**
   * What happened, naming both bases (by revision name, else title) and the paragraphs:
   * `Rev.1 §2 → Rev.2 §3: §3 was reworded in Rev.2; the proposal's own changes are applied …`.
   */
  readonly message: string;
}

/** Proposals placed on a new text, with the report; or a refusal when a base is unknown. */
export type ReanchorResult =
  | {
      readonly ok: true;
      /** Every proposal, in the order given: unchanged when written against the new text. */
      readonly proposals: readonly Proposal[];
      /** One entry per proposal written against another base, in the order given. */
      readonly entries: readonly ReanchorEntry[];
    }
  | {
      readonly ok: false;
      /** Names the bases not available and the new text. */
      readonly reason: string;
      readonly missing: readonly BaseRef[];
    };

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const fullText = (p: Paragraph): string =>
  norm([p.text, ...p.points.map((pt) => `(${pt.label}) ${pt.text}`)].join(' '));

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

// How alike two texts are, from 0 to 1: twice their longest common subsequence of words over
// their total length. Word order counts, so unrelated paragraphs that share the common words of
// a text ("the", "States", "shall") stay far apart, while a reworded one stays close. Texts too
// long to compare here count as unlike.
const MAX_CELLS = 1_000_000;
const alike = (a: readonly string[], b: readonly string[]): number => {
  if (a.length === 0 || b.length === 0) return 0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n * m > MAX_CELLS) return 0;
  let prev = new Uint32Array(m + 1);
  let row = new Uint32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++)
      row[j] =
        a[pre + i - 1] === b[pre + j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, row[j - 1] as number);
    [prev, row] = [row, prev];
  }
  return (2 * (pre + suf + (prev[m] as number))) / (a.length + b.length);
};

// Paragraphs of the new text that keep most of an old one's words in order count as the same
// paragraph reworded.
const SIMILAR = 0.6;
// How many of an old paragraph's rarest words are used to find candidates for similarity.
const PROBES = 8;
// How many paragraphs the probes may visit in all (a common word names most of the text).
const PROBE_BUDGET = 2000;
// How many of those candidates are compared word for word.
const CANDIDATES = 24;

type Found = { readonly para: Paragraph; readonly how: 'same' | 'changed' };

/** The new text, indexed to find an old paragraph in it. */
class Index {
  readonly byId = new Map<string, Paragraph>();
  readonly byText = new Map<string, Paragraph[]>();
  readonly wordsOf: string[][] = [];
  readonly byWord = new Map<string, number[]>();
  readonly paras: Paragraph[];

  constructor(doc: BisDocument) {
    this.paras = paragraphsOf(doc);
    this.paras.forEach((p, i) => {
      this.byId.set(p.id, p);
      const key = fullText(p);
      this.byText.set(key, [...(this.byText.get(key) ?? []), p]);
      const seq = words(key);
      this.wordsOf.push(seq);
      for (const w of new Set(seq)) {
        const list = this.byWord.get(w);
        if (list) list.push(i);
        else this.byWord.set(w, [i]);
      }
    });
  }

  /** Where `old` (a paragraph of the old base) is in the new text, or null. */
  find(old: Paragraph): Found | null {
    const key = fullText(old);
    const same = this.byId.get(old.id);
    if (same && fullText(same) === key) return { para: same, how: 'same' };
    const byText = this.byText.get(key);
    if (byText?.length)
      return { para: byText.find((p) => p.label === old.label) ?? (byText[0] as Paragraph), how: 'same' };
    const ws = new Set(words(key));
    // Two separate imports of a text may give ids from labels: an id names the same paragraph
    // only when most of its words are still there.
    const seq = words(key);
    if (same && alike(seq, words(fullText(same))) >= SIMILAR) return { para: same, how: 'changed' };
    // Candidates share the old paragraph's rarest words; only the few sharing most of them are
    // compared in full, so that a text of common words does not compare with every paragraph.
    const probes = [...ws].sort(
      (a, b) => (this.byWord.get(a)?.length ?? 0) - (this.byWord.get(b)?.length ?? 0),
    );
    const hits = new Map<number, number>();
    let budget = PROBE_BUDGET;
    for (const w of probes.slice(0, PROBES)) {
      const list = this.byWord.get(w) ?? [];
      // The rarest word always counts; commoner ones only while the budget lasts.
      if (hits.size > 0 && list.length > budget) break;
      budget -= list.length;
      for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    const candidates = [...hits].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);
    let best: { i: number; score: number } | null = null;
    for (const [i] of candidates) {
      const score = alike(seq, this.wordsOf[i] as string[]);
      if (score >= SIMILAR && (!best || score > best.score)) best = { i, score };
    }
    return best ? { para: this.paras[best.i] as Paragraph, how: 'changed' } : null;
  }
}

/** A target's place in the new text. */
type Placed = {
  readonly target: Target;
  readonly how: 'same' | 'changed';
  /** The target's text in the old base and in the new text. */
  readonly oldText: string;
  readonly newText: string;
};

const pointIn = (p: Paragraph, old: Point): { point: Point; how: 'same' | 'changed' } | null => {
  const byText = p.points.find((pt) => norm(pt.text) === norm(old.text));
  if (byText) return { point: byText, how: 'same' };
  const byLabel = p.points.find((pt) => pt.label === old.label);
  return byLabel ? { point: byLabel, how: 'changed' } : null;
};

const where = (t: Target): string => (t.point ? `§${t.label} (${t.point})` : `§${t.label}`);

const placeTarget = (
  t: Target,
  from: ReadonlyMap<string, Paragraph>,
  to: Index,
  fromName: string,
  toName: string,
): Placed | string => {
  if (t.paragraph === null) return `${where(t)} was never resolved against ${fromName}`;
  const old = from.get(t.paragraph);
  if (!old) return `${where(t)} is not a paragraph of ${fromName}`;
  const found = to.find(old);
  if (!found) return `the text of its ${where(t)} is not in ${toName}`;
  if (t.point === null) {
    return {
      target: { paragraph: found.para.id, label: found.para.label, point: null },
      how: found.how,
      oldText: old.text,
      newText: found.para.text,
    };
  }
  const oldPoint = old.points.find((pt) => pt.label === t.point);
  if (!oldPoint) return `${where(t)} is not a point of ${fromName}`;
  const point = pointIn(found.para, oldPoint);
  if (!point) return `the text of its ${where(t)} is not in ${toName}`;
  return {
    target: { paragraph: found.para.id, label: found.para.label, point: point.point.label },
    how: found.how === 'same' && point.how === 'same' ? 'same' : 'changed',
    oldText: oldPoint.text,
    newText: point.point.text,
  };
};

// The proposal's label on the new text: its old label with the old target labels replaced
// (`77` → `78`, `77 bis` → `78 bis`, `92–93` → `93–94`, `69 (b)` → `70 (b)`).
const relabel = (p: Proposal, placed: readonly Placed[]): string => {
  const first = p.targets[p.action === 'move' ? 1 : 0];
  const firstNew = placed[p.action === 'move' ? 1 : 0]?.target;
  if (!first || !firstNew) return p.label;
  if (p.action !== 'move' && p.targets.length > 1) {
    const last = p.targets[p.targets.length - 1] as Target;
    const lastNew = placed[placed.length - 1]?.target as Target;
    const run = new RegExp(`^${escapeRe(first.label)}\\s*[–-]\\s*${escapeRe(last.label)}`);
    if (run.test(p.label)) return p.label.replace(run, `${firstNew.label}–${lastNew.label}`);
  }
  if (p.action === 'move') return p.label;
  const head = new RegExp(`^${escapeRe(first.label)}(?=$|\\s|\\()`);
  return head.test(p.label) ? p.label.replace(head, firstNew.label) : p.label;
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const name = (ref: BaseRef): string => describeBase(ref);
// A base in a row's note: its revision name, else its title.
const short = (ref: BaseRef): string => ref.revision ?? `“${ref.title}”`;

/**
 * Places `proposals` on `to`. A proposal with no `base`, or whose base is `to` (same content
 * hash), is left as it is; any other is re-anchored from its base, which must be among `bases`
 * (looked up by content hash). When a base is not among them, nothing is re-anchored and the
 * result is a refusal naming that base and `to`.
 */
export const reanchorProposals = (
  proposals: readonly Proposal[],
  to: BisDocument,
  bases: readonly BisDocument[],
): ReanchorResult => {
  const toRef = baseRefOf(to);
  const known = new Map(bases.map((d) => [documentHash(d), d]));
  const foreign = proposals.filter((p) => p.base && p.base.hash !== toRef.hash);
  const missing = new Map<string, BaseRef>();
  for (const p of foreign) if (p.base && !known.has(p.base.hash)) missing.set(p.base.hash, p.base);
  if (missing.size > 0) {
    const list = [...missing.values()];
    const count = foreign.filter((p) => p.base && missing.has(p.base.hash)).length;
    return {
      ok: false,
      missing: list,
      reason: `${count} proposal${count === 1 ? ' was' : 's were'} written against ${list.map(name).join(', ')}, not against ${name(toRef)}; give the text${list.length === 1 ? '' : 's'} they were written against to re-anchor them by content`,
    };
  }
  const index = new Index(to);
  const fromIndex = new Map<string, Map<string, Paragraph>>();
  const entries: ReanchorEntry[] = [];
  const out = proposals.map((p) => {
    if (!p.base || p.base.hash === toRef.hash) return p;
    const fromDoc = known.get(p.base.hash) as BisDocument;
    let from = fromIndex.get(p.base.hash);
    if (!from) {
      from = new Map(paragraphsOf(fromDoc).map((x) => [x.id as string, x]));
      fromIndex.set(p.base.hash, from);
    }
    const { proposal, entry } = reanchorOne(p, p.base, from, index, toRef);
    entries.push(entry);
    return proposal;
  });
  return { ok: true, proposals: out, entries };
};

const reanchorOne = (
  p: Proposal,
  base: BaseRef,
  from: ReadonlyMap<string, Paragraph>,
  to: Index,
  toRef: BaseRef,
): { proposal: Proposal; entry: ReanchorEntry } => {
  const fromName = short(base);
  const toName = short(toRef);
  const entry = (outcome: ReanchorOutcome, newLabel: string | null, message: string): ReanchorEntry => ({
    proposal: p.id,
    party: p.party,
    label: p.label,
    newLabel,
    outcome,
    from: base,
    message: `${fromName} §${p.label} ${newLabel === null ? `not placed in ${toName}` : `→ ${toName} §${newLabel}`}: ${message}`,
  });
  const unplaced = (why: string) => ({
    // Unresolved targets: exports list it as not placed, a revision never applies it.
    proposal: { ...p, targets: p.targets.map((t) => ({ ...t, paragraph: null })) },
    entry: entry('unplaced', null, why),
  });
  const placed: Placed[] = [];
  for (const t of p.targets) {
    const r = placeTarget(t, from, to, fromName, toName);
    if (typeof r === 'string') return unplaced(r);
    placed.push(r);
  }
  const newLabel = relabel(p, placed);
  const moved = placed.some(
    (x, i) => x.target.label !== p.targets[i]?.label || x.target.paragraph !== p.targets[i]?.paragraph,
  );
  const changed = placed.filter((x) => x.how === 'changed');
  const targets = placed.map((x) => x.target);
  const onto = { ...p, targets, label: newLabel, base: toRef };
  const mapping = placed.map((x, i) => `${where(p.targets[i] as Target)} → ${where(x.target)}`).join(', ');
  if (changed.length === 0) {
    return moved
      ? { proposal: onto, entry: entry('moved', newLabel, `found by its text (${mapping})`) }
      : { proposal: onto, entry: entry('kept', newLabel, `the text it acts on is unchanged`) };
  }
  const reworded = `${changed.map((x) => where(x.target)).join(', ')} ${changed.length === 1 ? 'was' : 'were'} reworded in ${toName}`;
  const replaces = (p.action === 'amend' || p.action === 'alternative') && !continuesText(p);
  if (!replaces) {
    return {
      proposal: onto,
      entry: entry('changed', newLabel, `${reworded}; the proposal still acts on it (${mapping})`),
    };
  }
  if (placed.length !== 1) return unplaced(`${reworded}, and the proposal rewrites a run of paragraphs`);
  const only = placed[0] as Placed;
  const mine = proposedText(p, only.oldText);
  const merged = mergeText(only.oldText, mine, only.newText);
  if (merged === null) return unplaced(`${reworded} where the proposal changes it`);
  return {
    proposal: { ...onto, text: merged, textMode: 'replace' },
    entry: entry(
      'rebased',
      newLabel,
      `${reworded}; the proposal's own changes are applied to the new wording`,
    ),
  };
};
