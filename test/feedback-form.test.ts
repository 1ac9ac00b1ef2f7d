import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../electron/node/demo/generate';
import { generateLetters } from '../electron/node/documents/generate/letters';
import { POOL_THRESHOLD } from '../electron/node/documents/generate/letter-pool';
import { docxParts, docxText, pdfInfo, pdfPages, toPdf } from './helpers/docx';
import { newStore, tempDir } from './helpers/fixtures';

// The feedback form (征询意见表) goes with each reply: attitude and result rated apart, whether
// the unit met the deputy, room for remarks, signature and date, one page.

const TODAY = '2024-07-15';

describe('the feedback form', () => {
  it('is written beside each reply letter, one page, with both ratings and the session’s words', async () => {
    const store = await newStore();
    const demo = generateDemo(store, { today: TODAY });
    const dir = tempDir();
    const result = await generateLetters(store, {
      session: demo.current,
      outDir: dir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1', '2', '3'],
      feedbackForms: true,
    });
    const names = fs.readdirSync(dir).sort();
    const forms = names.filter((n) => n.endsWith('-征询意见表.docx'));
    const letters = names.filter((n) => !n.endsWith('-征询意见表.docx'));
    expect(forms).toHaveLength(3);
    expect(letters.length).toBeGreaterThanOrEqual(3);
    expect(result.files).toHaveLength(names.length);
    for (const form of forms) expect(letters.some((l) => form.startsWith(l.split('-')[0]!))).toBe(true);

    const first = store.proposals.ledger(demo.current.id).find((p) => p.number === '0001')!;
    const text = docxText(path.join(dir, forms[0]!));
    expect(text.replace(/\n/g, '')).toContain(`${demo.current.name}代表建议办理情况征询意见表`);
    expect(text).toContain(first.title);
    expect(text).toContain(first.leadDeputies[0]!);
    expect(text).toContain('□满意\u3000\u3000□基本满意\u3000\u3000□不满意');
    expect(text).toContain('□同意\u3000\u3000□基本同意\u3000\u3000□不同意');
    expect(text).toContain('□是\u3000\u3000□否');
    expect(text).toContain('代表签名');

    const pdfs = toPdf(
      forms.map((f) => path.join(dir, f)),
      path.join(dir, 'pdf'),
    );
    for (const pdf of pdfs) expect(pdfInfo(pdf).pages).toBe(1);
    expect(pdfPages(pdfs[0]!)[0]).toContain('意见和建议');
  });

  it('names the lead unit, by its full name, as the form’s author and company, in a small batch and on the pool', async () => {
    const store = await newStore();
    const demo = generateDemo(store, { today: TODAY });
    const ledger = store.proposals.ledger(demo.current.id);
    const fullName = new Map(store.units.list().map((u) => [u.name, u.fullName]));
    const properties = (file: string) => {
      const parts = docxParts(file);
      return {
        creator: /<dc:creator>([^<]*)<\/dc:creator>/.exec(parts['docProps/core.xml']!)?.[1],
        company: /<Company>([^<]*)<\/Company>/.exec(parts['docProps/app.xml']!)?.[1],
      };
    };
    // Two letters with their forms are made in-process; forms for enough proposals go to the worker pool.
    const small = ['1', '2'];
    const pooled = ledger.slice(0, POOL_THRESHOLD).map((p) => p.number);
    for (const [only, kind] of [
      [small, 'reply-letter'],
      [pooled, 'feedback-form'],
    ] as const) {
      const dir = tempDir();
      await generateLetters(store, {
        session: demo.current,
        outDir: dir,
        kind,
        today: TODAY,
        only: [...only],
        feedbackForms: true,
      });
      const forms = fs.readdirSync(dir).filter((n) => n.endsWith('-征询意见表.docx'));
      expect(forms).toHaveLength(only.length);
      for (const form of forms) {
        const proposal = ledger.find((p) => form.startsWith(`${p.number}-`))!;
        const unit = fullName.get(proposal.leadUnit)!;
        expect(unit).toMatch(/^青川区/);
        expect(properties(path.join(dir, form)), form).toEqual({ creator: unit, company: unit });
      }
    }
  }, 120_000);

  it('reads as a 政协 form in a 提案 session, on the session’s five-step scale', async () => {
    const store = await newStore();
    const session = store.sessions.create({
      name: '区政协七届三次会议',
      year: 2024,
      settings: { kind: 'cppcc', feedbackScale: 'five' },
    });
    const unit = store.units.ensure(['区教育局']).get('区教育局')!;
    const id = store.proposals.insert(session.id, {
      ...(await import('../electron/common/entities/proposal')).EMPTY_PROPOSAL,
      number: '12',
      title: '关于加强校园周边交通安全管理的提案',
    });
    const deputies = store.deputies.ensure(['民进区委']);
    store.proposals.setPeopleAndUnits(id, {
      leadDeputies: [deputies.get('民进区委')!],
      coDeputies: [],
      leadUnit: unit,
      coUnits: [],
    });
    const dir = tempDir();
    await generateLetters(store, { session, outDir: dir, kind: 'feedback-form', today: TODAY });
    const [form] = fs.readdirSync(dir);
    expect(form).toBe('12-关于加强校园周边交通安全管理的提案-征询意见表.docx');
    const text = docxText(path.join(dir, form!));
    expect(text.replace(/\n/g, '')).toContain('区政协七届三次会议提案办理情况征询意见表');
    expect(text).toContain('提案号');
    expect(text).toContain('提案人');
    expect(text).toContain('民进区委');
    expect(text).toContain('委员签名');
    expect(text).not.toContain('代表');
    expect(text).toContain('□好\u3000\u3000□较好\u3000\u3000□一般\u3000\u3000□较差\u3000\u3000□差');
  });
});
