// Small builders for tests (not exported from the package).
import type { BisDocument, Block, Footnote, Heading, Paragraph, Point, Proposal } from '@bis/core';
import { headingId, orderKey, paragraphId, proposalId } from '@bis/core';

export const fn = (mark: string, offset: number, text: string): Footnote => ({ mark, offset, text });

export const point = (label: string, text: string, footnotes: Footnote[] = []): Point => ({
  label,
  text,
  footnotes,
});

export const para = (
  n: number,
  text: string,
  points: Point[] = [],
  footnotes: Footnote[] = [],
  label = String(n),
): Block => ({
  kind: 'paragraph',
  id: paragraphId(`p${n}`),
  order: orderKey(`k${String(n).padStart(4, '0')}`),
  label,
  text,
  points,
  footnotes,
});

export const heading = (id: string, level: number, num: string | null, title: string): Block => ({
  kind: 'heading',
  id: headingId(id),
  level,
  number: num,
  title,
});

export const sampleDocument = (): BisDocument => ({
  title: 'Report on technical standard-setting and human rights',
  symbol: 'A/HRC/53/42',
  revision: 'Zero draft',
  preamble: 'Summary\n\nIn the present report, the Office examines standard-setting.',
  blocks: [
    heading('h1', 1, 'I', 'Introduction'),
    para(
      1,
      'The Human Rights Council, in its resolution 47/23, requested a report.',
      [],
      [fn('1', 68, 'See A/HRC/RES/47/23.')],
    ),
    para(2, 'Standards matter:', [
      point('a', 'for interoperability;', [fn('2', 0, 'ITU.'), fn('3', 21, 'ISO.')]),
      point('b', 'for safety; and'),
      point('c', ''),
    ]),
    heading('h2', 2, 'A', 'Landscape'),
    heading('h3', 2, null, ''),
    para(3, '', [], [fn('4', 0, 'Empty paragraph footnote.'), fn('5', 0, 'Second at same offset.')]),
    para(4, 'Émigré “quotes” — and emoji 🎉 survive.', [], [], '4 bis'),
  ],
});

// A paragraph with the fields of the text model that sampleDocument leaves out.
const styled = (n: number, label: string, text: string, extra: Partial<Paragraph>): Paragraph => ({
  ...(para(n, text, [], [], label) as Paragraph),
  ...extra,
});

const chapeau = (id: string, title: string, tags?: readonly string[]): Heading => ({
  kind: 'heading',
  id: headingId(id),
  level: 1,
  number: null,
  title,
  role: 'chapeau',
  ...(tags ? { tags } : {}),
});

/**
 * A negotiating text as delegations send it: an unnumbered preamble under its chapeau, a
 * lettered one (`A.`, `B.`, `B bis`), status tags, a tagged chapeau heading, options and a
 * placeholder inside a paragraph, nested brackets, and a bracket opened in one paragraph and
 * closed in the next.
 */
export const negotiationDocument = (): BisDocument => ({
  title: 'Outcome document of the high-level meeting',
  symbol: 'A/80/L.99',
  revision: 'Rev.1',
  preamble: '',
  blocks: [
    chapeau('h0', 'The General Assembly,'),
    styled(1, 'PP1', 'Recalling its resolution 70/125 of 16 December 2015,', { labelStyle: 'unnumbered' }),
    styled(2, 'PP2', 'Welcoming the progress made since the first phase,', {
      labelStyle: 'unnumbered',
      tags: ['agreed'],
    }),
    heading('h1', 1, 'I', 'Preamble'),
    styled(3, 'PP3', 'We, the Ministers, [[assembled in Geneva]],', { labelStyle: 'lettered' }),
    styled(4, 'PP3 bis', '[Option 1: {Placeholder} Option 2: the [ultimate] objective]', {
      labelStyle: 'lettered',
      tags: ['Suggested for Closure', 'ad ref'],
    }),
    chapeau('h2', 'Adopts the following declaration:', ['Preliminarily Agreed']),
    styled(5, '1', '[States shall cooperate', { tags: ['ad ref'] }),
    styled(6, '2', 'in good faith.]', {}),
  ],
});

export const sampleProposal = (id: string, over: Partial<Proposal> = {}): Proposal => ({
  id: proposalId(id),
  party: 'African Group',
  coSponsors: ['Kenya'],
  supporters: ['Brazil', 'Norway'],
  action: 'amend',
  targets: [{ paragraph: paragraphId('p1'), label: '1', point: null }],
  position: null,
  label: '1',
  text: 'New text of paragraph 1.',
  textMode: 'replace',
  rationale: 'Clarity.',
  summary: 'Clarify',
  status: 'tabled',
  decision: null,
  decisionNote: '',
  relatedTo: null,
  links: [],
  versions: [
    { number: 1, text: 'New text of paragraph 1.', rationale: 'Clarity.', tabledAt: '2026-01-02T10:00:00Z' },
  ],
  illustrative: true,
  source: null,
  ...over,
});

/** A seeded random source (mulberry32) for the randomized tests. */
export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

/** A seeded random source (mulberry32): the same seed gives the same sequence. */
export const rng = (seed: number): Rng => {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] as (typeof xs)[number] };
};
