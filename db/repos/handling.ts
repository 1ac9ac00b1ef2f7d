import { type Handling, type Consultation, type Milestone, type HandlingPatch } from '../../electron/common/entities/handling';
import type { Db } from '../types';
import { updateColumns } from './update-columns';
import { UserError } from '../../electron/common/domain/errors';

export function createHandlingRepo(db: Db) {
  const missing = (what: string, id: number) => new UserError(`找不到编号为 ${id} 的${what}，它可能已被删除。`);
  return {
    handlings(proposalId: number): Handling[] {
      return db
        .prepare<[number], Handling>(
          `SELECT h.id, h.proposal_id AS proposalId, h.unit_id AS unitId, u.name AS unit, h.role,
                  h.assigned_date AS assignedDate, h.due_date AS dueDate, h.opinion_date AS opinionDate,
                  h.opinion_text AS opinionText
             FROM handlings h JOIN units u ON u.id = h.unit_id
            WHERE h.proposal_id = ? ORDER BY h.role = 'co', h.position`,
        )
        .all(proposalId);
    },
    updateHandling(id: number, patch: HandlingPatch): void {
      const columns: Record<keyof HandlingPatch, string> = {
        assignedDate: 'assigned_date',
        dueDate: 'due_date',
        opinionDate: 'opinion_date',
        opinionText: 'opinion_text',
      };
      if (updateColumns(db, 'handlings', columns, id, patch) === 0) throw missing('办理记录', id);
    },

    consultations(proposalId: number): Consultation[] {
      return db
        .prepare<[number], Omit<Consultation, 'faceToFace'> & { faceToFace: number }>(
          `SELECT id, proposal_id AS proposalId, stage, form, face_to_face AS faceToFace, date, people, notes
             FROM consultations WHERE proposal_id = ? ORDER BY date IS NULL, date, id`,
        )
        .all(proposalId)
        .map((c) => ({ ...c, faceToFace: c.faceToFace === 1 }));
    },
    /** Records a consultation; a face-to-face one also marks the proposal as met (见面). */
    addConsultation(input: Omit<Consultation, 'id'>): number {
      return db.transaction(() => {
        const id = Number(
          db
            .prepare(
              'INSERT INTO consultations (proposal_id, stage, form, face_to_face, date, people, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(input.proposalId, input.stage, input.form, input.faceToFace ? 1 : 0, input.date, input.people, input.notes)
            .lastInsertRowid,
        );
        // The proposal changes (met), so its version moves: an editor open on the old version must reload.
        if (input.faceToFace)
          db.prepare('UPDATE proposals SET met = 1, version = version + 1 WHERE id = ? AND met = 0').run(input.proposalId);
        return id;
      })();
    },
    removeConsultation(id: number): void {
      if (db.prepare('DELETE FROM consultations WHERE id = ?').run(id).changes === 0) throw missing('面商记录', id);
    },

    milestones(proposalId: number): Milestone[] {
      return db
        .prepare<[number], Milestone>(
          `SELECT id, proposal_id AS proposalId, due_date AS dueDate, done_date AS doneDate, description
             FROM milestones WHERE proposal_id = ? ORDER BY due_date IS NULL, due_date, id`,
        )
        .all(proposalId);
    },
    addMilestone(input: Omit<Milestone, 'id'>): number {
      return Number(
        db
          .prepare('INSERT INTO milestones (proposal_id, due_date, done_date, description) VALUES (?, ?, ?, ?)')
          .run(input.proposalId, input.dueDate, input.doneDate, input.description).lastInsertRowid,
      );
    },
    completeMilestone(id: number, doneDate: string | null): void {
      if (db.prepare('UPDATE milestones SET done_date = ? WHERE id = ?').run(doneDate, id).changes === 0)
        throw missing('跟踪事项', id);
    },
  };
}
