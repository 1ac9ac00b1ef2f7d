/** A unit's own part in handling one proposal: its dates and its opinion text. */
export interface Handling {
  id: number;
  proposalId: number;
  unitId: number;
  unit: string;
  role: 'lead' | 'co';
  assignedDate: string | null;
  dueDate: string | null;
  opinionDate: string | null;
  opinionText: string;
}

/** 面商: a consultation with the deputy before, during or after handling. */
export interface Consultation {
  id: number;
  proposalId: number;
  stage: '' | 'before' | 'during' | 'after';
  form: string;
  faceToFace: boolean;
  date: string | null;
  people: string;
  notes: string;
}

/** A follow-up step promised in a reply (正在解决 / 计划解决 items). */
export interface Milestone {
  id: number;
  proposalId: number;
  dueDate: string | null;
  doneDate: string | null;
  description: string;
}

export type HandlingPatch = Partial<Pick<Handling, 'assignedDate' | 'dueDate' | 'opinionDate' | 'opinionText'>>;
