/**
 * Import of written proposals: the amendments a delegation or stakeholder sends by e-mail, in
 * the form of `fixtures/au-wsis20-written-amendments.txt`:
 *
 * ```
 * - **§77 (current opening on human rights centrality)** → *Amend*: Add reference to **digital dignity**.
 *
 * “We reaffirm that human rights are central ... Digital transformation must centre …”
 *
 * - **New §77 bis (after §77)** → *Insert HRDD by default*:
 * - **§100–101 (on AI research + fellowships)** → *Keep but strengthen:* Explicitly link to …
 * Add: “...with a particular focus on …”
 * (This goes beyond the Charter — it’s about enforceable norms & governance.)
 * - **§93 → §93 bis** = Elevates children’s digital rights from protective to proactive.
 * ```
 *
 * Each line is classified (see `LineKind`); everything that is not a proposal, its text, its
 * rationale or a link between proposals is prose and is never imported. The grammar and the
 * decisions (summary vs rationale, "keep but strengthen") are documented in
 * `docs/import-proposals.md`.
 */
import type {
  BisDocument,
  Party,
  Proposal,
  ProposalId,
  ProposalLink,
  ProposalSet,
  StakeholderGroup,
} from '@bis/core';
import { BisInputError, partyId, proposalId } from '@bis/core';
import { readAction } from './actions';
import { buildProposal, indexBase, slug, splitLeadingEllipsis } from './build';
import { dropTrailingMark, stripInline } from './inline';
import { closeQuotation, readQuotationStart } from './quotation';
import { normalizeLabel, type Reference, readReference, referenceLabel, showReference } from './reference';

/** What a line of written input was understood as. */
export type LineKind = 'proposal' | 'text' | 'rationale' | 'link' | 'prose' | 'error';

/** One non-blank line of the input and what the import made of it. */
export interface LineNote {
  /** 1-based line number. */
  readonly line: number;
  readonly kind: LineKind;
  /** The proposal the line belongs to (a link line: the proposal the link starts from). */
  readonly proposal?: ProposalId;
  /** A remark for the reviewer: a choice the import made, or what is wrong. */
  readonly message?: string;
}

/** A problem that makes the import unusable as it stands; callers (the CLI) fail on any. */
export interface ImportError {
  readonly line: number;
  /** What is wrong, without the place: `§97 bis is not a paragraph of "…"` (show as `file:line: message`). */
  readonly message: string;
}

/** The result of importing written proposals. */
export interface WrittenImport {
  /** The proposals understood (also when there are errors, for review). */
  readonly set: ProposalSet;
  /** Every non-blank line, in order, with its kind. */
  readonly lines: readonly LineNote[];
  readonly errors: readonly ImportError[];
}

/** Options of `importWrittenProposals`. */
export interface WrittenImportOptions {
  /** The proponent, as given on the command line: `African Union`. */
  readonly party: string;
  /** The party's stakeholder group (default `member-state`). */
  readonly group?: StakeholderGroup;
  /** The party's region, if known. */
  readonly region?: string;
  /** The file name recorded in each proposal's `source`. */
  readonly fileName?: string;
  /** A base text to resolve labels against; without one, targets keep their labels only. */
  readonly base?: BisDocument;
  /** Makes proposal ids; called once per proposal in file order. Default: `<party-slug>-<line>`. */
  readonly newId?: () => string;
}

interface Head {
  readonly line: number;
  readonly id: ProposalId;
  readonly isNew: boolean;
  readonly ref: Reference;
  readonly anchor: string | null;
  readonly position: 'after' | 'before' | null;
  readonly targetNote: string;
  readonly phrase: string;
  readonly description: string;
  readonly texts: { text: string; append: boolean }[];
  readonly notes: string[];
  readonly note: MutableNote;
  /** The text and rationale lines that belong to it. */
  readonly attached: MutableNote[];
}

interface MutableNote {
  line: number;
  kind: LineKind;
  proposal?: ProposalId;
  messages: string[];
}

interface Link {
  readonly line: number;
  readonly from: Reference;
  readonly to: Reference;
  readonly note: string;
  readonly lineNote: MutableNote;
}

const BULLET = /^(?:[-•+–]|\*(?=\s))\s+/;
// No leading `\s*`: the engine can then scan for the arrow itself; callers trim around it.
const ARROW = /→|->|=>|⇒/;
const HEAD_START = /^(?:new\s+)?(?:§|(?:paras?\.?|paragraphs?)\s*(?:OP|PP)?\s*\d|(?:OP|PP)\s*\d)/i;
const RATIONALE_LABEL = /^(?:rationale|justification|reason|why|explanation|note)\s*[:–—-]\s*(.+)$/i;

type HeadReading =
  | {
      readonly ok: true;
      readonly head: Omit<Head, 'line' | 'id' | 'texts' | 'notes' | 'note' | 'attached'>;
      inline: string;
    }
  | { readonly ok: false; readonly error: string };

/** Reads a proposal heading (`**§77 (…)** → *Amend*: …`), or null when `s` is not one. */
const readHead = (s: string): HeadReading | null => {
  if (!HEAD_START.test(s.replace(/^[*_\s]+/, ''))) return null;
  const arrow = ARROW.exec(s);
  if (!arrow) return null;
  const left = s
    .slice(0, arrow.index)
    .replace(/\*\*|__/g, '')
    .trim();
  const right = s.slice(arrow.index + arrow[0].length).trim();
  const isNew = /^new\s+/i.test(left);
  const read = readReference(left.replace(/^new\s+/i, ''));
  if (!read) return { ok: false, error: `cannot read the paragraph reference in “${left}”` };

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
  if (phrase === '') return { ok: false, error: `no action after the arrow (write e.g. “→ Amend:”)` };
  const rest = after.replace(/^\s*[:.;–—-]?\s*/, '');
  // A quotation on the heading line itself is the proposed text, not a description.
  const inlineQuote = readQuotationStart(rest) !== null;
  return {
    ok: true,
    head: {
      isNew,
      ref: read.ref,
      anchor,
      position,
      targetNote: stripInline(targetNote),
      phrase,
      description: inlineQuote ? '' : stripInline(rest),
    },
    inline: inlineQuote ? rest : '',
  };
};

/** Reads a link line (`**§93 → §93 bis** = Elevates …`), or null. */
const readLink = (s: string): { from: Reference; to: Reference; note: string } | null => {
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

/** Imports written proposals from `source` (the text of an e-mail or document). Pure: no IO. */
export const importWrittenProposals = (source: string, options: WrittenImportOptions): WrittenImport => {
  const party = options.party.trim();
  if (party === '') throw new BisInputError('a party name is required', 'party', options.party);
  const partySlug = slug(party);
  const file = options.fileName ?? null;

  const notes: MutableNote[] = [];
  const errors: ImportError[] = [];
  const heads: Head[] = [];
  const links: Link[] = [];
  const fail = (note: MutableNote, message: string) => {
    note.kind = 'error';
    note.messages.push(message);
    errors.push({ line: note.line, message });
  };

  // `current` is the proposal that following text and rationale lines belong to; a failed
  // heading keeps its line so that its quotation is not mistaken for prose.
  let current: Head | { failed: number } | null = null;
  const rows = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  const takeQuotation = (start: number, first: string, append: boolean, closers: string) => {
    // Returns the quotation's text, what follows its close, and the last line it used.
    const parts = [first];
    let closed = closeQuotation(first, closers);
    let end = start;
    while (!closed && end + 1 < rows.length && (rows[end + 1] ?? '').trim() !== '') {
      end++;
      const next = (rows[end] ?? '').trim();
      parts.push(next);
      closed = closeQuotation(next, closers);
    }
    const joined = parts.join(' ');
    const c = closeQuotation(joined, closers);
    return { text: c ? c.text : joined, after: c ? c.after : '', closed: c !== null, end, append };
  };

  for (let i = 0; i < rows.length; i++) {
    const trimmed = (rows[i] ?? '').trim();
    if (trimmed === '') continue;
    const line = i + 1;
    const note: MutableNote = { line, kind: 'prose', messages: [] };
    notes.push(note);
    const s = trimmed.replace(BULLET, '');

    const link = readLink(s);
    if (link) {
      note.kind = 'link';
      links.push({ line, ...link, lineNote: note });
      current = null;
      continue;
    }

    const head = readHead(s);
    if (head && !head.ok) {
      fail(note, head.error);
      current = { failed: line };
      continue;
    }
    if (head?.ok) {
      const id = proposalId(options.newId ? options.newId() : `${partySlug}-${line}`);
      note.kind = 'proposal';
      note.proposal = id;
      const h: Head = { ...head.head, line, id, texts: [], notes: [], note, attached: [] };
      heads.push(h);
      current = h;
      const q = head.inline === '' ? null : readQuotationStart(head.inline);
      if (q) {
        const got = takeQuotation(i, q.body, q.append, q.closers);
        if (!got.closed) fail(note, 'the quotation is not closed');
        h.texts.push({ text: got.text, append: got.append });
        if (got.after.replace(/^[.,;]$/, '') !== '') h.notes.push(stripInline(got.after));
      }
      continue;
    }

    const quote = readQuotationStart(s);
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
        current.attached.push(n);
      }
      if (!got.closed) fail(note, 'the quotation is not closed before the next blank line');
      if (current.texts.length > 0) note.messages.push('a further quotation: joined to the proposed text');
      current.texts.push({ text: got.text, append: got.append });
      const after = got.after.replace(/^[.,;]$/, '');
      if (after !== '') current.notes.push(stripInline(after.replace(/^\((.*)\)\.?$/, '$1')));
      continue;
    }

    // Rationale lines only count after a proposal; prose elsewhere needs no closer look.
    const plain = current === null ? '' : stripInline(s);
    const rationale = /^\((.+)\)[.;]?$/.exec(plain)?.[1] ?? RATIONALE_LABEL.exec(plain)?.[1];
    if (rationale !== undefined && current !== null) {
      note.kind = 'rationale';
      if (!('failed' in current)) {
        note.proposal = current.id;
        current.attached.push(note);
        current.notes.push(rationale.trim());
      }
      continue;
    }

    // Prose (a section heading, the session outcome, a signature) ends the current proposal.
    current = null;
  }

  const base = options.base ? indexBase(options.base, normalizeLabel) : null;
  const built: Proposal[] = [];
  for (const h of heads) {
    const hasText = h.texts.length > 0;
    const reading = readAction(h.phrase, { isNew: h.isNew, hasText });
    if (!reading) {
      fail(h.note, `unknown action “${h.phrase}” (write Amend, Insert, Delete, Move, Keep or Alternative)`);
      delete h.note.proposal;
      for (const n of h.attached) {
        delete n.proposal;
        n.messages.push(`belongs to the proposal on line ${h.line}, which could not be read`);
      }
      continue;
    }
    let text = h.texts.map((t) => stripInline(t.text)).join(' ');
    const ellipsis = splitLeadingEllipsis(text);
    text = ellipsis.text;
    const appended = reading.forceAppend || ellipsis.appended || h.texts.some((t) => t.append);
    if (/\s(?:\.{3}|…)\s/.test(text))
      h.note.messages.push('the proposed text elides current text with “...”; kept as written');
    if (reading.note) h.note.messages.push(reading.note);
    if (h.targetNote !== '') h.note.messages.push(`about the target: “${h.targetNote}”`);

    let anchor = h.anchor;
    let position = h.position;
    if (reading.action === 'move' && anchor === null) {
      // `→ Move after §80`: the anchor is in the description or the phrase.
      const where = /\b(after|before)\s+(§.+)$/i.exec(`${h.phrase} ${h.description}`);
      const ref = where?.[2] === undefined ? null : readReference(where[2]);
      if (where && ref) {
        anchor = ref.ref.from;
        position = where[1]?.toLowerCase() === 'before' ? 'before' : 'after';
      }
    }

    const rationaleParts = [h.description, ...h.notes].filter((x) => x !== '');
    if (rationaleParts.length === 0 && reading.action === 'retain') rationaleParts.push(h.phrase);
    const { proposal, problems } = buildProposal(
      {
        id: h.id,
        party,
        action: reading.action,
        ref: h.ref,
        anchor,
        position,
        text: text.trim(),
        textMode: reading.action === 'amend' && appended ? 'append' : 'replace',
        summary: h.description !== '' ? dropTrailingMark(h.description) : h.phrase,
        rationale: rationaleParts.join(' '),
        coSponsors: [],
        supporters: [],
        source: { file, line: h.line },
      },
      base,
    );
    for (const p of problems) fail(h.note, p);
    built.push(proposal);
  }

  const linksOf = resolveLinks(links, built, fail);
  const proposals = built.map((p) => {
    const extra = linksOf.get(p.id);
    return extra ? { ...p, links: extra } : p;
  });

  const theParty: Party = {
    id: partyId(partySlug),
    name: party,
    group: options.group ?? 'member-state',
    region: options.region ?? null,
  };
  errors.sort((a, b) => a.line - b.line);
  return {
    set: { base: options.base?.title ?? null, parties: [theParty], proposals },
    lines: notes
      .sort((a, b) => a.line - b.line)
      .map(({ messages, ...n }) => (messages.length > 0 ? { ...n, message: messages.join('; ') } : n)),
    errors,
  };
};

/**
 * Attaches each link to the proposals it names. A label named by several proposals (the AU
 * file has two on §97 bis) resolves to the pair closest together in the file: links tie
 * neighbouring items of one section.
 */
const resolveLinks = (
  links: readonly Link[],
  proposals: readonly Proposal[],
  fail: (note: MutableNote, message: string) => void,
): Map<ProposalId, ProposalLink[]> => {
  const out = new Map<ProposalId, ProposalLink[]>();
  // Proposals by label, in file order (they are built in file order).
  const byLabel = new Map<string, Proposal[]>();
  for (const p of proposals) byLabel.set(p.label, [...(byLabel.get(p.label) ?? []), p]);
  const named = (ref: Reference) => byLabel.get(referenceLabel(ref)) ?? [];
  const lineOf = (p: Proposal) => p.source?.line ?? 0;
  for (const link of links) {
    const from = named(link.from);
    const to = named(link.to);
    if (from.length === 0 || to.length === 0) {
      const missing = [from.length === 0 ? link.from : null, to.length === 0 ? link.to : null]
        .filter((r): r is Reference => r !== null)
        .map(showReference)
        .join(' and ');
      fail(link.lineNote, `the link names ${missing}, which no proposal in this file is on`);
      continue;
    }
    const best = closestPair(from, to, lineOf);
    if (!best) {
      fail(link.lineNote, `a proposal cannot link to itself (${showReference(link.from)})`);
      continue;
    }
    const [a, b] = best;
    link.lineNote.proposal = a.id;
    if (from.length > 1 || to.length > 1)
      link.lineNote.messages.push(
        `several proposals carry these labels; linked line ${lineOf(a)} to line ${lineOf(b)}, the closest pair`,
      );
    out.set(a.id, [...(out.get(a.id) ?? []), { to: b.id, note: link.note }]);
  }
  return out;
};

/**
 * The pair (one of `as`, one of `bs`, not the same proposal) whose lines are closest; the
 * earliest such pair on a tie. Both lists are in line order, so one merge pass finds it.
 */
const closestPair = (
  as: readonly Proposal[],
  bs: readonly Proposal[],
  lineOf: (p: Proposal) => number,
): [Proposal, Proposal] | null => {
  let best: [Proposal, Proposal] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (a: Proposal, b: Proposal) => {
    const d = Math.abs(lineOf(a) - lineOf(b));
    if (a.id !== b.id && d < bestDistance) {
      best = [a, b];
      bestDistance = d;
    }
  };
  let j = 0;
  for (const a of as) {
    // Advance to the first b at or after a; the closest b to a is that one or the one before.
    while (j < bs.length && lineOf(bs[j] as Proposal) < lineOf(a)) j++;
    const before = bs[j - 1];
    if (before) consider(a, before);
    const at = bs[j];
    if (at) consider(a, at);
    const after = bs[j + 1];
    // `at` may be `a` itself (a link from a label to the same label): then look one further.
    if (after && at?.id === a.id) consider(a, after);
  }
  return best;
};
