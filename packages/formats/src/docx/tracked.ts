/**
 * Proposals from a copy of the base text that a delegation edited with Word's track changes.
 *
 * The body's Word paragraphs are grouped as Bis reads a text: a numbered paragraph (typed or
 * automatic number, as it was before the changes) with the points and lines that follow it. A
 * group that existed and has changes becomes an `amend` — of the one point when only one point
 * changed, else of the paragraph, its points written as `(a) …` lines — or a `delete` when all
 * of it is deleted. A group that is all inserted becomes an `insert` after the paragraph before
 * it, labelled as typed (`12 bis.`) or with the next free Latin suffix.
 *
 * A paragraph deleted whole (its text and its paragraph mark) is a `delete` and ends there: the
 * unchanged lines after it (an unnumbered heading, a line of text) stay where they are. Word
 * paragraphs in a heading style are headings whatever their text says. A paragraph moved with
 * Word's move tracking (`w:moveFrom` here, `w:moveTo` there, one move name) is a `move` after
 * the paragraph before its new place. Word comments whose range covers a change (or whose
 * reference stands in a changed paragraph) become that proposal's rationale.
 */

import { labelForInsert } from '@bis/core';
import type { ProposalSpec } from '../proposals-import/build';
import { normalizeLabel } from '../proposals-import/reference';
import { classifyPlain } from '../text-import/blocks';
import { type DocxComment, type DocxParagraph, newText, oldText, type Revision } from './read';

/** A proposal found in a track-changed copy, before it is built against the base. */
export interface TrackedFinding {
  readonly spec: Omit<ProposalSpec, 'id' | 'party' | 'coSponsors' | 'supporters' | 'source'>;
  /** The Word paragraph (1-based, in body order) where the changes start. */
  readonly line: number;
  /** Who made the changes, as Word recorded them. */
  readonly revisions: readonly Revision[];
}

interface Part {
  readonly line: number;
  readonly point: string | null;
  readonly old: string;
  readonly new: string;
  readonly changed: boolean;
  readonly inserted: boolean;
  readonly deleted: boolean;
  readonly revisions: Revision[];
  /** The move's name when every change of the paragraph is one tracked move. */
  readonly move: string | null;
  /** Comments on the paragraph's changes, by id. */
  readonly comments: string[];
}

interface Group {
  readonly label: string | null;
  readonly line: number;
  readonly inserted: boolean;
  readonly parts: Part[];
}

const changedIn = (p: DocxParagraph): boolean =>
  p.markInserted !== null || p.markDeleted !== null || p.segments.some((s) => s.op !== 'equal');
const allInserted = (p: DocxParagraph): boolean =>
  (p.markInserted !== null || p.segments.length > 0) && p.segments.every((s) => s.op === 'insert');
const allDeleted = (p: DocxParagraph): boolean =>
  p.segments.length > 0 && p.segments.every((s) => s.op === 'delete');

// The move a paragraph's changes all belong to, if they do.
// Words edited inside the moved text where it lands are plain insertions and deletions.
const moveOf = (p: DocxParagraph): string | null => {
  const names = new Set(p.segments.flatMap((s) => (s.move !== undefined ? [s.move] : [])));
  if (p.markMove !== undefined) names.add(p.markMove);
  const [only] = names;
  if (names.size !== 1 || !only) return null;
  return p.segments.some((s) => s.op === 'equal' && s.text.trim() !== '') ? null : only;
};

// The paragraph where a moved paragraph lands (its moved text read as inserted).
const landing = (p: DocxParagraph): boolean =>
  moveOf(p) !== null && p.segments.some((s) => s.move !== undefined && s.op === 'insert');

// Comments on the changes of a paragraph (ranges over changed pieces, references in it).
const commentsOf = (p: DocxParagraph): string[] => {
  if (!changedIn(p)) return [];
  const ids = new Set<string>(p.commentRefs ?? []);
  for (const s of p.segments)
    if (s.op !== 'equal' || p.markDeleted || p.markInserted) for (const c of s.comments ?? []) ids.add(c);
  return [...ids];
};

const isHeadingStyle = (p: DocxParagraph): boolean =>
  p.headingLevel !== null || /^(title|subtitle)$/i.test(p.style ?? '');

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const partText = (part: Part, which: 'old' | 'new'): string => {
  const k = classifyPlain(part[which], part.line);
  if (k.kind === 'paragraph' || k.kind === 'point') return collapse(k.text);
  return collapse(part[which]);
};

const dateOnly = (d: string | null): string => (d ? d.slice(0, 10) : '');

/** A note naming the revision authors (and first date), e.g. `Word revisions by Jane Doe (2025-07-10)`. */
export const revisionNote = (revisions: readonly Revision[]): string => {
  const authors = [...new Set(revisions.map((r) => r.author))];
  const dates = revisions
    .map((r) => dateOnly(r.date))
    .filter(Boolean)
    .sort();
  return authors.length ? `Word revisions by ${authors.join(', ')}${dates[0] ? ` (${dates[0]})` : ''}` : '';
};

/**
 * Finds the proposals in the body paragraphs of a track-changed copy. Returns them and the
 * problems met (a changed paragraph with no label to name it by).
 */
export const findTrackedProposals = (
  paragraphs: readonly DocxParagraph[],
  comments: ReadonlyMap<string, DocxComment> = new Map(),
): { findings: TrackedFinding[]; problems: { line: number; message: string }[] } => {
  const groups: Group[] = [];
  const problems: { line: number; message: string }[] = [];
  let group: Group | null = null;
  paragraphs.forEach((p, i) => {
    const line = i + 1;
    const inserted = (allInserted(p) && changedIn(p)) || landing(p);
    const oldLine = `${p.oldNumber ? `${p.oldNumber}\t` : ''}${oldText(p)}`;
    // A new paragraph's automatic number is the renumbered one; only a typed label counts.
    const newLine = `${p.number && !inserted ? `${p.number}\t` : ''}${newText(p)}`;
    const kind = classifyPlain(inserted ? newLine : oldLine, line);
    // A Word heading style makes a heading whatever the text looks like ("Follow-up and review").
    const what = isHeadingStyle(p) ? 'heading' : kind.kind;
    const revisions = p.segments.flatMap((s) => (s.revision ? [s.revision] : []));
    if (p.markInserted) revisions.push(p.markInserted);
    if (p.markDeleted) revisions.push(p.markDeleted);
    const part: Part = {
      line,
      point: what === 'point' && kind.kind === 'point' ? kind.label.toLowerCase() : null,
      old: inserted ? '' : oldLine,
      new: newLine,
      changed: changedIn(p),
      inserted,
      deleted: allDeleted(p),
      revisions,
      move: moveOf(p),
      comments: commentsOf(p),
    };
    if (what === 'paragraph' || what === 'heading' || (inserted && what === 'text' && !group?.inserted)) {
      group =
        what === 'heading'
          ? null
          : {
              label: kind.kind === 'paragraph' ? normalizeLabel(kind.label) : null,
              line,
              inserted,
              parts: [part],
            };
      if (group) groups.push(group);
      else if (part.changed)
        problems.push({ line, message: 'changes to a heading are not imported as proposals' });
      return;
    }
    if (kind.kind === 'blank' && !part.changed) return;
    // After a paragraph deleted whole, unchanged text that is not one of its points is not its.
    const head = group?.parts[0];
    if (group && head?.deleted && !part.changed && part.point === null) {
      group = null;
      return;
    }
    if (group) group.parts.push(part);
    else if (part.changed)
      problems.push({ line, message: 'changes before the first numbered paragraph are not imported' });
  });

  const findings: TrackedFinding[] = [];
  // The labels as they stand, inserted ones included, for choosing the next free suffix.
  const labels = groups.filter((g) => !g.inserted && g.label).map((g) => g.label as string);
  const rationaleOf = (parts: readonly Part[]): string =>
    [...new Set(parts.flatMap((p) => p.comments))]
      .map((id) => comments.get(id)?.text ?? '')
      .filter(Boolean)
      .join(' ');
  // Both ends of each move: the paragraph it leaves (deleted) and where it lands (inserted).
  const moveOfGroup = (g: Group): string | null => {
    const changed = g.parts.filter((p) => p.changed);
    const name = changed[0]?.move ?? null;
    const whole = g.inserted || g.parts.every((p) => p.deleted || (!p.changed && p.old.trim() === ''));
    return name !== null && whole && changed.every((p) => p.move === name) ? name : null;
  };
  const from = new Map<string, Group>();
  const to = new Map<string, Group>();
  for (const g of groups) {
    const name = moveOfGroup(g);
    if (name !== null && g.label !== null) (g.inserted ? to : from).set(name, g);
  }
  const moved = new Set([...from.keys()].filter((name) => to.has(name)));
  let anchor: string | null = null;
  for (const g of groups) {
    const revisions = g.parts.flatMap((p) => p.revisions);
    const name = moveOfGroup(g);
    if (name !== null && moved.has(name)) {
      const left = from.get(name) as Group;
      // Where it leaves, nothing is proposed; insertions there stay after the paragraph before.
      if (!g.inserted) continue;
      const label = left.label as string;
      const all = [...left.parts, ...g.parts];
      // Words changed in the moved text: an amendment beside the move.
      const before = left.parts
        .map((p) => partText(p, 'old'))
        .filter(Boolean)
        .join('\n');
      const after = g.parts
        .map((p) => partText(p, 'new'))
        .filter(Boolean)
        .join('\n');
      const revs = all.flatMap((p) => p.revisions);
      const first = labels.find((l) => l !== label);
      findings.push({
        line: g.line,
        revisions: revs,
        spec: {
          action: 'move',
          ref: { from: label, to: null, point: null },
          anchor: anchor ?? first ?? null,
          position: anchor === null ? 'before' : 'after',
          text: '',
          textMode: 'replace',
          summary: revisionNote(revs),
          rationale: rationaleOf(all),
        },
      });
      if (collapse(before) !== collapse(after)) {
        findings.push({
          line: g.line,
          revisions: revs,
          spec: {
            action: 'amend',
            ref: { from: label, to: null, point: null },
            anchor: null,
            position: null,
            text: after,
            textMode: 'replace',
            summary: revisionNote(revs),
            rationale: rationaleOf(all),
          },
        });
      }
      anchor = label;
      continue;
    }
    if (g.inserted) {
      const index: number = anchor === null ? 0 : labels.indexOf(anchor) + 1;
      const label: string = g.label ?? labelForInsert(labels, index);
      labels.splice(index, 0, label);
      const [head, ...points] = g.parts;
      const text = [
        head ? partText(head, 'new') : '',
        ...points.map((p) => (p.point ? `(${p.point}) ${partText(p, 'new')}` : partText(p, 'new'))),
      ]
        .filter(Boolean)
        .join('\n');
      const first = labels[index + 1];
      findings.push({
        line: g.line,
        revisions,
        spec: {
          action: 'insert',
          ref: { from: label, to: null, point: null },
          anchor: anchor ?? first ?? null,
          position: anchor === null ? 'before' : 'after',
          text,
          textMode: 'replace',
          summary: revisionNote(revisions),
          rationale: rationaleOf(g.parts),
        },
      });
      anchor = label;
      continue;
    }
    anchor = g.label;
    const changed = g.parts.filter((p) => p.changed);
    if (changed.length === 0) continue;
    if (g.label === null) {
      problems.push({ line: g.line, message: 'a changed paragraph has no number to name it by' });
      continue;
    }
    const base = {
      textMode: 'replace' as const,
      summary: revisionNote(revisions),
      rationale: rationaleOf(g.parts),
      anchor: null,
      position: null,
    };
    if (g.parts.every((p) => p.deleted || (!p.changed && p.old.trim() === ''))) {
      findings.push({
        line: g.line,
        revisions,
        spec: { ...base, action: 'delete', ref: { from: g.label, to: null, point: null }, text: '' },
      });
      continue;
    }
    const only = changed.length === 1 ? changed[0] : undefined;
    if (only?.point && !only.inserted && !only.deleted) {
      findings.push({
        line: only.line,
        revisions,
        spec: {
          ...base,
          action: 'amend',
          ref: { from: g.label, to: null, point: only.point },
          text: partText(only, 'new'),
        },
      });
      continue;
    }
    const text = g.parts
      .filter((p) => !p.deleted && p.new.trim() !== '')
      .map((p, k) => (k > 0 && p.point ? `(${p.point}) ${partText(p, 'new')}` : partText(p, 'new')))
      .join('\n');
    findings.push({
      line: g.line,
      revisions,
      spec: { ...base, action: 'amend', ref: { from: g.label, to: null, point: null }, text },
    });
  }
  return { findings, problems };
};
