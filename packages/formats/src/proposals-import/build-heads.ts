/**
 * The second pass of the line reader: decides each head's action, finds what the file itself
 * inserts (so that later, or earlier, proposals may name those paragraphs), and builds the
 * proposals.
 */
import type { Proposal } from '@bis/core';
import { readAction } from './actions';
import { type BaseIndex, buildProposal, type FileInsertion, splitLeadingEllipsis } from './build';
import { applyEditMarks } from './edit-marks';
import { stripInline } from './inline';
import type { Head, MutableNote } from './line-head';
import { sentences } from './reason';
import { findReferenceLists } from './ref-list';
import { impliedAnchor } from './reference';

// What the written form expects, added to the problems that `buildProposal` words for every importer.
const HINTS: readonly (readonly [RegExp, string])[] = [
  [/has no proposed text$/, ' (expected the new wording in quotation marks after it: “…”)'],
  [/^a deletion takes no text/, ' (expected “§N → Delete” with no quotation)'],
];

/** Decides each head's action, then builds the proposals with what the file itself inserts. */
export const buildAll = (
  heads: readonly Head[],
  base: BaseIndex | null,
  file: string | null,
  fail: (note: MutableNote, message: string) => void,
): Proposal[] => {
  const readings = heads.map((h) =>
    readAction(h.phrase, { isNew: h.isNew, hasText: h.shared.texts.length > 0 }),
  );
  // What the file inserts, by label: later (and earlier) proposals may name these paragraphs.
  const inserted = new Map<string, FileInsertion>();
  heads.forEach((h, k) => {
    if (readings[k]?.action !== 'insert' || inserted.has(h.ref.from)) return;
    inserted.set(h.ref.from, {
      id: h.id,
      anchor: h.anchor ?? impliedAnchor(h.ref.from),
      position: h.position,
      line: h.line,
    });
  });

  const built: Proposal[] = [];
  heads.forEach((h, k) => {
    const reading = readings[k];
    if (!reading) {
      fail(
        h.note,
        `unknown action “${h.phrase}” (expected “§N → Amend: …” with Amend, Insert, Delete, Move, Keep or Alternative)`,
      );
      delete h.note.proposal;
      for (const n of h.shared.attached) {
        delete n.proposal;
        n.messages.push(`belongs to the proposal on line ${h.line}, which could not be read`);
      }
      return;
    }
    let text = h.shared.texts.map((t) => stripInline(applyEditMarks(t.text).newText)).join(' ');
    const ellipsis = splitLeadingEllipsis(text);
    text = ellipsis.text;
    const appended = reading.forceAppend || ellipsis.appended || h.shared.texts.some((t) => t.append);
    const own = (m: string) => {
      if (!h.note.messages.includes(m)) h.note.messages.push(m);
    };
    if (/\s(?:\.{3}|…)\s/.test(text))
      own('the proposed text elides current text with “...”; kept as written');
    if (reading.note) own(reading.note);
    if (h.targetNote !== '') own(`about the target: “${h.targetNote}”`);

    let anchor = h.anchor;
    let position = h.position;
    if (reading.action === 'move' && anchor === null) {
      // `→ Move after §80`: the anchor is in the phrase or the reasons.
      const where = /\b(after|before)\s+(§.+)$/i.exec([h.phrase, ...h.reasons].join(' '));
      const ref = where?.[2] === undefined ? null : readAnchor(where[2]);
      if (where && ref) {
        anchor = ref;
        position = where[1]?.toLowerCase() === 'before' ? 'before' : 'after';
      }
    }

    const rationaleParts = [...h.reasons, ...h.shared.notes];
    if (sentences(rationaleParts) === '' && reading.action === 'retain') rationaleParts.push(h.phrase);
    const { proposal, problems, notes } = buildProposal(
      {
        id: h.id,
        party: h.party,
        action: reading.action,
        ref: h.ref,
        anchor,
        position,
        text: text.trim(),
        textMode: reading.action === 'amend' && appended ? 'append' : 'replace',
        summary: h.summary,
        rationale: sentences(rationaleParts),
        coSponsors: [],
        supporters: [],
        source: { file, line: h.line },
      },
      base,
      { inserted },
    );
    for (const m of notes) own(m);
    for (const p of problems) fail(h.note, p + (HINTS.find(([re]) => re.test(p))?.[1] ?? ''));
    if (h.oldText !== null && base) checkOldText(h, base, own);
    built.push(proposal);
  });
  return built;
};

const readAnchor = (s: string): string | null => findReferenceLists(s)[0]?.refs[0]?.from ?? null;

// An inline-marked paragraph states its current text too: say when it is not the base's.
const checkOldText = (h: Head, base: BaseIndex, own: (m: string) => void): void => {
  const i = base.byLabel.get(h.ref.from);
  const para = i === undefined ? undefined : base.paragraphs[i];
  if (!para || h.oldText === null) return;
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  if (norm(para.text) !== norm(h.oldText))
    own(
      `the text without the marked edits is not the text of §${para.label} in "${base.title}": check the marks`,
    );
};
