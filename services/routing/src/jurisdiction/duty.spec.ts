import { DEMO_DISTRICT } from '@petitions/district';
import { dutyOfficerFor } from './duty';

const TUESDAY_2005 = new Date('2026-07-07T12:05:00Z'); // 20:05 in Beijing
const TUESDAY_1000 = new Date('2026-07-07T02:00:00Z'); // 10:00

describe('dutyOfficerFor', () => {
  it('given S1 at 20:05 in grid FULING-02, when asked, then the grid’s evening worker', () => {
    expect(
      dutyOfficerFor(DEMO_DISTRICT, { town: 'FUKOU_TOWN', unit: 'FULING', grid: 'FULING-02' }, TUESDAY_2005),
    ).toEqual({
      level: 'grid',
      scope: 'FULING-02',
      person: expect.objectContaining({ id: 'g-fuling-02-2', name: '网格员 马丽娟' }) as unknown,
    });
  });

  it('given the same grid at 10:00, when asked, then the day worker', () => {
    expect(dutyOfficerFor(DEMO_DISTRICT, { grid: 'FULING-02', unit: 'FULING' }, TUESDAY_1000)?.person.id).toBe(
      'g-fuling-02-1',
    );
  });

  it('given a unit without a grid roster, when asked, then the unit’s duty cadre', () => {
    expect(
      dutyOfficerFor(DEMO_DISTRICT, { town: 'FUKOU_TOWN', unit: 'FULING', grid: 'FULING-03' }, TUESDAY_2005),
    ).toEqual(expect.objectContaining({ level: 'village', scope: 'FULING' }));
  });

  it('given only a town, when asked, then the town’s duty cadre', () => {
    expect(dutyOfficerFor(DEMO_DISTRICT, { town: 'LONGCHUAN' }, TUESDAY_1000)).toEqual(
      expect.objectContaining({ level: 'town', scope: 'LONGCHUAN' }),
    );
  });

  it('given no place, when asked, then the district’s duty officer', () => {
    expect(dutyOfficerFor(DEMO_DISTRICT, {}, TUESDAY_2005)).toEqual(
      expect.objectContaining({
        level: 'district',
        scope: 'FUKOU',
        person: expect.objectContaining({ id: 'd-duty-2' }) as unknown,
      }),
    );
  });

  it('given an escalation from a grid, when asked from the town level up, then the town’s cadre, not the grid worker', () => {
    expect(
      dutyOfficerFor(DEMO_DISTRICT, { town: 'FUKOU_TOWN', unit: 'FULING', grid: 'FULING-02' }, TUESDAY_2005, 'town'),
    ).toEqual(expect.objectContaining({ level: 'town', scope: 'FUKOU_TOWN' }));
  });

  it('given a district without rosters, when asked, then nobody', () => {
    expect(dutyOfficerFor({ ...DEMO_DISTRICT, dutyRosters: [] }, { grid: 'FULING-02' }, TUESDAY_2005)).toBeUndefined();
  });
});
