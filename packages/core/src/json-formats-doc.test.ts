import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentFromJSON, documentToJSON, proposalsFromJSON, proposalsToJSON } from './index';

// The examples in docs/json-formats.md are part of the contract: each must read back.
const doc = readFileSync(new URL('../../../docs/json-formats.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1] ?? '') as { format: string },
);

describe('docs/json-formats.md', () => {
  it('has a minimum and a full example of each format', () => {
    expect(examples.map((e) => e.format)).toEqual([
      'bis.document/2',
      'bis.document/2',
      'bis.proposals/2',
      'bis.proposals/2',
    ]);
  });

  it('documents examples that read without error', () => {
    for (const e of examples) {
      if (e.format.startsWith('bis.document/')) expect(documentFromJSON(e).blocks.length).toBeGreaterThan(0);
      else expect(proposalsFromJSON(e).proposals.length).toBeGreaterThan(0);
    }
  });

  it('writes the full examples back exactly as documented', () => {
    const [, fullDoc, , fullProposals] = examples;
    expect(documentToJSON(documentFromJSON(fullDoc))).toEqual(fullDoc);
    expect(proposalsToJSON(proposalsFromJSON(fullProposals))).toEqual(fullProposals);
  });
});
