/** A member of a group, as operators see it: enough to judge whether it belongs. */
export interface GroupMemberView {
  petitionId: string;
  trackingCode: string;
  lead: boolean;
  text: string;
  receivedAt: string;
  joinedAt: string;
  /** Its text similarity to the group when it joined (0–1). */
  similarity: number;
}

export interface GroupSplitView {
  petitionId: string;
  reason: string;
  by: string;
  splitAt: string;
}

/** `GET /admin/groups/{groupId}`: for operators only (the texts may hold what residents wrote about themselves). */
export interface GroupView {
  groupId: string;
  category: string;
  unit: string | null;
  town: string | null;
  leadPetitionId: string;
  memberCount: number;
  openedAt: string;
  /** Set when the group merged into an older one of the same matter (it has no members left). */
  mergedIntoGroupId: string | null;
  members: GroupMemberView[];
  splits: GroupSplitView[];
}
