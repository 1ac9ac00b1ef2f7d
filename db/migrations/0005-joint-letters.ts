// Migration 5: how a joint proposal is answered (one letter to all who signed it, or one to each)
// is a setting of the session, as offices decide it per session; it was one document setting for
// all sessions. Every session starts with what that setting said.
export const sql = /* sql */ `
ALTER TABLE sessions ADD COLUMN joint_letters TEXT NOT NULL DEFAULT 'one' CHECK (joint_letters IN ('one', 'per-deputy'));
UPDATE sessions SET joint_letters = 'per-deputy'
  WHERE (SELECT json_extract(value, '$.jointLetters') FROM app_settings WHERE key = 'documents') = 'per-deputy';
`;
