import { formatChineseDate, isIsoDate, type IsoDate } from '../../domain/dates';
import type { ReviewOpinion } from '../../entities/review';

/** The data of the report answering a review opinion, with its 整改清单 as the attachment. */

export interface RectificationContext {
  options: { decimals: number };
  title: string;
  issuer: { name: string; mark: string; office: string };
  report: { addressee: string; docNumber: string; date: IsoDate; text: string };
  /** Rows in the clerk's order; `first` is true on the first row of a run of one 主要方面. */
  items: {
    aspect: string;
    first: boolean;
    problem: string;
    suggestion: string;
    measures: string;
    units: string;
    deadline: string;
  }[];
  aspects: string[];
}

export function rectificationContext(opinion: ReviewOpinion, issuingBody: string, today: IsoDate): RectificationContext {
  const issuer = issuingBody || '区人民政府';
  const aspects: string[] = [];
  const items = opinion.items.map((item, i) => {
    if (!aspects.includes(item.aspect)) aspects.push(item.aspect);
    return {
      aspect: item.aspect,
      first: i === 0 || opinion.items[i - 1]!.aspect !== item.aspect,
      problem: item.problem,
      suggestion: item.suggestion,
      measures: item.measures,
      units: item.units,
      deadline: isIsoDate(item.deadline) ? formatChineseDate(item.deadline) : item.deadline,
    };
  });
  const subject = opinion.title.replace(/^关于/, '').replace(/的审议意见$/, '');
  return {
    options: { decimals: 1 },
    title: `${issuer}办理区人大常委会关于${subject}审议意见的报告`,
    issuer: { name: issuer, mark: `${issuer}文件`, office: `${issuer.replace(/人民政府$/, '')}人民政府办公室` },
    report: {
      addressee: opinion.report.addressee || '区人大常委会',
      docNumber: opinion.report.docNumber,
      date: opinion.report.date ?? today,
      text: opinion.report.text,
    },
    items,
    aspects,
  };
}
