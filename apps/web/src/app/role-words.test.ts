import { describe, expect, it } from 'vitest';
import type { PartyRow } from '../api/client';
import { roleWords } from './role-words';

const PARTIES: PartyRow[] = [
  { id: 'kenya', name: 'Kenya', group: 'member-state', region: 'African Group' },
  { id: 'holy-see', name: 'Holy See', group: 'observer', region: null },
  { id: 'paradigm', name: 'Paradigm Initiative', group: 'civil-society', region: 'Africa' },
  { id: 'itu', name: 'ITU', group: 'un-entity', region: null },
];

describe('roleWords', () => {
  it('calls a Member State’s person a delegate of its delegation', () => {
    expect(roleWords(['delegate'], ['kenya'], PARTIES)).toEqual({
      roles: ['delegate'],
      delegations: ['Kenya'],
      organisations: [],
    });
  });

  it('never calls a civil-society organisation a delegate or a delegation', () => {
    const w = roleWords(['delegate'], ['paradigm'], PARTIES);
    expect(w).toEqual({
      roles: ['civil-society representative'],
      delegations: [],
      organisations: ['Paradigm Initiative'],
    });
    expect([...w.roles, ...w.delegations, ...w.organisations].join(' ')).not.toMatch(/delegat/);
  });

  it('names observer States and UN entities for what they are', () => {
    expect(roleWords(['delegate'], ['holy-see'], PARTIES).roles).toEqual(['delegate of an observer State']);
    expect(roleWords(['delegate'], ['itu'], PARTIES)).toEqual({
      roles: ['representative of a UN entity'],
      delegations: [],
      organisations: ['ITU'],
    });
  });

  it('keeps co-facilitators, observers and the secretariat in their own words', () => {
    expect(roleWords(['co-facilitator'], [], PARTIES).roles).toEqual(['co-facilitator']);
    expect(roleWords(['observer'], [], PARTIES).roles).toEqual(['observer']);
    expect(roleWords(['secretariat', 'co-facilitator'], [], PARTIES).roles).toEqual([
      'secretariat',
      'co-facilitator',
    ]);
  });

  it('lists each role once when one person speaks for two parties of the same kind', () => {
    const two = [...PARTIES, { id: 'uganda', name: 'Uganda', group: 'member-state' as const, region: null }];
    expect(roleWords(['delegate'], ['kenya', 'uganda'], two)).toEqual({
      roles: ['delegate'],
      delegations: ['Kenya', 'Uganda'],
      organisations: [],
    });
  });
});
