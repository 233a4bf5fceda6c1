import { stringify } from 'yaml';
import { DEMO_DISTRICT, type District } from './district';
import { districtDigest, parseDistrictFile } from './district-file';
import { districtProblems } from './district-validation';

/** A deep copy of the demo district to spoil in one place. */
function demo(): District {
  return structuredClone(DEMO_DISTRICT);
}

describe('district file', () => {
  it('given the demo district, when checked, then it has no problem', () => {
    expect(districtProblems(DEMO_DISTRICT)).toEqual([]);
  });

  it('given the demo district as YAML and as JSON, when parsed, then both give the same district and digest', () => {
    const fromYaml = parseDistrictFile(stringify(DEMO_DISTRICT));
    const fromJson = parseDistrictFile(JSON.stringify(DEMO_DISTRICT, null, 2));
    if (!fromYaml.ok || !fromJson.ok) throw new Error('the demo district did not parse');
    expect(fromYaml.district).toEqual(DEMO_DISTRICT);
    expect(fromYaml.sha256).toBe(fromJson.sha256);
    expect(fromYaml.sha256).toBe(districtDigest(DEMO_DISTRICT));
    expect(fromYaml.version).toBe('demo-2026.1');
  });

  it('given text that is neither YAML nor JSON, when parsed, then it is refused with the parser’s reason', () => {
    const result = parseDistrictFile('towns: [unclosed');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^\(file\): not YAML or JSON/);
  });

  it('given a YAML file with a key twice, when parsed, then it is refused', () => {
    expect(parseDistrictFile('version: a\nversion: b\n').ok).toBe(false);
  });

  it('given a file with broken references, when checked, then each problem names its place', () => {
    const district = demo();
    district.version = 'bad version!';
    district.categories[0]!.department = 'NOWHERE';
    district.towns[0]!.units[1]!.grids.push('JIAQIAO-01');
    district.chatGroups![0]!.grid = 'MOON-01';
    district.dutyRosters![1]!.scope = 'ATLANTIS';
    district.categoryAliases = { fire: 'no-such-category' };
    (district as unknown as Record<string, unknown>).rosters = [];
    expect(districtProblems(district)).toEqual(
      expect.arrayContaining([
        'rosters: unknown field',
        'version: "bad version!" does not match /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/',
        'categories[0].department: unknown department "NOWHERE"',
        'towns[].units[].grids[]: duplicate grid code "JIAQIAO-01"',
        'chatGroups[0].grid: unknown grid "MOON-01"',
        'dutyRosters[1].scope: unknown town scope "ATLANTIS"',
        'categoryAliases.fire: unknown category "no-such-category"',
      ]),
    );
  });

  it('given a roster with a gap and an overlap, when checked, then both are named with their times', () => {
    const district = demo();
    const roster = district.dutyRosters![0]!;
    roster.shifts = [
      { from: '08:00', to: '20:00', person: roster.shifts[0]!.person },
      { from: '21:00', to: '09:00', person: roster.shifts[1]!.person },
    ];
    const problems = districtProblems(district);
    expect(problems).toContain('dutyRosters[0].shifts: covered twice Mon 08:00–Mon 09:00');
    expect(problems).toContain('dutyRosters[0].shifts: not covered Mon 20:00–Mon 21:00');
  });

  it('given a malformed shift, when checked, then the shift is named and coverage is not guessed at', () => {
    const district = demo();
    district.dutyRosters![0]!.shifts[0]!.from = '8 o’clock';
    district.dutyRosters![0]!.shifts[1]!.days = [0, 8];
    const problems = districtProblems(district);
    expect(problems).toEqual([
      'dutyRosters[0].shifts[0].from: must be a local time HH:MM (00:00–24:00)',
      'dutyRosters[0].shifts[1].days: must list ISO weekdays 1 (Monday) to 7 (Sunday)',
    ]);
  });

  it('given two rosters for one place, when checked, then the second is a duplicate', () => {
    const district = demo();
    district.dutyRosters!.push(structuredClone(district.dutyRosters![0]!));
    expect(districtProblems(district)).toEqual([
      `dutyRosters[${district.dutyRosters!.length - 1}]: duplicate roster for "district FUKOU"`,
    ]);
  });

  it('given something that is not an object, when checked, then it says so', () => {
    expect(districtProblems([])).toEqual(['(file): must be an object']);
  });
});
