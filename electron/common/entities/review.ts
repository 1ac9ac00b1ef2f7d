export interface RectificationItem {
  aspect: string;
  problem: string;
  suggestion: string;
  measures: string;
  units: string;
  /** A date (YYYY-MM-DD) or wording such as 持续推进. */
  deadline: string;
}

export interface ReviewOpinion {
  id: number;
  sessionId: number | null;
  name: string;
  title: string;
  receivedDate: string | null;
  items: RectificationItem[];
  /** The government's report answering the opinion: 主送, 文号, date and text. */
  report: OpinionReport;
}

export interface OpinionReport {
  addressee: string;
  docNumber: string;
  date: string | null;
  text: string;
}
