import type { LedgerProposal } from '../../entities/proposal';
import { EMPTY_PROPOSAL } from '../../entities/proposal';
import { defaultResultLabels } from '../../domain/result-classes';
import { DEFAULT_SESSION_SETTINGS, type Session } from '../../domain/session';
import { computeStatistics } from '../../stats/metrics';
import type { SessionStatistics } from '../../stats/statistics';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../settings';
import type { TemplateKind } from '../template/front-matter';
import { cohandlingContext, feedbackFormContext, replyLetterContexts, unitData } from './letter-context';
import { rectificationContext } from './rectification-context';
import { reportContext } from './report-context';

/**
 * Sample data of every template kind, with every field filled, so a template can be checked
 * (and previewed) before it is saved without touching anyone's records.
 */

const SAMPLE_SESSION: Session = {
  ...DEFAULT_SESSION_SETTINGS,
  id: 0,
  name: '区七届人大三次会议',
  year: 2024,
  issuingBody: '青川区人民政府',
  feedbackScale: 'three',
  previousSessionId: null,
  categories: ['经济发展', '城市建设与管理'],
  resultLabels: defaultResultLabels(4),
  baselines: { resolution: '75', published: '90' },
  missingFacts: [],
};

const SAMPLE_PROPOSAL: LedgerProposal = {
  ...EMPTY_PROPOSAL,
  id: 0,
  sessionId: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
  number: '0012',
  numberKey: '12',
  numberSort: 12,
  title: '关于加快园区转型升级的建议',
  category: '经济发展',
  leadDeputies: ['张建国'],
  coDeputies: ['李秀英', '王伟'],
  leadUnit: '区经委',
  coUnits: ['区规划资源局'],
  assignedDate: '2024-03-05',
  replyDate: '2024-05-20',
  replyNumber: '青经〔2024〕45号',
  resultCode: 'A',
  contactPerson: '李明',
  contactPhone: '57921234',
  replyText:
    '您提出的建议收悉，现答复如下：\n一、基本情况\n近年来，我区持续推进园区转型升级。\n二、下一步工作\n我们将认真吸纳您的意见。',
};

function sampleStatistics(): SessionStatistics {
  const stats = computeStatistics(
    {
      name: SAMPLE_SESSION.name,
      year: 2024,
      categories: [
        { id: 1, name: '经济发展' },
        { id: 2, name: '城市建设与管理' },
      ],
      resultLabels: SAMPLE_SESSION.resultLabels,
      resultClassCount: 4,
      feedbackScale: 'three',
    },
    [
      { categoryId: 1, resultCode: 'A', feedback: '满意', published: 1, met: 1, closed: 1, answered: 1, onTime: 1, count: 40 },
      { categoryId: 2, resultCode: 'B', feedback: '基本满意', published: 1, met: 1, closed: 0, answered: 1, onTime: 1, count: 8 },
      { categoryId: 2, resultCode: 'D', feedback: null, published: 0, met: 0, closed: 1, answered: 1, onTime: 0, count: 2 },
    ],
    {
      lead: [{ unitId: 1, resultCode: 'A', feedback: '满意', answered: 1, onTime: 1, count: 40 }],
      co: [{ unitId: 2, count: 5 }],
      names: new Map([
        [1, '区经委'],
        [2, '区规划资源局'],
      ]),
    },
    { decimals: 1, rounding: 'half-up', resolutionNumerator: 'AB', satisfiedNumerator: 'top', resultShareBase: 'all' },
  );
  return {
    ...stats,
    comparison: {
      previousSession: '区七届人大二次会议',
      rates: {
        resolution: {
          current: stats.rates.resolution.percent,
          previous: '75',
          delta: '21.0',
          direction: '提高',
          text: '提高21.0个百分点',
          source: 'baseline',
        },
      },
    },
    deadlines: {
      today: '2024-12-01',
      counts: { 'on-time': 48, late: 2, overdue: 0, 'due-soon': 0, pending: 0, 'no-deadline': 0 },
      urgent: [],
    },
  };
}

export function sampleContext(kind: TemplateKind, settings: DocumentSettings = DEFAULT_DOCUMENT_SETTINGS): object {
  const lead = unitData(null, '区经委');
  const input = { session: SAMPLE_SESSION, proposal: SAMPLE_PROPOSAL, unit: lead, leadUnit: lead, settings, today: '2024-06-01' };
  switch (kind) {
    case 'reply-letter':
      return replyLetterContexts(input)[0]!.context;
    case 'cohandling-opinion':
      return cohandlingContext(
        { ...input, unit: unitData(null, '区规划资源局') },
        {
          id: 0,
          proposalId: 0,
          unitId: 0,
          unit: '区规划资源局',
          role: 'co',
          assignedDate: null,
          dueDate: null,
          opinionDate: '2024-04-01',
          opinionText: '同意主办单位的办理意见。',
        },
      );
    case 'feedback-form':
      return feedbackFormContext(input);
    case 'annual-report':
    case 'statistics-tables':
      return reportContext(SAMPLE_SESSION, sampleStatistics(), { achievements: '取得了成效。' }, '2024-12-01');
    case 'rectification':
      return rectificationContext(
        {
          id: 0,
          sessionId: null,
          name: '审议意见',
          title: '关于代表建议办理情况报告的审议意见',
          receivedDate: null,
          report: {
            addressee: '区人大常委会',
            docNumber: '青府发〔2024〕45号',
            date: '2024-10-30',
            text: '现将有关情况报告如下：',
          },
          items: [
            {
              aspect: '一、办理责任',
              problem: '问题一',
              suggestion: '建议一',
              measures: '措施一',
              units: '区政府办公室',
              deadline: '持续推进',
            },
            {
              aspect: '一、办理责任',
              problem: '问题二',
              suggestion: '建议二',
              measures: '措施二',
              units: '各承办单位',
              deadline: '2025-06-30',
            },
          ],
        },
        '青川区人民政府',
        '2024-10-30',
      );
  }
}
