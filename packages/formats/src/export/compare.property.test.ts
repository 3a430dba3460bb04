/**
 * Property: comparing a text with a copy that has random insertions, deletions and a
 * renumbering reports exactly those — each inserted paragraph added, each deleted one removed,
 * every other one unchanged and paired with itself (renumbered when its label changed), and no
 * move, merge or split. Seeded; the seed is printed on failure.
 */
import { type BisDocument, type Paragraph, paragraphId } from '@bis/core';
import { docOf, para } from '@bis/core/testing';
import { describe, expect, it } from 'vitest';
import { compareDocuments } from './compare';

const rng = (seed: number) => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
};

// Words of UN operative paragraphs; paragraphs drawn from them share few words by chance.
const VERBS =
  'Calls upon|Urges|Encourages|Requests|Invites|Reaffirms|Recognizes|Stresses|Underlines|Welcomes|Notes with concern|Decides|Emphasizes|Acknowledges|Recommends'.split(
    '|',
  );
const WORDS =
  `States Member stakeholders civil society private sector technical community academia youth women girls
persons disabilities indigenous peoples migrants refugees journalists defenders human rights fundamental freedoms
expression privacy assembly association information access connectivity infrastructure broadband affordability
literacy skills capacity building technology transfer financing investment cooperation partnership dialogue
governance accountability transparency participation inclusion equality non-discrimination development sustainable
goals agenda climate environment resilience disaster risk reduction health education employment decent work social
protection poverty hunger water sanitation energy cities oceans forests biodiversity peace security justice
institutions rule law corruption violence conflict prevention mediation reconciliation humanitarian assistance
protection civilians children elderly rural remote communities regional national local authorities parliaments
courts data statistics monitoring evaluation reporting review follow-up implementation commitments obligations
standards norms principles guidelines frameworks mechanisms platforms forums networks research innovation science
artificial intelligence cybersecurity trust safety online content moderation platforms algorithms accountability
encryption identity digital public goods interoperability open source standards bodies multilateral
intergovernmental organizations specialized agencies funds programmes commissions secretariat resources budget`
    .split(/\s+/)
    .filter(Boolean);

const sentence = (r: () => number): string => {
  const n = 18 + Math.floor(r() * 25);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  return `${VERBS[Math.floor(r() * VERBS.length)]} ${words.join(' ')}.`;
};

const SUFFIX = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies'];

interface Case {
  readonly a: BisDocument;
  readonly b: BisDocument;
  readonly inserted: Set<string>; // ids in b
  readonly deleted: Set<string>; // ids in a
}

const makeCase = (seed: number): Case => {
  const r = rng(seed);
  const n = 5 + Math.floor(r() * 120);
  const olds: Paragraph[] = Array.from({ length: n }, (_, k) => ({
    ...para(String(k + 1), sentence(r)),
    id: paragraphId(`a${k}`),
  }));
  const news: Paragraph[] = [];
  const inserted = new Set<string>();
  const deleted = new Set<string>();
  let fresh = 0;
  const insertAfter = (label: string) => {
    let k = 0;
    while (k < SUFFIX.length - 1 && news.some((p) => p.label === `${label} ${SUFFIX[k]}`)) k++;
    const p = { ...para(`${label} ${SUFFIX[k]}`, sentence(r)), id: paragraphId(`b${fresh++}`) };
    inserted.add(p.id);
    news.push(p);
  };
  if (r() < 0.2) insertAfter('0');
  for (const p of olds) {
    if (r() < 0.12) deleted.add(p.id);
    // Kept paragraphs get new ids: the two versions are separate imports.
    else news.push({ ...p, id: paragraphId(`b${fresh++}`), order: p.order });
    let more = r() < 0.12 ? 1 + Math.floor(r() * 3) : 0;
    while (more-- > 0) insertAfter(p.label);
  }
  const renumber = r() < 0.5;
  const b = renumber ? news.map((p, k) => ({ ...p, label: String(k + 1) })) : news;
  return { a: docOf(...olds), b: docOf(...b), inserted, deleted };
};

describe('compareDocuments, property', () => {
  it('reports exactly the random insertions, deletions and renumbering of a copy', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const { a, b, inserted, deleted } = makeCase(seed);
      const c = compareDocuments(a, b);
      const where = `seed ${seed}`;
      expect(c.alignedBy, where).toBe('text');
      const added = c.rows.filter((r) => r.kind === 'added').map((r) => r.new?.id as string);
      const removed = c.rows.filter((r) => r.kind === 'removed').map((r) => r.old?.id as string);
      expect(new Set(added), where).toEqual(inserted);
      expect(new Set(removed), where).toEqual(deleted);
      for (const r of c.rows.filter((x) => x.old && x.new)) {
        expect(r.kind, where).toBe('unchanged');
        expect(r.structure, where).toBe(null);
        // Each kept paragraph is paired with its own copy: same text, same position among the kept.
        expect(r.new?.text, where).toBe(r.old?.text);
        expect(r.renumbered, where).toBe(r.old?.label !== r.new?.label);
      }
      // Rows follow the new order, and every paragraph of either side is in one row.
      const newOrder = c.rows.flatMap((r) => r.news.map((p) => p.id));
      expect(newOrder, where).toEqual(b.blocks.map((x) => x.id));
      expect(c.rows.flatMap((r) => r.olds).length, where).toBe(a.blocks.length);
    }
  });
});
