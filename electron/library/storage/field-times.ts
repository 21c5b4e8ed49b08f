/** Stamping a record's changed fields with the time of the write, so a sync can tell which edit of a field is later. */
import { TIMED_FIELDS, type FieldTimes, type PaperRecord } from '../../../shared/models/paper.js';
import { same } from './same-value.js';

/**
 * `after` with each field that differs from `before` stamped with `after.updatedAt`, unless the writer set that
 * field's time itself (a sync's merge carries the winning edit's time). A new record is stamped nowhere: its
 * fields are as old as it is.
 */
export function stampFieldTimes(before: PaperRecord | undefined, after: PaperRecord): PaperRecord {
  if (before === undefined) return after;
  let times: FieldTimes | undefined = after.fieldTimes;
  for (const field of TIMED_FIELDS) {
    if (same(before[field], after[field])) continue;
    if (after.fieldTimes?.[field] !== before.fieldTimes?.[field]) continue;
    times = { ...times, [field]: after.updatedAt };
  }
  return times === after.fieldTimes ? after : { ...after, fieldTimes: times };
}
