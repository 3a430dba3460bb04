import { describe, expect, it } from 'vitest';
import { type Proposal, proposalId } from './model';
import { proposalShapeProblem } from './proposal-shape';

const good: Proposal = {
  id: proposalId('p1'),
  party: 'Kenya',
  coSponsors: [],
  supporters: ['Chile'],
  action: 'amend',
  targets: [{ paragraph: null, label: '77', point: null }],
  position: null,
  label: '77',
  text: 'New words.',
  textMode: 'replace',
  rationale: '',
  summary: '',
  status: 'tabled',
  decision: null,
  decisionNote: '',
  relatedTo: null,
  links: [],
  versions: [{ number: 1, text: 'New words.', rationale: '', tabledAt: '2026-01-01T00:00:00.000Z' }],
  illustrative: false,
  source: { file: 'input.txt', line: 3 },
};

describe('proposalShapeProblem', () => {
  it('accepts a proposal of the model, with or without a base', () => {
    expect(proposalShapeProblem(good)).toBeNull();
    expect(
      proposalShapeProblem({
        ...good,
        base: { symbol: null, revision: 'Rev.1', title: 'T', hash: 'sha256:0' },
      }),
    ).toBeNull();
  });

  it('names the field of a proposal a delegate poisoned through the workspace document', () => {
    expect(proposalShapeProblem({ ...good, targets: [null] })).toBe('targets[0] must be an object');
    expect(proposalShapeProblem({ ...good, targets: [] })).toBe('targets must hold at least 1');
    expect(proposalShapeProblem({ ...good, source: { evil: true } })).toBe('source.file is missing');
    expect(proposalShapeProblem({ ...good, illustrative: 'yes' })).toBe('illustrative must be true or false');
    expect(proposalShapeProblem({ ...good, label: 7 })).toBe('label must be a string');
    expect(proposalShapeProblem({ ...good, action: 'rewrite' })).toMatch(/^action must be one of amend/);
    expect(proposalShapeProblem({ ...good, links: [{ to: 'x' }] })).toBe('links[0].note is missing');
    expect(proposalShapeProblem(null)).toBe('is not an object');
  });
});
