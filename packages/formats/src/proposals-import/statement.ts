/**
 * Statements that name paragraphs and ask for something in ordinary words, as delegations write
 * them in letters and e-mails:
 *
 * ```
 * We urge that preambular paragraphs 2, 4 and 7 be retained.
 * OP 40 to 52 should stay as drafted.
 * paras 18, 61 and 99 – keep the references to the Tunis Agenda
 * Delete §§40–42; retain §43.
 * We propose that paragraph 12 be amended to read: “…”
 * Insert a new paragraph after paragraph 30: “…”
 * Move paragraph 5 after paragraph 9.
 * ```
 *
 * Every paragraph of every list becomes one item (a range, one item per paragraph later, when the
 * proposals are built). A line that names paragraphs but whose action cannot be told is returned
 * as `unread`, never dropped.
 */

import { findReferenceLists } from './ref-list';
import type { Reference } from './reference';

/** The action a statement asks for, as a phrase `readAction` understands. */
export type StatementPhrase = 'Retain' | 'Delete' | 'Amend' | 'Insert' | 'Move' | 'Keep but strengthen';

/** One paragraph (or run) a statement acts on. */
export interface StatementItem {
  /** The paragraph acted on; null for a new paragraph whose label the caller makes (after `anchor`). */
  readonly ref: Reference | null;
  readonly phrase: StatementPhrase;
  /** For an insertion or a move: the paragraph it goes after/before. */
  readonly anchor: Reference | null;
  readonly position: 'after' | 'before' | null;
}

/** What a line read as a statement gives. */
export type StatementReading =
  | {
      readonly kind: 'statement';
      readonly items: readonly StatementItem[];
      /** What the proponent says for it: the words after `–` when the line opens with the list, else the line. */
      readonly reason: string;
      /** Offset of a quotation (the proposed text) in the line, or -1. */
      readonly quoteAt: number;
      /** Paragraphs the line only mentions (in a reason: `it duplicates PP3`). */
      readonly mentioned: readonly Reference[];
    }
  | { readonly kind: 'unread'; readonly refs: readonly Reference[]; readonly message: string };

type Kind = 'retain' | 'delete' | 'amend' | 'strengthen' | 'insert' | 'move';

// Words that ask for an action, with their inflections. Checked on a whole clause.
const VERBS: readonly (readonly [Kind, RegExp])[] = [
  [
    'retain',
    /\b(?:retain(?:s|ed|ing)?|retention|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|preserv(?:e|es|ed|ing)|support(?:s|ed|ing)?|(?:stay|stays|remain|remains|left)\s+(?:as\s+(?:drafted|is|it\s+is)|unchanged|intact)|as\s+drafted)\b/gi,
  ],
  [
    'delete',
    /\b(?:delet(?:e|es|ed|ing|ion)|strik(?:e|es|ing)|struck|remov(?:e|es|ed|ing|al)|drop(?:s|ped|ping)?|omit(?:s|ted|ting)?|omission)\b/gi,
  ],
  ['strengthen', /\b(?:strengthen(?:s|ed|ing)?|expand(?:s|ed|ing)?|complement(?:s|ed|ing)?)\b/gi],
  [
    'amend',
    /\b(?:amend(?:s|ed|ing|ment|ments)?|revis(?:e|es|ed|ing|ion)|replac(?:e|es|ed|ing)|reword(?:s|ed|ing)?|modif(?:y|ies|ied|ying)|to\s+read|read\s+as\s+follows)\b/gi,
  ],
  [
    'insert',
    /\b(?:insert(?:s|ed|ing|ion)?|(?:add|adding|include|including)\s+(?:a\s+)?new\s+paragraph|new\s+paragraph)\b/gi,
  ],
  ['move', /\b(?:mov(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|transfer(?:s|red|ring)?)\b/gi],
];
// Words that turn the action round: "should not be deleted", "we oppose the deletion of".
const NEGATION =
  /\b(?:not|never|cannot|can't|no\s+longer|oppos(?:e|es|ed|ing)|object(?:s|ed)?\s+to|against|reject(?:s|ed|ing)?)\b/i;
const REJECTION =
  /\b(?:oppos(?:e|es|ed|ing)|reject(?:s|ed|ing)?|cannot\s+(?:accept|support|agree\s+(?:to|with)))\b/i;
// Where one clause ends and another begins, when a line asks for more than one thing.
const CLAUSE_BREAK =
  /;|:\s|\.\s+(?=[A-Z])|,?\s+(?:but|while|whereas)\s+|,\s*(?:as|because|since|which|where)\s+|,?\s+and\s+(?=(?:to\s+|we\s+\w+\s+)?(?:retain|keep|delet|strike|remov|amend|replac|insert|move)\w*)/gi;
const WHERE = /\b(after|following|(?:to\s+)?follow|before|preceding|(?:to\s+)?precede)\s+$/i;
const QUOTE_OPEN = /[“"„«]/;

interface Clause {
  readonly start: number;
  readonly end: number;
  readonly kinds: ReadonlySet<Kind>;
  readonly negated: boolean;
  readonly rejection: boolean;
}

const clausesOf = (s: string): Clause[] => {
  const cuts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m !== null; m = CLAUSE_BREAK.exec(s)) cuts.push(m.index + m[0].length);
  cuts.push(s.length);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const text = s.slice(start, end);
    const kinds = new Set<Kind>();
    for (const [kind, re] of VERBS) {
      re.lastIndex = 0;
      if (re.test(text)) kinds.add(kind);
    }
    out.push({ start, end, kinds, negated: NEGATION.test(text), rejection: REJECTION.test(text) });
  }
  return out;
};

// The single action a clause asks for, or a reason why it cannot be told.
const actionOf = (c: Clause): StatementPhrase | { problem: string } => {
  const k = new Set(c.kinds);
  // "Support" next to another verb only introduces it ("we support the deletion of …").
  if (k.size > 1 && k.has('retain') && !k.has('strengthen')) k.delete('retain');
  if (k.has('strengthen') && (k.has('retain') || k.has('amend'))) {
    if (k.has('retain') && k.size === 2 && !c.negated) return 'Keep but strengthen';
    k.delete('strengthen');
    if (k.size === 0) k.add('amend');
  }
  if (k.has('strengthen')) {
    k.delete('strengthen');
    k.add('amend');
  }
  if (k.size === 0)
    return c.rejection
      ? 'Delete'
      : { problem: 'no action was understood (retain, delete, amend, insert, move)' };
  if (k.size > 1) return { problem: `more than one action is named (${[...k].join(', ')})` };
  const kind = [...k][0] as Kind;
  if (c.negated) {
    if (kind === 'retain') return 'Delete';
    if (kind === 'delete' || kind === 'amend') return 'Retain';
    return { problem: `a negated ${kind} is not understood` };
  }
  const phrases: Record<Exclude<Kind, 'strengthen'>, StatementPhrase> = {
    retain: 'Retain',
    delete: 'Delete',
    amend: 'Amend',
    insert: 'Insert',
    move: 'Move',
  };
  return phrases[kind as Exclude<Kind, 'strengthen'>];
};

const show = (refs: readonly Reference[]): string =>
  refs.map((r) => `§${r.from}${r.to ? `–${r.to}` : ''}${r.point ? ` (${r.point})` : ''}`).join(', ');

/**
 * Reads a line as a statement. Null when the line names no paragraph; `unread` when it names some
 * but the action cannot be told (the caller reports the line).
 */
export const readStatement = (s: string): StatementReading | null => {
  const quoteAt = s.search(QUOTE_OPEN);
  // Only what comes before the proposed text is read for references and verbs.
  const head = quoteAt < 0 ? s : s.slice(0, quoteAt);
  const lists = findReferenceLists(head);
  if (lists.length === 0) return null;
  const all = lists.flatMap((l) => l.refs);
  const clauses = clausesOf(head);
  const clauseAt = (i: number) =>
    clauses.find((c) => i >= c.start && i < c.end) ?? clauses[clauses.length - 1];

  const items: StatementItem[] = [];
  const byClause = new Map<Clause, { list: (typeof lists)[number]; where: RegExpExecArray | null }[]>();
  for (const list of lists) {
    const c = clauseAt(list.index) as Clause;
    byClause.set(c, [
      ...(byClause.get(c) ?? []),
      { list, where: WHERE.exec(head.slice(c.start, list.index)) },
    ]);
  }
  // A clause that names paragraphs but asks for nothing takes the action of the clause before it
  // when that one names none (`Retain: §18`); otherwise its paragraphs are only mentioned
  // (`PP9 should be deleted: it duplicates PP3`), unless no clause asks for anything at all.
  const acting = [...byClause.keys()].filter((c) => c.kinds.size > 0 || c.rejection);
  const mentioned: Reference[] = [];
  for (const [clause, entries] of byClause) {
    let own: Clause = clause;
    if (clause.kinds.size === 0 && !clause.rejection) {
      const before = clauses[clauses.indexOf(clause) - 1];
      if (before && (before.kinds.size > 0 || before.rejection) && !byClause.has(before)) own = before;
      else if (acting.length > 0) {
        mentioned.push(...entries.flatMap((e) => e.list.refs));
        continue;
      }
    }
    const action = actionOf(own);
    if (typeof action !== 'string') return { kind: 'unread', refs: all, message: action.problem };
    const anchors = entries.filter((e) => e.where !== null);
    const subjects = entries.filter((e) => e.where === null);
    if (action === 'Move' || action === 'Insert') {
      const anchorEntry = anchors[0];
      const anchor = anchorEntry?.list.refs[0] ?? null;
      const position = /^(?:bef|(?:to\s+)?prec)/i.test(anchorEntry?.where?.[1] ?? '') ? 'before' : 'after';
      if (action === 'Move' && (anchor === null || subjects.length === 0))
        return {
          kind: 'unread',
          refs: all,
          message: 'a move needs the paragraph and where it goes (“after paragraph N”)',
        };
      const moved = subjects.flatMap((e) => e.list.refs);
      if (action === 'Insert' && moved.length === 0 && anchor !== null) {
        // "Insert a new paragraph after paragraph 30": the new label is made by the caller.
        items.push({ ref: null, phrase: action, anchor, position });
        continue;
      }
      if (action === 'Insert' && anchor === null && moved.length === 0)
        return { kind: 'unread', refs: all, message: 'an insertion needs its place (“after paragraph N”)' };
      for (const ref of moved)
        items.push({ ref, phrase: action, anchor: anchor ?? null, position: anchor ? position : null });
      continue;
    }
    for (const e of entries)
      for (const ref of e.list.refs) items.push({ ref, phrase: action, anchor: null, position: null });
  }

  if (items.length === 0)
    return { kind: 'unread', refs: all, message: 'the action names no paragraph of its own' };
  const first = lists[0];
  const lead =
    first !== undefined && first.index === 0
      ? /^\s*(?:\([^)]*\))?\s*[–—:-]\s*(.+)$/.exec(head.slice(first.end))
      : null;
  const reason = (lead?.[1] ?? head).trim().replace(/\s*[:,]$/, '');
  return { kind: 'statement', items, reason, quoteAt, mentioned };
};

/** Says which paragraphs a line names, for the message of a line that was not understood. */
export const namedIn = (s: string): string => show(findReferenceLists(s).flatMap((l) => l.refs));
