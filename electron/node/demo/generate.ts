import type { Store } from '../../../db/store';
import { addDaysIso, type IsoDate } from '../../common/domain/dates';
import type { Session } from '../../common/domain/session';
import { DELEGATIONS, deputyNames, UNITS } from './district';
import { addCohandlingOpinions } from './handling';
import { DEMO_NARRATIVE, DEMO_OPINION_REPORT, DEMO_RECTIFICATION } from './narrative';
import { generateSession } from './proposals';
import { random } from './random';

/**
 * A realistic, made-up district: units, deputies and two years of proposals written by a
 * seeded generator, so that every screen, statistic and document has something true to show.
 * All names are invented.
 */

interface DemoOptions {
  /** The day the demo is "as of": the current session is about four months old. */
  today: IsoDate;
  seed?: number;
  /** Proposals in the current session (the previous one gets about 10% fewer). */
  count?: number;
}

interface DemoResult {
  current: Session;
  previous: Session;
  opinionName: string;
}

/** Fills an empty database with the demo district. */
export function generateDemo(store: Store, options: DemoOptions): DemoResult {
  const rng = random(options.seed ?? 20240301);
  const count = options.count ?? 260;
  const assignedAround = addDaysIso(options.today, -125);
  const year = Number(assignedAround.slice(0, 4));
  return store.transaction(() => {
    const deputies = deputyNames(rng, 140);
    store.deputies.ensure(deputies);
    for (const [i, name] of deputies.entries()) store.deputies.ensure([name], DELEGATIONS[i % DELEGATIONS.length]!);
    store.units.ensure(UNITS.map((u) => u.name));
    for (const unit of UNITS) {
      const id = store.units.findByName(unit.name)!.id;
      store.units.updateLetterhead(id, {
        fullName: unit.fullName,
        docPrefix: unit.prefix,
        contactPerson: rng.pick(deputies.slice(-60, -40)),
        contactPhone: `${rng.int(5000, 5999)}${String(rng.int(0, 9999)).padStart(4, '0')}`,
        copyTo: '区人大常委会代表工委，区政府办公室',
      });
    }
    const previous = generateSession(store, rng, deputies, {
      name: '区七届人大二次会议',
      year: year - 1,
      assignedAround: `${year - 1}${assignedAround.slice(4)}`,
      count: Math.round(count * 0.9),
      today: options.today,
      quality: 0.55,
    });
    const current = generateSession(store, rng, deputies, {
      name: '区七届人大三次会议',
      year,
      assignedAround,
      count,
      today: options.today,
      quality: 0.85,
    });
    const opinionName = `${previous.name}建议办理情况报告审议意见`;
    const opinionId = store.reviews.create({
      name: opinionName,
      title: `关于${previous.name}以来代表建议办理情况报告的审议意见`,
      sessionId: previous.id,
      items: DEMO_RECTIFICATION,
    });
    store.reviews.setReport(opinionId, {
      addressee: '区人大常委会',
      docNumber: `青府发〔${year}〕${rng.int(20, 60)}号`,
      date: addDaysIso(options.today, -3),
      text: DEMO_OPINION_REPORT,
    });
    for (const [section, text] of Object.entries(DEMO_NARRATIVE)) store.drafts.set(current.id, section, text);
    addCohandlingOpinions(store, current.id);
    store.events.append({
      entity: 'session',
      entityId: current.id,
      action: '生成演示数据',
      details: { seed: options.seed ?? 20240301 },
    });
    return { current: store.sessions.get(current.id), previous: store.sessions.get(previous.id), opinionName };
  });
}
