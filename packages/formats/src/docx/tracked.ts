/**
 * Proposals from a copy of the base text that a delegation edited with Word's track changes.
 *
 * The body's Word paragraphs are grouped as Bis reads a text: a numbered paragraph (typed or
 * automatic number, as it was before the changes) with the points and lines that follow it. A
 * group that existed and has changes becomes an `amend` — of the one point when only one point
 * changed, else of the paragraph, its points written as `(a) …` lines — or a `delete` when all
 * of it is deleted. A group that is all inserted becomes an `insert` after the paragraph before
 * it, labelled as typed (`12 bis.`) or with the next free Latin suffix.
 */

import { labelForInsert } from '@bis/core';
import type { ProposalSpec } from '../proposals-import/build';
import { normalizeLabel } from '../proposals-import/reference';
import { classifyPlain } from '../text-import/blocks';
import { type DocxParagraph, newText, oldText, type Revision } from './read';

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
): { findings: TrackedFinding[]; problems: { line: number; message: string }[] } => {
  const groups: Group[] = [];
  const problems: { line: number; message: string }[] = [];
  let group: Group | null = null;
  paragraphs.forEach((p, i) => {
    const line = i + 1;
    const inserted = allInserted(p) && changedIn(p);
    const oldLine = `${p.oldNumber ? `${p.oldNumber}\t` : ''}${oldText(p)}`;
    // A new paragraph's automatic number is the renumbered one; only a typed label counts.
    const newLine = `${p.number && !inserted ? `${p.number}\t` : ''}${newText(p)}`;
    const kind = classifyPlain(inserted ? newLine : oldLine, line);
    const revisions = p.segments.flatMap((s) => (s.revision ? [s.revision] : []));
    if (p.markInserted) revisions.push(p.markInserted);
    if (p.markDeleted) revisions.push(p.markDeleted);
    const part: Part = {
      line,
      point: kind.kind === 'point' ? kind.label.toLowerCase() : null,
      old: inserted ? '' : oldLine,
      new: newLine,
      changed: changedIn(p),
      inserted,
      deleted: allDeleted(p),
      revisions,
    };
    if (
      kind.kind === 'paragraph' ||
      kind.kind === 'heading' ||
      (inserted && kind.kind === 'text' && !group?.inserted)
    ) {
      group =
        kind.kind === 'heading'
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
    if (group) group.parts.push(part);
    else if (part.changed)
      problems.push({ line, message: 'changes before the first numbered paragraph are not imported' });
  });

  const findings: TrackedFinding[] = [];
  // The labels as they stand, inserted ones included, for choosing the next free suffix.
  const labels = groups.filter((g) => !g.inserted && g.label).map((g) => g.label as string);
  let anchor: string | null = null;
  for (const g of groups) {
    const revisions = g.parts.flatMap((p) => p.revisions);
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
          rationale: '',
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
      rationale: '',
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
