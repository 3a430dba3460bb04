import { describe, expect, it } from 'vitest';
import { type DiffRun, diffWords } from './index';

// Renders runs the way a reviewer reads them: [-deleted-]{+inserted+}.
function marked(runs: readonly DiffRun[]): string {
  return runs
    .map((r) => (r.op === 'equal' ? r.text : r.op === 'insert' ? `{+${r.text}+}` : `[-${r.text}-]`))
    .join('');
}

function sides(runs: readonly DiffRun[]): { old: string; new: string } {
  return {
    old: runs
      .filter((r) => r.op !== 'insert')
      .map((r) => r.text)
      .join(''),
    new: runs
      .filter((r) => r.op !== 'delete')
      .map((r) => r.text)
      .join(''),
  };
}

function expectDiff(oldText: string, newText: string, expected: string): void {
  const runs = diffWords(oldText, newText);
  expect(marked(runs)).toBe(expected);
  expect(sides(runs)).toEqual({ old: oldText, new: newText });
}

describe('diffWords on negotiation text', () => {
  // AU written amendments, §77: the session outcome's sentence against the proposed text.
  const outcome =
    'Digital transformation must center human digital dignity – ensuring that individuals are not only protected online but also empowered, represented, and respected in all digital interactions.';
  const proposal =
    'Digital transformation must centre human digital dignity, ensuring that individuals are protected, represented, and respected in all digital interactions.';

  it('marks the §77 rewording as whole-word changes', () => {
    expectDiff(
      outcome,
      proposal,
      'Digital transformation must [-center-]{+centre+} human digital dignity[- –-]{+,+} ensuring that individuals are [-not only protected online but also empowered-]{+protected+}, represented, and respected in all digital interactions.',
    );
  });

  it('marks an inserted clause with its commas as one insertion', () => {
    expectDiff(
      'Digital transformation must centre human dignity in all digital interactions.',
      'Digital transformation must centre human dignity, including digital dignity, in all digital interactions.',
      'Digital transformation must centre human dignity{+, including digital dignity,+} in all digital interactions.',
    );
  });

  it('marks a spelling change as a whole-word replacement, not letters', () => {
    expectDiff('must centre human', 'must center human', 'must [-centre-]{+center+} human');
  });

  it('puts an inserted word with its following space at a word start', () => {
    expectDiff(
      'We affirm Human Rights Due Diligence',
      'We strongly affirm Human Rights Due Diligence',
      'We {+strongly +}affirm Human Rights Due Diligence',
    );
  });

  it('marks an OHCHR sentence amended in two places', () => {
    // OHCHR report, paragraph 33.
    expectDiff(
      'SSOs themselves have a responsibility to avoid that the standards developed under their auspices facilitate human rights violations and abuses.',
      'SSOs themselves have a responsibility to ensure that the standards developed under their auspices do not facilitate human rights violations and abuses.',
      'SSOs themselves have a responsibility to [-avoid-]{+ensure+} that the standards developed under their auspices {+do not +}facilitate human rights violations and abuses.',
    );
  });

  it('marks a deleted phrase at the end of a sentence before its full stop', () => {
    // OHCHR report, paragraph 35.
    expectDiff(
      'human rights considerations often play only a minor role in technical standard-setting processes.',
      'human rights considerations often play a minor role.',
      'human rights considerations often play [-only -]a minor role[- in technical standard-setting processes-].',
    );
  });

  it('adds to a list without disturbing its commas', () => {
    expectDiff(
      'women, children, persons with disabilities',
      'women, children, elders, Indigenous Peoples, persons with disabilities',
      'women, children, {+elders, Indigenous Peoples, +}persons with disabilities',
    );
  });

  it('absorbs a space between two replaced words into one replacement', () => {
    expectDiff(
      'ensure meaningful participation',
      'ensure full and equal participation',
      'ensure [-meaningful-]{+full and equal+} participation',
    );
    expectDiff('the centre human rights', 'the heart of rights', 'the [-centre human-]{+heart of+} rights');
  });

  it('absorbs a short word between two longer changes', () => {
    expectDiff(
      'Participants discussed the review process',
      'Delegations emphasized the outcome document',
      '[-Participants discussed the review process-]{+Delegations emphasized the outcome document+}',
    );
  });

  it('keeps a phrase of two words or more between changes as kept text', () => {
    expectDiff(
      'Participants discussed in the review process',
      'Delegations emphasized in the outcome process',
      '[-Participants discussed-]{+Delegations emphasized+} in the [-review-]{+outcome+} process',
    );
  });

  it('rewrites a wholly different sentence as one delete and one insert', () => {
    const runs = diffWords(
      'We reaffirm that human rights are central.',
      'Trust is the foundation of the digital economy.',
    );
    expect(runs.map((r) => r.op)).toEqual(['delete', 'insert', 'equal']);
    expect(runs[2]?.text).toBe('.');
  });
});

describe('diffWords in other scripts', () => {
  it('diffs accented Latin by whole words', () => {
    expectDiff(
      'Nous réaffirmons que les droits de l’homme sont essentiels à la société',
      'Nous réaffirmons que les droits humains sont essentiels à la société',
      'Nous réaffirmons que les droits [-de l’homme-]{+humains+} sont essentiels à la société',
    );
    // "sont" alone between two changes no longer than it is absorbed into one.
    expectDiff(
      'les droits de l’homme sont essentiels',
      'les droits humains sont centraux',
      'les droits [-de l’homme sont essentiels-]{+humains sont centraux+}',
    );
    expectDiff('réaffirmons', 'réaffirmé', '[-réaffirmons-]{+réaffirmé+}');
  });

  it('diffs Arabic by whole words', () => {
    expectDiff(
      'نؤكد أن حقوق الإنسان مركزية',
      'نؤكد أن حقوق الإنسان والكرامة الرقمية مركزية',
      'نؤكد أن حقوق الإنسان {+والكرامة الرقمية +}مركزية',
    );
  });

  it('diffs Cyrillic by whole words', () => {
    expectDiff(
      'Мы подтверждаем, что права человека имеют центральное значение.',
      'Мы вновь подтверждаем, что права и свободы человека имеют центральное значение.',
      'Мы {+вновь +}подтверждаем, что права {+и свободы +}человека имеют центральное значение.',
    );
  });

  it('diffs Chinese by characters', () => {
    expectDiff(
      '我们重申人权是核心。',
      '我们重申人权和数字尊严是核心。',
      '我们重申人权{+和数字尊严+}是核心。',
    );
    expectDiff('数字治理', '数据治理', '数[-字-]{+据+}治理');
  });

  it('diffs Japanese by characters', () => {
    expectDiff('人権を尊重する', '人権を保護する', '人権を[-尊重-]{+保護+}する');
  });

  it('diffs Thai by characters, keeping marks with their consonant', () => {
    const runs = diffWords('สิทธิมนุษยชน', 'สิทธิเด็ก');
    expect(sides(runs)).toEqual({ old: 'สิทธิมนุษยชน', new: 'สิทธิเด็ก' });
    expect(runs[0]).toEqual({ op: 'equal', text: 'สิทธิ' });
  });

  it('diffs mixed English and Chinese', () => {
    expectDiff('AI 治理框架', 'AI 伦理框架', 'AI [-治-]{+伦+}理框架');
    expectDiff('Digital 治理', 'AI 治理', '[-Digital-]{+AI+} 治理');
  });
});

describe('diffWords edge cases', () => {
  it('gives no runs for two empty texts', () => {
    expect(diffWords('', '')).toEqual([]);
  });

  it('inserts everything into an empty text', () => {
    expect(diffWords('', 'New text.')).toEqual([{ op: 'insert', text: 'New text.' }]);
  });

  it('deletes everything to an empty text', () => {
    expect(diffWords('Old text.', '')).toEqual([{ op: 'delete', text: 'Old text.' }]);
  });

  it('gives one equal run for identical texts', () => {
    expect(diffWords('Same text.', 'Same text.')).toEqual([{ op: 'equal', text: 'Same text.' }]);
  });

  it('marks whitespace-only changes', () => {
    expectDiff('human  rights', 'human rights', 'human[-  -]{+ +}rights');
    expectDiff('rights.\nWe', 'rights. We', 'rights.[-\n-]{+ +}We');
  });

  it('marks a punctuation-only change', () => {
    expectDiff('rights, and duties', 'rights and duties', 'rights[-,-] and duties');
  });

  it('marks a change of case as a replacement', () => {
    expectDiff('Human Rights Council', 'human rights Council', '[-Human Rights-]{+human rights+} Council');
  });

  it('returns the raw token diff without cleanup', () => {
    const runs = diffWords('the centre human rights', 'the heart of rights', { cleanup: false });
    expect(marked(runs)).toBe('the [-centre-]{+heart+} [-human-]{+of+} rights');
  });

  it('absorbs more words when asked', () => {
    const old = 'Participants discussed in the review process';
    const changed = 'Delegations emphasized in the outcome document';
    expect(marked(diffWords(old, changed, { absorbWords: 2 }))).toBe(
      '[-Participants discussed in the review process-]{+Delegations emphasized in the outcome document+}',
    );
  });

  it('rejects a negative or fractional option', () => {
    expect(() => diffWords('a', 'b', { absorbWords: -1 })).toThrow(RangeError);
    expect(() => diffWords('a', 'b', { maxEditLength: 1.5 })).toThrow(/maxEditLength/);
  });

  it('reports a region that differs by more than maxEditLength tokens as one replacement', () => {
    const runs = diffWords('alpha beta gamma delta', 'alpha one beta two gamma three delta', {
      maxEditLength: 2,
    });
    expect(marked(runs)).toBe('alpha [-beta gamma-]{+one beta two gamma three+} delta');
  });
});

// Each of these diffs takes well under a second alone, but tests run in parallel
// on shared machines; the timeout guards against hangs, not slowness.
describe('diffWords on long texts', { timeout: 30_000 }, () => {
  // A deterministic 10,000-word text made of varied sentences.
  const vocabulary = (
    'human rights due diligence digital transformation standards technical processes participation ' +
    'stakeholders governance dignity inclusion accountability transparency women children elders ' +
    'Indigenous Peoples persons disabilities review outcome document framework principles'
  ).split(' ');
  function longText(words: number, seed: number): string[] {
    const out: string[] = [];
    let s = seed;
    for (let i = 0; i < words; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      out.push(vocabulary[s % vocabulary.length] ?? 'x');
    }
    return out;
  }
  function asText(words: readonly string[]): string {
    // A sentence every twelve words.
    return words.map((w, i) => (i % 12 === 11 ? `${w}.` : w)).join(' ');
  }

  it('finds scattered edits in a 10,000-word text', () => {
    const words = longText(10_000, 7);
    const edited = [...words];
    for (const i of [15, 2_000, 5_555, 9_990]) edited[i] = 'REPLACED';
    edited.splice(7_000, 0, 'INSERTED');
    const runs = diffWords(asText(words), asText(edited));
    expect(sides(runs)).toEqual({ old: asText(words), new: asText(edited) });
    const inserts = runs.filter((r) => r.op === 'insert').map((r) => r.text);
    expect(inserts.filter((t) => t.includes('REPLACED'))).toHaveLength(4);
    expect(inserts.some((t) => t.includes('INSERTED'))).toBe(true);
    // Nothing but the edited sentences is touched.
    const changed = runs.filter((r) => r.op !== 'equal').reduce((n, r) => n + r.text.length, 0);
    expect(changed).toBeLessThan(1_000);
  });

  it('finds edits in many sentences of a 10,000-word text', () => {
    const words = longText(10_000, 11);
    const edited = words.map((w, i) => (i % 40 === 3 ? `${w}ish` : w));
    const runs = diffWords(asText(words), asText(edited));
    expect(sides(runs)).toEqual({ old: asText(words), new: asText(edited) });
    expect(runs.filter((r) => r.op === 'insert')).toHaveLength(250);
  });

  it('finds an edit in every sentence of a 10,000-word text, sentence by sentence', () => {
    const words = longText(10_000, 13);
    // Every fifth word: 2,000 edits, far more than one diff is allowed to explore.
    const edited = words.map((w, i) => (i % 5 === 3 ? `${w}ish` : w));
    const runs = diffWords(asText(words), asText(edited));
    expect(sides(runs)).toEqual({ old: asText(words), new: asText(edited) });
    expect(runs.filter((r) => r.op === 'insert')).toHaveLength(2_000);
    expect(runs.filter((r) => r.op === 'insert').every((r) => r.text.endsWith('ish'))).toBe(true);
  });

  it('handles two wholly different 10,000-word texts', () => {
    const a = asText(longText(10_000, 1));
    const b = asText(longText(10_000, 2));
    const runs = diffWords(a, b);
    expect(sides(runs)).toEqual({ old: a, new: b });
  });
});
