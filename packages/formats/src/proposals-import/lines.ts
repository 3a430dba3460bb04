/**
 * The line reader of written proposals: every form that can be told line by line, mixed in one
 * file as e-mails mix them (see `WRITTEN_FORMS` in `written.ts` and docs/import-proposals.md):
 *
 * - headed: `- **§77 (…)** → *Amend*: …`, then its quotation and rationale lines;
 * - statement: `We urge that preambular paragraphs 2, 4 and 7 be retained.`;
 * - compilation: a paragraph header (`Paragraph 5`) and attributed wordings (`• Norway, Government: …`);
 * - inline-marked: `5. We reaffirm ~~the~~ **our** commitment …`, `[WORDS ADDED: …]`;
 * - links: `- **§93 → §93 bis** = …`.
 *
 * Each non-blank line gets a kind (`LineKind`). A line that names a paragraph and is not
 * understood is `unread` and reported; prose that names none is never imported.
 */
import { BisInputError, type ProposalId, proposalId } from '@bis/core';
import { readAttributed, readParagraphHeader } from './attributed';
import { type BaseIndex, indexBase, numberAlternatives, slug } from './build';
import { buildAll } from './build-heads';
import { applyEditMarks } from './edit-marks';
import { readHead, readLink } from './head';
import { dropTrailingMark, stripInline } from './inline';
import type { Head, HeadInput, MutableNote, Shared } from './line-head';
import { eachParagraph, isSectionHeading, newLabelAfter, numberedLine, perParagraph } from './line-shapes';
import { type LinkLine, resolveLinks } from './links';
import { readQuotationStart, takeQuotationRows } from './quotation';
import { isBareAction, isHeadingLike, splitPhrase } from './reason';
import { findReferenceLists } from './ref-list';
import { normalizeLabel, type Reference, showReference } from './reference';
import { partiesOf, withLinks } from './set-parts';
import { namedIn, readStatement } from './statement';
import type { ImportError, LineKind, LineNote, WrittenImport, WrittenImportOptions } from './written-types';

const BULLET = /^(?:[-•·●▪◦‣+–]|\*(?=\s))\s+/;
const RATIONALE_LABEL = /^(?:rationale|justification|reason|why|explanation|note)\s*[:–—-]\s*(.+)$/i;
// An action line under a paragraph header: `Delete.`, `Retain as drafted`, `Amend: “…”`.
const ACTION_LINE =
  /^(?:retain|keep|maintain|support|delete|strike|remove|amend|replace|revise|add|insert|alternative)\b/i;

/** Reads `source` line by line in every line-based form (see the file comment). Pure. */
export const readWrittenLines = (source: string, options: WrittenImportOptions): WrittenImport => {
  const party = options.party.trim();
  if (party === '') throw new BisInputError('a party name is required', 'party', options.party);
  const file = options.fileName ?? null;
  const base: BaseIndex | null = options.base ? indexBase(options.base, normalizeLabel) : null;

  const notes: MutableNote[] = [];
  const errors: ImportError[] = [];
  const unread: ImportError[] = [];
  const heads: Head[] = [];
  const links: (LinkLine & { lineNote: MutableNote })[] = [];
  const forms: string[] = [];
  const insertLabels = new Set<string>();
  const fail = (note: MutableNote, message: string) => {
    note.kind = 'error';
    note.messages.push(message);
    errors.push({ line: note.line, message });
  };
  const useForm = (name: string) => {
    if (!forms.includes(name)) forms.push(name);
  };

  // One slug per party name, not per proposal (a compilation names the same few parties often).
  const slugs = new Map<string, string>();
  const slugOf = (name: string): string => {
    const known = slugs.get(name);
    if (known !== undefined) return known;
    const made = slug(name);
    slugs.set(name, made);
    return made;
  };
  const addHeads = (note: MutableNote, inputs: readonly HeadInput[]): Head[] => {
    const shared: Shared = { texts: [], notes: [], attached: [] };
    const made = inputs.map((input, k) => {
      const who = input.party ?? party;
      const id = proposalId(
        options.newId ? options.newId() : `${slugOf(who)}-${note.line}${k > 0 ? `-${k + 1}` : ''}`,
      );
      if (input.isNew) insertLabels.add(input.ref.from);
      useForm(input.form);
      // Every head built with the same fields in the same order (one object shape for the engine).
      const head: Head = {
        line: note.line,
        id,
        party: who,
        group: input.group ?? null,
        form: input.form,
        isNew: input.isNew,
        ref: input.ref,
        anchor: input.anchor,
        position: input.position,
        targetNote: input.targetNote,
        phrase: input.phrase,
        reasons: input.reasons,
        summary: input.summary,
        shared,
        note,
        oldText: input.oldText,
      };
      return head;
    });
    heads.push(...made);
    note.kind = 'proposal';
    if (made[0]) note.proposal = made[0].id;
    if (made.length > 1) note.messages.push(`${made.length} proposals, one per paragraph`);
    return made;
  };

  // `current` is the proposal that following text and rationale lines belong to; a failed
  // heading keeps its line so that its quotation is not mistaken for prose. `pending` is the
  // paragraph a compilation header (or its current text) named; `continuing` an attributed
  // wording that may run on to the next lines.
  let current: Head | { failed: number } | null = null;
  let pending: Reference | null = null;
  let continuing: Head | null = null;
  const rows = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  const takeQuotation = (start: number, first: string, append: boolean, closers: string) =>
    takeQuotationRows(rows, start, first, append, closers);

  // Reads a quotation that starts at row `i` (after `prefix` was read) into `h`'s text.
  const quoteInto = (i: number, h: Head, quoted: string, note: MutableNote): number => {
    const q = readQuotationStart(quoted);
    if (!q) return i;
    const got = takeQuotation(i, q.body, q.append, q.closers);
    for (let j = i + 1; j <= got.end; j++) {
      const more: MutableNote = { line: j + 1, kind: 'text', proposal: h.id, messages: [] };
      notes.push(more);
      h.shared.attached.push(more);
    }
    if (!got.closed)
      fail(note, 'the quotation is not closed before the next blank line (expected a closing ” or ")');
    h.shared.texts.push({ text: got.text, append: got.append });
    const after = got.after.replace(/^[.,;]$/, '');
    if (after !== '') h.shared.notes.push(stripInline(after.replace(/^\((.*)\)\.?$/, '$1')));
    return got.end;
  };

  for (let i = 0; i < rows.length; i++) {
    const trimmed = (rows[i] ?? '').trim();
    if (trimmed === '') {
      continuing = null;
      continue;
    }
    const line = i + 1;
    const note: MutableNote = { line, kind: 'prose', messages: [] };
    notes.push(note);
    const bulleted = BULLET.test(trimmed);
    const s = trimmed.replace(BULLET, '');

    const link = readLink(s);
    if (link) {
      note.kind = 'link';
      links.push({ line, ...link, lineNote: note });
      current = null;
      pending = null;
      continue;
    }

    const head = readHead(s);
    if (head && !head.ok) {
      fail(note, head.error);
      current = { failed: line };
      continue;
    }
    if (head?.ok) {
      const h = head.head;
      const { action, reason } = splitPhrase(h.phrase);
      const summary =
        h.description !== '' && isHeadingLike(h.description) ? dropTrailingMark(h.description) : action;
      const reasons = [isBareAction(action) ? '' : action, reason, h.description];
      const made = addHeads(
        note,
        (perParagraph(action) ? h.refs.flatMap((r) => eachParagraph(r, base)) : h.refs).map((ref) => ({
          form: 'headed',
          isNew: h.isNew,
          ref,
          anchor: h.anchor,
          position: h.position,
          targetNote: h.targetNote,
          phrase: action,
          reasons,
          summary,
          oldText: null,
        })),
      );
      current = made[0] ?? null;
      pending = null;
      continuing = null;
      if (head.inline !== '' && made[0]) i = quoteInto(i, made[0], head.inline, note);
      continue;
    }

    const quote = readQuotationStart(s);
    if (quote && current === null && pending !== null) {
      // A quotation right under a paragraph header: `Replace with: “…”`, `Add: “…”`.
      const made = addHeads(note, [
        {
          form: 'compilation',
          isNew: false,
          ref: pending,
          anchor: null,
          position: null,
          targetNote: '',
          phrase: quote.append ? 'Add' : 'Amend',
          reasons: [],
          summary: quote.append ? 'Add' : 'Amend',
          oldText: null,
        },
      ]);
      current = made[0] ?? null;
      if (made[0]) i = quoteInto(i, made[0], s, note);
      continue;
    }
    if (quote) {
      const got = takeQuotation(i, quote.body, quote.append, quote.closers);
      const more: MutableNote[] = [];
      for (let j = i + 1; j <= got.end; j++) more.push({ line: j + 1, kind: 'prose', messages: [] });
      notes.push(...more);
      i = got.end;
      if (current === null) {
        note.messages.push('a quotation outside any proposal: not imported');
        continue;
      }
      for (const n of [note, ...more]) n.kind = 'text';
      if ('failed' in current) {
        note.messages.push(`belongs to the proposal on line ${current.failed}, which could not be read`);
        continue;
      }
      for (const n of [note, ...more]) {
        n.proposal = current.id;
        current.shared.attached.push(n);
      }
      if (!got.closed)
        fail(note, 'the quotation is not closed before the next blank line (expected a closing ” or ")');
      if (current.shared.texts.length > 0)
        note.messages.push('a further quotation: joined to the proposed text');
      current.shared.texts.push({ text: got.text, append: got.append });
      const after = got.after.replace(/^[.,;]$/, '');
      if (after !== '') current.shared.notes.push(stripInline(after.replace(/^\((.*)\)\.?$/, '$1')));
      continue;
    }

    // Rationale lines only count after a proposal; prose elsewhere needs no closer look.
    const plain = stripInline(s);
    const rationale =
      current === null ? undefined : (/^\((.+)\)[.;]?$/.exec(plain)?.[1] ?? RATIONALE_LABEL.exec(plain)?.[1]);
    if (rationale !== undefined && current !== null) {
      note.kind = 'rationale';
      if (!('failed' in current)) {
        note.proposal = current.id;
        current.shared.attached.push(note);
        current.shared.notes.push(rationale.trim());
      }
      continue;
    }

    if (pending !== null) {
      const attributed = readAttributed(s);
      if (attributed) {
        const { wording } = attributed;
        const verb = /^(delete|retain|keep|support)\b[^“"]{0,40}$/i.exec(
          stripInline(wording).replace(/[.]$/, ''),
        );
        const phrase = verb ? (verb[1] ?? '') : 'Alternative';
        const made = addHeads(note, [
          {
            form: 'compilation',
            party: attributed.party,
            group: attributed.group,
            isNew: false,
            ref: pending,
            anchor: null,
            position: null,
            targetNote: '',
            phrase,
            reasons: [],
            summary: verb ? phrase : `Alternative wording (${attributed.party})`,
            oldText: null,
          },
        ]);
        const h = made[0];
        current = h ?? null;
        continuing = null;
        if (h && !verb) {
          if (readQuotationStart(wording)) i = quoteInto(i, h, wording, note);
          else {
            if (wording !== '') h.shared.texts.push({ text: wording, append: false });
            continuing = h;
          }
        }
        continue;
      }
      if (current === null && ACTION_LINE.test(plain) && plain.split(/\s+/).length <= 12) {
        // `Delete.`, `Retain as drafted` under a paragraph header.
        const { action, reason } = splitPhrase(dropTrailingMark(plain));
        addHeads(note, [
          {
            form: 'compilation',
            isNew: false,
            ref: pending,
            anchor: null,
            position: null,
            targetNote: '',
            phrase: action,
            reasons: [isBareAction(action) ? '' : action, reason],
            summary: action,
            oldText: null,
          },
        ]);
        current = heads[heads.length - 1] ?? null;
        continue;
      }
    }

    const numbered = numberedLine(s);
    const header = numbered ? null : readParagraphHeader(s);
    if (continuing && !bulleted && !numbered && !header) {
      // The attributed wording runs on.
      note.kind = 'text';
      note.proposal = continuing.id;
      continuing.shared.attached.push(note);
      const last = continuing.shared.texts.pop();
      continuing.shared.texts.push({ text: last ? `${last.text} ${s}` : s, append: false });
      continue;
    }
    continuing = null;

    let statementText = plain;
    if (numbered) {
      const marked = applyEditMarks(numbered.body);
      if (marked.hasEditMarks || marked.hasBold) {
        const made = addHeads(note, [
          {
            form: 'inline',
            isNew: false,
            ref: numbered.ref,
            anchor: null,
            position: null,
            targetNote: '',
            phrase: 'Amend',
            reasons: [],
            summary: 'Amend',
            oldText: stripInline(marked.oldText),
          },
        ]);
        const h = made[0];
        if (h) h.shared.texts.push({ text: marked.newText, append: false });
        current = h ?? null;
        pending = null;
        continue;
      }
      // `PP9 should be deleted`, `OP 40 to 52 should stay as drafted`: a statement that opens with a label.
      const whole = readStatement(plain);
      if (whole?.kind === 'statement') statementText = plain;
      else if (findReferenceLists(numbered.body).length === 0) {
        // The current text of a paragraph, as compilations quote it before the proposals on it.
        note.messages.push(
          `the text of ${showReference(numbered.ref)}: the lines after it may propose wordings for it`,
        );
        pending = numbered.ref;
        current = null;
        continue;
      }
      // A numbered list of statements: `1. We urge that paragraphs 2 and 4 be retained.`
      else statementText = stripInline(numbered.body);
    }
    if (header) {
      note.messages.push(
        `a header for ${showReference(header)}: the lines after it may propose wordings for it`,
      );
      pending = header;
      current = null;
      continue;
    }

    const st = readStatement(statementText);
    if (st?.kind === 'statement') {
      const made = addHeads(
        note,
        st.items
          .flatMap((item) =>
            item.ref && perParagraph(item.phrase)
              ? eachParagraph(item.ref, base).map((ref) => ({ ...item, ref }))
              : [item],
          )
          .map((item) => {
            const isNew = item.phrase === 'Insert';
            const ref =
              item.ref ??
              ({
                from: newLabelAfter(
                  item.anchor?.from ?? '',
                  (l) => insertLabels.has(l) || base?.byLabel.has(l) === true,
                ),
                to: null,
                point: null,
              } satisfies Reference);
            return {
              form: 'statement',
              isNew,
              ref,
              anchor: item.anchor?.from ?? null,
              position: item.position,
              targetNote: '',
              phrase: item.phrase,
              reasons: [st.reason],
              summary: item.phrase,
              oldText: null,
            };
          }),
      );
      if (st.mentioned.length > 0)
        note.messages.push(`${st.mentioned.map(showReference).join(', ')} only mentioned: no proposal on it`);
      current = made[0] ?? null;
      pending = null;
      if (st.quoteAt >= 0 && made[0]) i = quoteInto(i, made[0], statementText.slice(st.quoteAt), note);
      continue;
    }
    if (st?.kind === 'unread') {
      current = null;
      if (st.message.startsWith('no action') && isSectionHeading(s, statementText)) {
        note.messages.push(`a heading naming ${namedIn(statementText)}: nothing to import`);
        pending = null;
        continue;
      }
      const message = `names ${namedIn(statementText)}, but ${st.message} (expected e.g. “§12 → Delete” or “We propose that paragraph 12 be retained.”)`;
      note.kind = 'unread';
      note.messages.push(message);
      unread.push({ line, message });
      continue;
    }
    if (pending !== null && bulleted) {
      // A bullet under a paragraph header that is no attributed wording is not silently skipped.
      const message = `under ${showReference(pending)}, not understood (expected “• Party, Stakeholder group: wording”)`;
      note.kind = 'unread';
      note.messages.push(message);
      unread.push({ line, message });
      continue;
    }

    // Prose (a section heading, the session outcome, a signature) ends the current proposal.
    if (pending !== null && current === null && !isHeadingLike(plain))
      note.messages.push(`the current text of ${showReference(pending)}, as quoted: not imported`);
    current = null;
    if (isHeadingLike(plain) && !/[.;:!?]$/.test(plain)) pending = null;
  }

  const built = buildAll(heads, base, file, fail);
  const linked = resolveLinks(links, built, base);
  for (const l of links) {
    const r = linked.lines.get(l.line);
    if (r?.error) fail(l.lineNote, r.error);
    if (r?.proposal) l.lineNote.proposal = r.proposal;
    if (r?.message) l.lineNote.messages.push(r.message);
  }
  if (links.length > 0) useForm('links');
  errors.sort((a, b) => a.line - b.line);
  return {
    set: {
      base: options.base?.title ?? null,
      parties: partiesOf(heads, party, options, slugOf),
      proposals: withLinks(numberAlternatives(built), linked),
    },
    lines: notes.sort((a, b) => a.line - b.line).map(lineNoteOf),
    errors,
    unread,
    forms,
  };
};

// The note as the result gives it: optional fields only when set (built field by field, not by
// spreading, which is slow on objects of mixed shapes).
const lineNoteOf = (n: MutableNote): LineNote => {
  const out: { line: number; kind: LineKind; proposal?: ProposalId; message?: string } = {
    line: n.line,
    kind: n.kind,
  };
  if (n.proposal !== undefined) out.proposal = n.proposal;
  if (n.messages.length > 0) out.message = n.messages.join('; ');
  return out;
};
