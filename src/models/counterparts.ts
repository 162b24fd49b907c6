import type { ObjectId } from 'mongodb';
import type { PartialDateDoc } from './common';

/** Computed, not stored: another official met, summed over shared meetings. */
export interface CounterpartModel {
  officialId: ObjectId;
  meetingCount: number;
  firstMet: PartialDateDoc | null;
  lastMet: PartialDateDoc | null;
  topics: string[];
}
