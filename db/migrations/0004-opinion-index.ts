// Migration 4: the 同意率 (deputies' opinions of the result) is counted per session from its own
// covering index, so the statistics still read only indexes.
export const sql = /* sql */ `
CREATE INDEX proposals_result_opinion ON proposals(session_id, result_opinion);
`;
