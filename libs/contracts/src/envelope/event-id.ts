import { v7 as uuidv7 } from 'uuid';

/** Event ids are UUID v7 so that they sort by creation time. */
export function newEventId(): string {
  return uuidv7();
}
