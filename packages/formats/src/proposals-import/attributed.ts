/**
 * Compilations of written inputs: a paragraph of the base text, then the wording each proponent
 * proposes for it, attributed by name and stakeholder group, as secretariats compile them:
 *
 * ```
 * Paragraph 5
 * We reaffirm our commitment to the WSIS vision …
 * • Norway, Government: We reaffirm our commitment to a people-centred …
 * • Access Now, Civil Society: “We reaffirm our commitment to a rights-based …”
 * • United States, Government: Delete.
 * ```
 *
 * This file reads the two kinds of line the form adds: the paragraph header and the attributed
 * wording. The line reader keeps the paragraph the header named until the next one.
 */
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@bis/core';
import { readLeadingList } from './ref-list';
import type { Reference } from './reference';

// How compilations name stakeholder groups → the group.
const GROUPS: readonly (readonly [RegExp, StakeholderGroup])[] = [
  [/^(?:government|member\s+states?|states?|country)$/i, 'member-state'],
  [/^(?:group\s+of\s+states|regional\s+group|negotiating\s+group|political\s+group)$/i, 'group-of-states'],
  [
    /^(?:civil\s+society(?:\s+organi[sz]ation)?|cso|ngo|non-governmental\s+organi[sz]ation)$/i,
    'civil-society',
  ],
  [/^(?:private\s+sector|business|industry)$/i, 'private-sector'],
  [/^(?:technical\s+(?:and\s+academic\s+)?community|technical)$/i, 'technical-community'],
  [/^(?:academia|academic(?:\s+community)?|research)$/i, 'academia'],
  [
    /^(?:intergovernmental(?:\s+organi[sz]ation)?|igo|international\s+organi[sz]ation)$/i,
    'intergovernmental',
  ],
  [/^(?:un\s+entity|united\s+nations(?:\s+entity)?|un\s+system|un\s+agency)$/i, 'un-entity'],
  [/^(?:observer(?:\s+state)?)$/i, 'observer'],
];

/** The stakeholder group a compilation's word names (`Government`, `Civil Society`), or null. */
export const groupOf = (word: string): StakeholderGroup | null => {
  const w = word.trim().replace(/\s+/g, ' ');
  const exact = STAKEHOLDER_GROUPS.find((g) => g === w.toLowerCase());
  if (exact) return exact;
  for (const [re, group] of GROUPS) if (re.test(w)) return group;
  return null;
};

/** An attributed wording: `• Norway, Government: <wording>`. */
export interface Attributed {
  readonly party: string;
  readonly group: StakeholderGroup;
  /** The wording as written (quotes and marks still in). */
  readonly wording: string;
}

// `Norway, Government: …`, `Access Now (Civil Society): …`, `Norway [Government]: …`, `Norway – Government: …`.
const ATTRIBUTED =
  /^([^:()[\]“"]{2,120}?)\s*(?:,\s*|\(\s*|\[\s*|\s[–—-]\s*)([A-Za-z][A-Za-z\s-]{1,48}?)\s*[)\]]?\s*:\s*(.*)$/;

/** Reads an attributed wording from a line without its bullet, or null. */
export const readAttributed = (s: string): Attributed | null => {
  const m = ATTRIBUTED.exec(s.replace(/\*\*|__/g, ''));
  if (!m) return null;
  const group = groupOf(m[2] ?? '');
  if (group === null) return null;
  return { party: (m[1] ?? '').trim(), group, wording: (m[3] ?? '').trim() };
};

/**
 * Reads a paragraph header: a line that is only a reference, as a compilation heads each
 * paragraph (`Paragraph 5`, `**Para. 5**`, `§5:`, `OP 12 (Zero draft)`, `### PP3`). Null otherwise.
 */
export const readParagraphHeader = (s: string): Reference | null => {
  const t = s
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .trim();
  const list = readLeadingList(t);
  if (!list) return null;
  const [ref, ...more] = list.refs;
  if (ref === undefined || more.length > 0) return null;
  // Allowed after the reference: a colon, a parenthesis naming the text (`(Zero draft)`), nothing.
  return /^(?:\([^)]{0,60}\))?\s*[:.]?$/.test(list.rest) ? ref : null;
};
