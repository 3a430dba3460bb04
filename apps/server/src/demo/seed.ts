/**
 * The demo process, seeded on first start from fixtures/ (DESIGN.md "The demo"): the OHCHR
 * report on technical standard-setting as the zero draft; Kenya, the European Union, Paradigm
 * Initiative and the African Union as parties; co-facilitators, delegates and an observer; a few
 * illustrative proposals tabled, supported and decided; and the African Union's real written
 * amendments imported into its workspace with their labels unresolved (they target the WSIS+20
 * zero draft, which is not among the fixtures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StakeholderGroup } from '@bis/core';
import type { Principal } from '../auth/principal';
import type { Services } from '../commands/context';
import { createParty, invite } from '../commands/people';
import { createProcess } from '../commands/processes';
import { decide, endorse, importProposals, table } from '../commands/proposals';
import type { Role, UserRow } from '../db/types';
import { ILLUSTRATIVE_INPUT } from './proposals';

/** The demo process id. */
export const DEMO_PROCESS = 'demo';

/** A demo person and what they can do. */
export interface DemoPerson {
  readonly userId: string;
  /** How the console describes them: `Co-facilitator`, `Delegate of Kenya` … */
  readonly label: string;
}

const PARTIES: { id: string; name: string; group: StakeholderGroup; region: string | null }[] = [
  { id: 'kenya', name: 'Kenya', group: 'member-state', region: 'African Group' },
  { id: 'european-union', name: 'European Union', group: 'group-of-states', region: 'Europe' },
  { id: 'paradigm-initiative', name: 'Paradigm Initiative', group: 'civil-society', region: 'Africa' },
  { id: 'african-union', name: 'African Union', group: 'group-of-states', region: 'Africa' },
];

const PEOPLE: { name: string; label: string; role?: Role; party?: string }[] = [
  { name: 'Co-facilitator A', label: 'Co-facilitator', role: 'co-facilitator' },
  { name: 'Co-facilitator B', label: 'Co-facilitator', role: 'co-facilitator' },
  { name: 'Delegate of Kenya', label: 'Delegate of Kenya (member state)', party: 'kenya' },
  { name: 'Second delegate of Kenya', label: 'Delegate of Kenya (member state)', party: 'kenya' },
  {
    name: 'Delegate of the European Union',
    label: 'Delegate of the European Union (regional group)',
    party: 'european-union',
  },
  { name: 'Paradigm Initiative', label: 'Paradigm Initiative (civil society)', party: 'paradigm-initiative' },
  { name: 'Delegate of the African Union', label: 'Delegate of the African Union', party: 'african-union' },
  { name: 'Observer', label: 'Observer', role: 'observer' },
];

const as = (u: UserRow): Principal => ({ userId: u.id, name: u.name, admin: u.admin, via: 'token' });

/** Seeds the demo process; returns the people to print sign-in links for (the admin first). */
export const seedDemo = async (svc: Services, admin: UserRow): Promise<DemoPerson[]> => {
  const dir = svc.config.fixturesDir;
  const root = as(admin);
  await createProcess(svc, root, {
    id: DEMO_PROCESS,
    title:
      'Human rights and technical standard-setting processes for new and emerging digital technologies (demo)',
    revisionName: 'Zero draft',
    public: true,
    text: readFileSync(join(dir, 'ohchr-standard-setting-report.txt'), 'utf8'),
    fileName: 'ohchr-standard-setting-report.txt',
  });
  for (const p of PARTIES) createParty(svc, root, DEMO_PROCESS, p);
  const people = new Map<string, UserRow>();
  for (const person of PEOPLE) {
    const { user } = invite(svc, root, DEMO_PROCESS, {
      name: person.name,
      ...(person.role ? { role: person.role } : {}),
      ...(person.party ? { party: person.party } : {}),
    });
    people.set(person.name, user);
  }
  const member = (name: string): Principal => as(people.get(name) as UserRow);

  const tabled: Record<string, string[]> = {};
  for (const [party, text] of Object.entries(ILLUSTRATIVE_INPUT)) {
    const by = member(PEOPLE.find((x) => x.party === party)?.name as string);
    const { drafts } = await importProposals(
      svc,
      by,
      DEMO_PROCESS,
      party,
      { text, fileName: `demo-${party}.txt`, resolve: true },
      true,
    );
    tabled[party] = [];
    for (const d of drafts) tabled[party].push((await table(svc, by, DEMO_PROCESS, party, d.id)).id);
  }
  const kenya = tabled.kenya ?? [];
  const eu = tabled['european-union'] ?? [];
  const pi = tabled['paradigm-initiative'] ?? [];
  if (kenya[1]) {
    await endorse(svc, member('Paradigm Initiative'), DEMO_PROCESS, kenya[1], {
      party: 'paradigm-initiative',
      kind: 'support',
      add: true,
    });
    await endorse(svc, member('Delegate of the European Union'), DEMO_PROCESS, kenya[1], {
      party: 'european-union',
      kind: 'co-sponsor',
      add: true,
    });
  }
  if (pi[0])
    await endorse(svc, member('Delegate of Kenya'), DEMO_PROCESS, pi[0], {
      party: 'kenya',
      kind: 'support',
      add: true,
    });
  if (eu[0])
    await decide(svc, member('Co-facilitator A'), DEMO_PROCESS, eu[0], {
      decision: 'accepted-as-modified',
      note: 'Illustrative decision: targets to be set by each organization.',
    });

  // The African Union's real written amendments: imported as written input, labels unresolved.
  await importProposals(svc, member('Delegate of the African Union'), DEMO_PROCESS, 'african-union', {
    text: readFileSync(join(dir, 'au-wsis20-written-amendments.txt'), 'utf8'),
    fileName: 'au-wsis20-written-amendments.txt',
  });

  return [
    { userId: admin.id, label: 'Administrator (secretariat)' },
    ...PEOPLE.map((p) => ({ userId: (people.get(p.name) as UserRow).id, label: p.label })),
  ];
};

/** The demo people of an already seeded database (for fresh links on a later start). */
export const demoPeople = (svc: Services): DemoPerson[] => {
  if (!svc.db.getProcess(DEMO_PROCESS)) return [];
  const out: DemoPerson[] = [];
  const seen = new Set<string>();
  for (const r of svc.db.listRoles(DEMO_PROCESS)) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    const parties = svc.db.partiesOf(DEMO_PROCESS, r.userId).map((p) => p.name);
    out.push({
      userId: r.userId,
      label: parties.length ? `${r.name} (${parties.join(', ')})` : `${r.name} (${r.role})`,
    });
  }
  return out;
};
