import type { Store } from '../../../../db/store';
import type { IsoDate } from '../../../common/domain/dates';
import { UserError } from '../../../common/domain/errors';
import type { Session } from '../../../common/domain/session';
import { termsOf } from '../../../common/domain/terms';
import { rectificationContext } from '../../../common/documents/data/rectification-context';
import type { CompiledTemplate } from '../../../common/documents/template/engine';
import { letterContexts } from '../generate/letters';
import { reportContextOf } from '../generate/report';

/**
 * How big a template's document comes out on the clerk's own records, found before anything is
 * rendered. The sample data of `checkWithSample` has two or three of everything, so a template
 * that loops over every unit inside a loop over every unit passes it; on a session with 300
 * units it would build 300⁸ lines, freeze for minutes and die out of memory. Filling the template
 * with the session's real data, counting as it goes, says so in milliseconds.
 */

/** The most a document may hold, in characters of filled-in text: some 5,000 pages. */
export const OUTPUT_LIMIT = 3_000_000;
/** A page of the official format: 22 lines of 28 characters. */
const CHARS_PER_PAGE = 22 * 28;

export interface SizeEstimate {
  /** What the template was filled with, in the clerk's words. */
  against: string;
  characters: number;
  pages: number;
}

interface Subject {
  against: string;
  context: object;
}

/** The letter most likely to be the longest: the most units and deputies, then the longest reply. */
function heaviestLetter(
  store: Store,
  session: Session,
  kind: 'reply-letter' | 'cohandling-opinion' | 'feedback-form',
  today: IsoDate,
): Subject | null {
  const weight = (p: ReturnType<Store['proposals']['ledger']>[number]) =>
    (p.coUnits.length + p.leadDeputies.length + p.coDeputies.length) * 100_000 + p.replyText.length + p.content.length;
  const candidates = store.proposals
    .ledger(session.id)
    .filter((p) => (kind === 'cohandling-opinion' ? p.coUnits.length > 0 : p.leadUnit))
    .sort((a, b) => weight(b) - weight(a));
  const heaviest = candidates[0];
  if (!heaviest) return null;
  const [letter] = letterContexts(store, { session, kind, today }, [heaviest]);
  if (!letter) return null;
  const { itemTerm } = termsOf(session.kind);
  return { against: `「${session.name}」中单位和署名最多的第 ${heaviest.number} 号${itemTerm}`, context: letter.context };
}

function subjectOf(store: Store, template: CompiledTemplate, session: Session, today: IsoDate): Subject | null {
  const kind = template.meta.kind;
  if (kind === 'annual-report' || kind === 'statistics-tables') {
    const { itemTerm } = termsOf(session.kind);
    return {
      against: `「${session.name}」（${store.proposals.countBySession(session.id)} 件${itemTerm}）`,
      context: reportContextOf(store, session, today),
    };
  }
  if (kind === 'rectification') {
    const opinions = store.reviews
      .list()
      .map((o) => store.reviews.get(o.id))
      .sort((a, b) => b.items.length - a.items.length);
    const opinion = opinions.find((o) => o.sessionId === session.id) ?? opinions[0];
    if (!opinion) return null;
    const issuer = opinion.sessionId !== null ? store.sessions.get(opinion.sessionId).issuingBody : session.issuingBody;
    return {
      against: `审议意见「${opinion.name}」（${opinion.items.length} 条整改事项）`,
      context: rectificationContext(opinion, issuer, today),
    };
  }
  return heaviestLetter(store, session, kind, today);
}

/**
 * Fills the template with a session's real data (the one named, or the largest) and says how
 * long the document comes out. Null when there is nothing to fill it with (no session, or none
 * with a proposal the kind applies to). Throws a UserError, naming the data, when the document
 * would pass OUTPUT_LIMIT.
 */
export function estimateOutput(
  store: Store,
  template: CompiledTemplate,
  today: IsoDate,
  sessionName?: string,
): SizeEstimate | null {
  const sessions = store.sessions.list();
  const session = sessionName
    ? store.sessions.getByName(sessionName)
    : sessions.map((s) => ({ s, n: store.proposals.countBySession(s.id) })).sort((a, b) => b.n - a.n)[0]?.s;
  if (!session) return null;
  const subject = subjectOf(store, template, session, today);
  if (!subject) return null;
  const characters = template.measure(subject.context, OUTPUT_LIMIT);
  if (characters === null) {
    throw new UserError(
      `模板「${template.meta.name}」用${subject.against}的实际数据填写，内容超过 ${OUTPUT_LIMIT / 10_000} 万字` +
        `（约 ${Math.round(OUTPUT_LIMIT / CHARS_PER_PAGE).toLocaleString('en-US')} 页以上），生成会很久不结束并耗尽内存，因此没有采用。` +
        '多半是一个 {{#each}} 套在另一个 {{#each}} 里，每一层都重复了整个列表（如 @root.units）：请检查模板里的循环。',
    );
  }
  return { against: subject.against, characters, pages: Math.max(1, Math.ceil(characters / CHARS_PER_PAGE)) };
}

/** The estimate in a sentence, for the command line and the template screen. */
export function describeEstimate(estimate: SizeEstimate): string {
  const size =
    estimate.characters >= 10_000
      ? `约 ${(estimate.characters / 10_000).toFixed(1)} 万字`
      : `约 ${estimate.characters.toLocaleString('en-US')} 字`;
  return `用${estimate.against}的实际数据填写：${size}，约 ${estimate.pages.toLocaleString('en-US')} 页（按每页 22 行、每行 28 字估算）。`;
}
