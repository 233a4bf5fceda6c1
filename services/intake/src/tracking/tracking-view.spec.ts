import { evolveStatus, NO_FACTS, type TimelineEntry } from './petition-status';
import { trackingViewOf } from './tracking-view';

const RECEIVED = new Date('2026-03-02T08:00:00.000Z');
const PETITION = '6f1c0c52-4a39-4c8e-9b7e-2f1d8c3a9b01';

function later(ms: number): Date {
  return new Date(RECEIVED.getTime() + ms);
}

describe('trackingViewOf', () => {
  it('given only the reception, then received, no department, and a timeline of one step', () => {
    expect(
      trackingViewOf({ trackingCode: '2345-6789-ABCD', receivedAt: RECEIVED, facts: NO_FACTS, timeline: [] }),
    ).toEqual({
      trackingCode: '2345-6789-ABCD',
      status: 'received',
      department: null,
      coDepartments: [],
      category: null,
      receivedAt: RECEIVED.toISOString(),
      expectedBy: null,
      overdue: false,
      resolvedAt: null,
      result: null,
      timeline: [{ at: RECEIVED.toISOString(), event: 'received' }],
      sameMatter: null,
    });
  });

  it('given an assignment, then the departments with their district names', () => {
    const facts = evolveStatus(NO_FACTS, {
      type: 'petition.assigned',
      payload: {
        petitionId: PETITION,
        departmentCode: 'URBAN',
        coDepartments: ['NOT_A_DEPARTMENT'],
        category: 'sewer-and-drain',
        complexity: 'general',
        urgent: false,
        reason: 'rule',
        receivedAt: RECEIVED.toISOString(),
        assignedAt: later(1000).toISOString(),
      },
    });
    const view = trackingViewOf({ trackingCode: '2345-6789-ABCD', receivedAt: RECEIVED, facts, timeline: [] });
    expect(view.department).toEqual({ code: 'URBAN', name: expect.stringMatching(/[\u4e00-\u9fff]/) as string });
    // A code the district does not know is shown as is rather than failing the lookup.
    expect(view.coDepartments).toEqual([{ code: 'NOT_A_DEPARTMENT', name: 'NOT_A_DEPARTMENT' }]);
  });

  it('given steps stored out of order, some at the same instant, then oldest first in the order of the story', () => {
    const timeline: TimelineEntry[] = [
      { at: later(3000), event: 'resolved', departmentCode: 'URBAN' },
      { at: later(1000), event: 'acknowledged', departmentCode: 'URBAN' },
      { at: later(1000), event: 'assigned', departmentCode: 'URBAN' },
    ];
    const view = trackingViewOf({ trackingCode: '2345-6789-ABCD', receivedAt: RECEIVED, facts: NO_FACTS, timeline });
    expect(view.timeline.map((step) => step.event)).toEqual(['received', 'assigned', 'acknowledged', 'resolved']);
    expect(view.timeline[1]).toEqual({
      at: later(1000).toISOString(),
      event: 'assigned',
      department: { code: 'URBAN', name: expect.any(String) as string },
    });
  });

  it('given a same-matter group, then its size and nothing else of it; a group shrunk to one is none', () => {
    const view = (groupSize: number | null) =>
      trackingViewOf({
        trackingCode: '2345-6789-ABCD',
        receivedAt: RECEIVED,
        facts: NO_FACTS,
        timeline: [],
        groupSize,
      });
    expect(view(10).sameMatter).toEqual({ reports: 10 });
    expect(view(1).sameMatter).toBeNull();
    expect(view(null).sameMatter).toBeNull();
  });
});
