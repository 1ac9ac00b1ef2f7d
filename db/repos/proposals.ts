import {
  type ProposalInput,
  type ProposalFieldKey,
  type Proposal,
  type LedgerProposal,
  type ProposalSummary,
  type PeopleAndUnits,
} from '../../electron/common/entities/proposal';
import type { Db } from '../types';
import { UserError } from '../../electron/common/domain/errors';
import { parseProposalNumber } from '../../electron/common/domain/proposal-number';
import type { ResultCode } from '../../electron/common/domain/result-classes';
import { createDeadlineKeeper } from './effective-deadlines';

/** Field → column; the single place where the proposals table's shape is spelled out. */
const COLUMNS: Record<ProposalFieldKey, string> = {
  number: 'number',
  numberKey: 'number_key',
  numberSort: 'number_sort',
  title: 'title',
  delegation: 'delegation',
  categoryId: 'category_id',
  content: 'content',
  assignedDate: 'assigned_date',
  deadline: 'deadline',
  extended: 'extended',
  replyDate: 'reply_date',
  replyNumber: 'reply_number',
  signer: 'signer',
  contactPerson: 'contact_person',
  contactPhone: 'contact_phone',
  resultCode: 'result_code',
  replyText: 'reply_text',
  published: 'published',
  met: 'met',
  closed: 'closed',
  isKey: 'is_key',
  leaderSupervised: 'leader_supervised',
  leaderName: 'leader_name',
  feedback: 'feedback',
  resultOpinion: 'result_opinion',
  proposerCount: 'proposer_count',
  notes: 'notes',
};
const FIELD_KEYS = Object.keys(COLUMNS) as ProposalFieldKey[];
const BOOLEAN_FIELDS = new Set<ProposalFieldKey>(['extended', 'published', 'met', 'closed', 'isKey', 'leaderSupervised']);

type Row = Record<string, unknown>;

function toParams(fields: Partial<ProposalInput>): Row {
  const params: Row = {};
  for (const key of Object.keys(fields) as (keyof ProposalInput)[]) {
    const value = fields[key];
    params[key] = BOOLEAN_FIELDS.has(key) ? (value ? 1 : 0) : value;
  }
  if (fields.number !== undefined) {
    // The one place a number's identity and order are worked out for storage.
    const parsed = parseProposalNumber(fields.number);
    if (!parsed) throw new UserError('建议号不能为空。');
    Object.assign(params, { number: parsed.display, numberKey: parsed.key, numberSort: parsed.sort });
  }
  return params;
}

function fromRow(row: Row): Proposal {
  const proposal: Row = {
    id: row.id,
    sessionId: row.session_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  for (const key of FIELD_KEYS) {
    const value = row[COLUMNS[key]];
    proposal[key] = BOOLEAN_FIELDS.has(key) ? value === 1 : value;
  }
  return proposal as unknown as Proposal;
}

interface NameLink {
  proposal_id: number;
  role: 'lead' | 'co';
  name: string;
}

/** Proposals (in their order) with their category, deputies and units named, as a ledger shows them. */
function withLinks(
  proposals: readonly Proposal[],
  categoryNames: ReadonlyMap<number, string>,
  deputies: readonly NameLink[],
  units: readonly NameLink[],
): LedgerProposal[] {
  const rows = new Map<number, LedgerProposal>();
  for (const proposal of proposals) {
    rows.set(proposal.id, {
      ...proposal,
      category: proposal.categoryId === null ? '' : (categoryNames.get(proposal.categoryId) ?? ''),
      leadDeputies: [],
      coDeputies: [],
      leadUnit: '',
      coUnits: [],
    });
  }
  for (const d of deputies) rows.get(d.proposal_id)?.[d.role === 'lead' ? 'leadDeputies' : 'coDeputies'].push(d.name);
  for (const u of units) {
    const row = rows.get(u.proposal_id);
    if (!row) continue;
    if (u.role === 'lead') row.leadUnit = u.name;
    else row.coUnits.push(u.name);
  }
  return [...rows.values()];
}

/** Fields whose change moves the effective deadline. */
const DEADLINE_FIELDS: readonly ProposalFieldKey[] = ['assignedDate', 'deadline', 'extended'];

export function createProposalsRepo(db: Db, now: () => string) {
  const deadlines = createDeadlineKeeper(db);
  const insertSql = db.prepare(
    `INSERT INTO proposals (session_id, ${FIELD_KEYS.map((k) => COLUMNS[k]).join(', ')}, created_at, updated_at)
     VALUES (@sessionId, ${FIELD_KEYS.map((k) => '@' + k).join(', ')}, @now, @now)`,
  );
  const byId = db.prepare<[number], Row>('SELECT * FROM proposals WHERE id = ?');
  const bySession = db.prepare<[number], Row>(
    'SELECT * FROM proposals WHERE session_id = ? ORDER BY number_sort IS NULL, number_sort, number_key',
  );
  const deputiesOfSession = db.prepare<[number], { proposal_id: number; role: 'lead' | 'co'; name: string }>(
    `SELECT pd.proposal_id, pd.role, d.name FROM proposal_deputies pd
       JOIN deputies d ON d.id = pd.deputy_id
       JOIN proposals p ON p.id = pd.proposal_id
      WHERE p.session_id = ? ORDER BY pd.proposal_id, pd.position`,
  );
  const unitsOfSession = db.prepare<[number], { proposal_id: number; role: 'lead' | 'co'; name: string }>(
    `SELECT h.proposal_id, h.role, u.name FROM handlings h
       JOIN units u ON u.id = h.unit_id
      WHERE h.session_id = ? ORDER BY h.proposal_id, h.role = 'co', h.position`,
  );
  // One page of a session's ledger (the ids given as a JSON array), for ledgerPages.
  const idsOfSession = db.prepare<[number], { id: number }>(
    'SELECT id FROM proposals WHERE session_id = ? ORDER BY number_sort IS NULL, number_sort, number_key',
  );
  const pageRows = db.prepare<[string, number], Row>(
    // By rowid: `+session_id` keeps SQLite from scanning the session's index for every page.
    'SELECT * FROM proposals WHERE id IN (SELECT value FROM json_each(?)) AND +session_id = ?',
  );
  const pageDeputies = db.prepare<[string], { proposal_id: number; role: 'lead' | 'co'; name: string }>(
    `SELECT pd.proposal_id, pd.role, d.name FROM proposal_deputies pd
       JOIN deputies d ON d.id = pd.deputy_id
      WHERE pd.proposal_id IN (SELECT value FROM json_each(?)) ORDER BY pd.proposal_id, pd.position`,
  );
  const pageUnits = db.prepare<[string], { proposal_id: number; role: 'lead' | 'co'; name: string }>(
    `SELECT h.proposal_id, h.role, u.name FROM handlings h
       JOIN units u ON u.id = h.unit_id
      WHERE h.proposal_id IN (SELECT value FROM json_each(?)) ORDER BY h.proposal_id, h.role = 'co', h.position`,
  );
  const summaries = db.prepare<
    [number],
    Omit<ProposalSummary, 'published' | 'closed' | 'isKey' | 'leaderSupervised' | 'extended'> &
      Record<'published' | 'closed' | 'isKey' | 'leaderSupervised' | 'extended', number>
  >(`
    SELECT p.id, p.number, p.number_sort AS numberSort, p.title, p.delegation, coalesce(c.name, '') AS category,
           p.assigned_date AS assignedDate, p.deadline, p.extended, p.effective_deadline AS effectiveDeadline,
           p.reply_date AS replyDate, p.result_code AS resultCode, p.feedback, p.published, p.closed,
           p.is_key AS isKey, p.leader_supervised AS leaderSupervised,
           coalesce((SELECT group_concat(d.name, '、' ORDER BY pd.role = 'co', pd.position) FROM proposal_deputies pd JOIN deputies d ON d.id = pd.deputy_id WHERE pd.proposal_id = p.id), '') AS deputies,
           coalesce(lu.name, '') AS leadUnit,
           coalesce((SELECT group_concat(u.name, '、' ORDER BY h.position) FROM handlings h JOIN units u ON u.id = h.unit_id WHERE h.proposal_id = p.id AND h.role = 'co'), '') AS coUnits
      FROM proposals p
      LEFT JOIN session_categories c ON c.id = p.category_id
      LEFT JOIN units lu ON lu.id = p.lead_unit_id
     WHERE p.session_id = ?
     ORDER BY p.number_sort IS NULL, p.number_sort, p.number_key`);
  const categoriesOfSession = db.prepare<[number], { id: number; name: string }>(
    'SELECT id, name FROM session_categories WHERE session_id = ?',
  );
  const categoryName = db.prepare<[number], { name: string }>('SELECT name FROM session_categories WHERE id = ?');
  const deputiesOfProposal = db.prepare<[number], { role: 'lead' | 'co'; name: string }>(
    `SELECT pd.role, d.name FROM proposal_deputies pd JOIN deputies d ON d.id = pd.deputy_id
      WHERE pd.proposal_id = ? ORDER BY pd.position`,
  );
  const unitsOfProposal = db.prepare<[number], { role: 'lead' | 'co'; name: string }>(
    `SELECT h.role, u.name FROM handlings h JOIN units u ON u.id = h.unit_id
      WHERE h.proposal_id = ? ORDER BY h.role = 'co', h.position`,
  );

  const repo = {
    get(id: number): Proposal {
      const row = byId.get(id);
      if (!row) throw new UserError(`找不到编号为 ${id} 的建议，它可能已被删除。`);
      return fromRow(row);
    },

    /** One proposal with the names a ledger row shows: reads that row and its links only. */
    ledgerRow(id: number): LedgerProposal {
      const proposal = repo.get(id);
      const row: LedgerProposal = {
        ...proposal,
        category: proposal.categoryId === null ? '' : (categoryName.get(proposal.categoryId)?.name ?? ''),
        leadDeputies: [],
        coDeputies: [],
        leadUnit: '',
        coUnits: [],
      };
      for (const d of deputiesOfProposal.all(id)) row[d.role === 'lead' ? 'leadDeputies' : 'coDeputies'].push(d.name);
      for (const u of unitsOfProposal.all(id)) {
        if (u.role === 'lead') row.leadUnit = u.name;
        else row.coUnits.push(u.name);
      }
      return row;
    },

    listBySession(sessionId: number): Proposal[] {
      return bySession.all(sessionId).map(fromRow);
    },

    /** Every proposal of a session with its deputies, units and category names, in number order. */
    ledger(sessionId: number): LedgerProposal[] {
      const categoryNames = new Map(categoriesOfSession.all(sessionId).map((c) => [c.id, c.name]));
      return withLinks(
        repo.listBySession(sessionId),
        categoryNames,
        deputiesOfSession.all(sessionId),
        unitsOfSession.all(sessionId),
      );
    },

    /**
     * The ledger of a session in pages of `pageSize` rows, in number order, for a reader that
     * must not hold the whole session at once (the export of hundreds of thousands of rows). The
     * order is fixed when the first page is read; each page is read in one transaction, so a row
     * and its names always agree. A row deleted in between is left out, one added is not included.
     */
    *ledgerPages(sessionId: number, pageSize = 500): Generator<LedgerProposal[], void, undefined> {
      const ids = idsOfSession.all(sessionId).map((r) => r.id);
      const categoryNames = new Map(categoriesOfSession.all(sessionId).map((c) => [c.id, c.name]));
      const readPage = db.transaction((page: readonly number[]) => {
        const json = JSON.stringify(page);
        const byId = new Map(pageRows.all(json, sessionId).map((row) => [row.id as number, fromRow(row)]));
        const proposals = page.flatMap((id) => byId.get(id) ?? []);
        return withLinks(proposals, categoryNames, pageDeputies.all(json), pageUnits.all(json));
      });
      for (let start = 0; start < ids.length; start += pageSize) yield readPage(ids.slice(start, start + pageSize));
    },

    /**
     * What the proposals table shows, for a whole session in one query: no reply texts, names
     * joined in SQL. Ten thousand rows come back in a few tens of milliseconds.
     */
    summaries(sessionId: number): ProposalSummary[] {
      return summaries.all(sessionId).map((row) => ({
        ...row,
        published: row.published === 1,
        closed: row.closed === 1,
        isKey: row.isKey === 1,
        leaderSupervised: row.leaderSupervised === 1,
        extended: row.extended === 1,
      }));
    },

    insert(sessionId: number, fields: ProposalInput): number {
      const result = insertSql.run({ ...toParams(fields), sessionId, now: now() });
      const id = Number(result.lastInsertRowid);
      deadlines.refresh(id);
      return id;
    },

    /**
     * Changes some fields. With `expectedVersion`, refuses when someone saved the record in
     * between (the later save never silently overwrites the earlier one).
     */
    update(id: number, fields: Partial<ProposalInput>, expectedVersion?: number): void {
      const params = toParams(fields);
      const keys = (Object.keys(params) as ProposalFieldKey[]).filter((k) => k in COLUMNS);
      const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`);
      const guard = expectedVersion === undefined ? '' : ' AND version = @expectedVersion';
      const result = db
        .prepare(
          `UPDATE proposals SET ${[...sets, 'version = version + 1', 'updated_at = @now'].join(', ')} WHERE id = @id${guard}`,
        )
        .run({ ...params, id, now: now(), ...(expectedVersion === undefined ? {} : { expectedVersion }) });
      if (result.changes === 0) {
        const current = byId.get(id);
        if (!current) throw new UserError(`找不到编号为 ${id} 的建议，它可能已被删除。`);
        throw new UserError(
          `建议「${String(current.number)}」已被他人或另一个窗口修改过（您编辑的是第 ${expectedVersion} 版，现在是第 ${String(current.version)} 版）。为避免覆盖对方的修改，本次保存未生效，请重新打开后再改。`,
        );
      }
      if (keys.some((k) => DEADLINE_FIELDS.includes(k))) deadlines.refresh(id);
    },

    /**
     * Sets who proposed it and which units handle it. Handling rows of units that stay keep
     * their dates and opinion text; rows of units no longer named are removed.
     */
    setPeopleAndUnits(id: number, links: PeopleAndUnits): void {
      db.transaction(() => writeLinks(id, links))();
    },

    /**
     * Deletes proposals of one session with all that hangs on them (deputies named, handling
     * records, consultations, milestones); the event log keeps their history. Returns how many.
     */
    remove(sessionId: number, ids: readonly number[]): number {
      const statement = db.prepare('DELETE FROM proposals WHERE id = ? AND session_id = ?');
      return db.transaction(() => ids.reduce((n, id) => n + statement.run(id, sessionId).changes, 0))();
    },

    /** Every 建议号 of a session as written: file names are padded to the longest. */
    numbers(sessionId: number): string[] {
      return db
        .prepare<[number], { number: string }>('SELECT number FROM proposals WHERE session_id = ?')
        .all(sessionId)
        .map((r) => r.number);
    },

    countBySession(sessionId: number): number {
      return (db.prepare('SELECT count(*) AS n FROM proposals WHERE session_id = ?').get(sessionId) as { n: number }).n;
    },
  };

  // Prepared once: an import of 100,000 rows calls writeLinks for every row.
  const linkStatements = {
    clearDeputies: db.prepare('DELETE FROM proposal_deputies WHERE proposal_id = ?'),
    insertDeputy: db.prepare(
      'INSERT OR IGNORE INTO proposal_deputies (proposal_id, deputy_id, role, position) VALUES (?, ?, ?, ?)',
    ),
    setLeadUnit: db.prepare('UPDATE proposals SET lead_unit_id = ? WHERE id = ?'),
    handlingUnits: db.prepare<[number], { unit_id: number }>('SELECT unit_id FROM handlings WHERE proposal_id = ?'),
    removeHandling: db.prepare('DELETE FROM handlings WHERE proposal_id = ? AND unit_id = ?'),
    upsertHandling: db.prepare(
      `INSERT INTO handlings (proposal_id, session_id, unit_id, role, position) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (proposal_id, unit_id) DO UPDATE SET role = excluded.role, position = excluded.position`,
    ),
  };

  function writeLinks(id: number, links: PeopleAndUnits): void {
    const proposal = byId.get(id);
    if (!proposal) throw new UserError(`找不到编号为 ${id} 的建议，它可能已被删除。`);
    const {
      clearDeputies,
      insertDeputy,
      setLeadUnit,
      handlingUnits,
      removeHandling: remove,
      upsertHandling: upsert,
    } = linkStatements;
    clearDeputies.run(id);
    links.leadDeputies.forEach((deputyId, i) => insertDeputy.run(id, deputyId, 'lead', i));
    links.coDeputies.forEach((deputyId, i) => insertDeputy.run(id, deputyId, 'co', i));

    setLeadUnit.run(links.leadUnit, id);
    const wanted = [
      ...(links.leadUnit === null ? [] : [{ unitId: links.leadUnit, role: 'lead' as const }]),
      ...links.coUnits.filter((u) => u !== links.leadUnit).map((unitId) => ({ unitId, role: 'co' as const })),
    ];
    const keep = new Set(wanted.map((w) => w.unitId));
    const existing = handlingUnits.all(id);
    for (const row of existing) if (!keep.has(row.unit_id)) remove.run(id, row.unit_id);
    const seen = new Set<number>();
    wanted.forEach((w, i) => {
      if (seen.has(w.unitId)) return;
      seen.add(w.unitId);
      upsert.run(id, proposal.session_id, w.unitId, w.role, i);
    });
  }
  return repo;
}

export type ProposalsRepo = ReturnType<typeof createProposalsRepo>;
