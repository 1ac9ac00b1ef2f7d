import type { Output } from '../../../../electron/common/api/contract';

/** The types the editor's files share. */
export type Session = Output<'sessions.list'>[number];
export type Detail = Output<'proposals.get'>;

/** A tab of records kept beside the proposal (handlings, consultations, milestones), saved one by one. */
export interface RecordTabProps {
  detail: Detail;
  /** Loads the proposal again after a record was saved. */
  onChanged: () => void;
}
