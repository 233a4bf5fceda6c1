import { splitOutcome } from './group-split';

const members = [
  { petitionId: 'lead', ordinal: 1 },
  { petitionId: 'third', ordinal: 3 },
  { petitionId: 'second', ordinal: 2 },
];

describe('splitOutcome', () => {
  it('given a member that does not lead, then one fewer and the same lead', () => {
    expect(splitOutcome({ leadPetitionId: 'lead', members }, 'third')).toEqual({
      ok: true,
      leadPetitionId: 'lead',
      memberCount: 2,
    });
  });

  it('given the lead, then the member that joined next leads (join order, not list order)', () => {
    expect(splitOutcome({ leadPetitionId: 'lead', members }, 'lead')).toEqual({
      ok: true,
      leadPetitionId: 'second',
      memberCount: 2,
    });
  });

  it('given a lead promoted before, then splitting it promotes the next again', () => {
    const after = members.filter((member) => member.petitionId !== 'lead');
    expect(splitOutcome({ leadPetitionId: 'second', members: after }, 'second')).toEqual({
      ok: true,
      leadPetitionId: 'third',
      memberCount: 1,
    });
  });

  it('given a petition outside the group, then not-a-member', () => {
    expect(splitOutcome({ leadPetitionId: 'lead', members }, 'stranger')).toEqual({
      ok: false,
      problem: 'not-a-member',
    });
  });

  it('given the last member, then last-member: a group keeps one', () => {
    expect(splitOutcome({ leadPetitionId: 'lead', members: [members[0]!] }, 'lead')).toEqual({
      ok: false,
      problem: 'last-member',
    });
  });
});
