export interface EventInput {
  entity: 'session' | 'proposal' | 'unit' | 'opinion' | 'import';
  entityId: number | null;
  action: string;
  details?: unknown;
}

export interface EventRecord extends EventInput {
  id: number;
  at: string;
  actor: string;
}
