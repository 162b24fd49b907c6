/** What a write reports back per entity. */
import type { ObjectId } from 'mongodb';
import type { NodeType } from '../ids';
import type { ChangeStatusValue } from '../models/upsert';

export type EntityTypeValue = 'ARTICLE' | 'OFFICIAL' | 'ORGANIZATION' | 'MEETING' | 'CONFERENCE';

export interface EntityChangeModel {
  type: EntityTypeValue;
  nodeType: NodeType;
  id: ObjectId;
  key: string;
  status: ChangeStatusValue;
}

export interface Upserted<T> {
  doc: T;
  status: ChangeStatusValue;
}
