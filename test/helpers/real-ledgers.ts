import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { escapeXml, columnName } from './xlsx-raw';

/**
 * Ledgers laid out as the exporting systems write them (docs/ledger-layouts.md): the rows above
 * the header, the merges, the header text with its trailing spaces and line breaks, the values
 * each system prints, and the file format it really produces (a real .xlsx, an HTML table under
 * an .xlsx name, CSV text under an .xls name, an .xlsx without shared strings). Names and titles
 * are made up; the vocabularies are the systems' own.
 */

type Cell = string | number | Date | null;

export interface Layout {
  id: string;
  /** Which system, and where its export code lives. */
  source: string;
  fileName: string;
  bytes: () => Promise<Buffer>;
}

/** An .xlsx as Excel writes it, with merges; cells that hold dates become date cells. */
async function excelWorkbook(
  sheetName: string,
  rows: Cell[][],
  merges: string[],
  options: { textColumns?: number[] } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    const added = sheet.addRow(row);
    added.eachCell((cell, col) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (options.textColumns?.includes(col - 1)) cell.numFmt = '@';
    });
  }
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso.replace(' ', 'T')}Z`);

// --- 1. A district 政协 system in C# (Excel Interop, SaveCopyAs to .xlsx) ---------------------

const HONGKOU_HEADER = [
  '流水号',
  '提案序号',
  '提案分类',
  '第一提案人',
  '联名提案人',
  '案由',
  '提案内容',
  '附件',
  '提案性质',
  '主办单位',
  '会办单位',
  '办理结果',
  '提案时间',
];
const HONGKOU_TAIL = ['征询意见', '再办理', '跟踪办理情况', '跟踪办理结果', '计划办结日期'];

/** Rows above the header: download stamp, period, then the title merged over the first 13 columns. */
function hongkouTop(feedback: boolean): Cell[][] {
  const title: Cell[] = ['十四届五次 立案提案', ...Array(12).fill(null)];
  return [
    ['下载时间：2021-01-05 14:03:22，下载人：管理员'],
    [],
    ['提案时间：2019/12/01 - 2020/11/30'],
    [],
    feedback ? [...title, '意见反馈', null, null] : title,
  ];
}

/**
 * The proposals both exports list, in the 13 columns of HONGKOU_HEADER (提案内容 as the default
 * export fills it); each export adds its own columns after them.
 */
const HONGKOU_PROPOSALS: Cell[][] = [
  [
    1523,
    '105',
    '城市建设与管理',
    '张建华',
    '李明,王芳',
    '关于加快北外滩地区停车设施建设的提案',
    '北外滩地区停车难……',
    '',
    '立案',
    '区建管委',
    '区交通委',
    '解决或采纳',
    at('2020-01-08 10:21:35'),
  ],
  [
    1547,
    '132',
    '经济',
    '民建虹口区委',
    '',
    '关于优化营商环境支持小微企业发展的提案',
    '建议简化审批流程。',
    '',
    '立案',
    '区商务委',
    '',
    '列入计划拟解决',
    day('2020-01-09'),
  ],
  [
    1560,
    '149',
    '教科文卫体',
    '陈静',
    '赵磊',
    '关于加强社区养老服务中心建设的提案',
    '建议增设嵌入式养老服务中心。',
    '',
    '立案',
    '区民政局',
    '区卫健委',
    '留作参考',
    at('2020-01-10 09:02:11'),
  ],
  [
    1571,
    '150',
    '城市建设与管理',
    '周敏',
    '',
    '关于改善社区垃圾分类设施的提案',
    '',
    '',
    '立案',
    '区绿化市容局',
    '',
    '处理中',
    day('2020-01-11'),
  ],
];

/** Each proposal's row: its HONGKOU_HEADER columns, then the export's columns after them. */
const hongkouRows = (proposals: Cell[][], after: Cell[][]): Cell[][] => proposals.map((columns, i) => [...columns, ...after[i]!]);

export const hongkouDefault: Layout = {
  id: 'hongkou-default',
  source: '区政协提案系统（C#），提案导出（默认列）',
  fileName: '立案提案_20210105140322.xlsx',
  bytes: () =>
    excelWorkbook(
      'Sheet1',
      [
        ...hongkouTop(false),
        [...HONGKOU_HEADER, ...HONGKOU_TAIL],
        ...hongkouRows(HONGKOU_PROPOSALS, [
          ['是', '否', '已办复', '', '2020-06-30'],
          ['是', '', '已办复', '', '2020-12-31'],
          ['否', '', '部门处理', '', ''],
          ['', '', '部门处理', '', ''],
        ]),
      ],
      ['A5:M5'],
      { textColumns: [1, 2, 3, 4, 5, 9, 10, 11] },
    ),
};

/** The same export with the 意见反馈 group: 走访情况, 办理态度 and 办理结果 a second time. */
export function hongkouFeedback(rows: Cell[][]): Layout {
  return {
    id: 'hongkou-feedback',
    source: '区政协提案系统（C#），提案导出（含意见反馈）',
    fileName: '立案提案_20210105140540.xlsx',
    bytes: () =>
      excelWorkbook(
        'Sheet1',
        [...hongkouTop(true), [...HONGKOU_HEADER, '走访情况', '办理态度', '办理结果', ...HONGKOU_TAIL], ...rows],
        ['A5:M5', 'N5:P5'],
      ),
  };
}

const CONTENT = HONGKOU_HEADER.indexOf('提案内容');

/** The first three proposals with the 意见反馈 group; this export leaves 提案内容 empty. */
export const HONGKOU_FEEDBACK_ROWS: Cell[][] = hongkouRows(
  HONGKOU_PROPOSALS.slice(0, 3).map((columns) => columns.map((value, c) => (c === CONTENT ? '' : value))),
  [
    ['已走访', '满意', '同意', '是', '否', '已办复', '', '2020-06-30'],
    ['委员本人提出不需要走访', '理解', '理解', '是', '', '已办复', '', ''],
    ['未走访', '不满意', '保留', '是', '是', '督办处理', '列入计划拟解决', ''],
  ],
);

// --- 2. A 政协 提案 module in Java (jxl), saved again as .xlsx by the clerk ---------------------

const JW_DETAIL_HEADER = [
  '届次',
  '提案编号',
  '案由',
  '第一提案人',
  '提案人数',
  '提案类型',
  '办理方式',
  '可否公开',
  '可否附议',
  '提案状态',
  '内容分类',
  '优秀提案',
  '重点提案',
  '督办领导',
  '合并提案',
  '建议办理单位',
  '拟定办理单位',
  '办理单位',
  '审查日期',
  '交办日期',
  '要求办结日期',
  '解决程度 ',
  '提案人意见',
];

/** 提案明细表: the title merged over A1:W1, every cell text, dates printed "yyyy-MM-dd H:m:s". */
export const jwDetail: Layout = {
  id: 'jw-detail',
  source: '政协提案系统（Java，jxl），提案明细表',
  fileName: 'proposal_query.xlsx',
  bytes: () =>
    excelWorkbook(
      'Sheet1 ',
      [
        [null, '第三届一次委员会提案明细表'],
        JW_DETAIL_HEADER,
        [
          '三届一次',
          '2013001',
          '关于加快城区老旧小区改造的提案',
          '张伟',
          '3',
          '委员提案',
          '单办',
          '可',
          '可',
          '已答复',
          '城乡建设',
          '否',
          '是',
          '李副市长',
          '否',
          '市住建局',
          '住建局',
          '市住房和城乡建设局',
          '2013-01-20 0:0:0',
          '2013-02-05',
          '2013-05-05',
          'A.解决或基本解决',
          '满意',
        ],
        [
          '三届一次',
          '2013002',
          '关于发展职业教育的提案',
          '民进市委',
          '1',
          '党派团体提案',
          '会办',
          '否',
          '可',
          '未答复',
          '科教文卫体',
          '否',
          '否',
          '',
          '否',
          '市教育局、市人社局',
          '教育局、人社局',
          '市教育局，市人力资源和社会保障局',
          '2013-01-20 0:0:0',
          '2013-02-05',
          '2013-05-05',
          '',
          '',
        ],
        [
          '三届一次',
          '2013003',
          '关于加强农村饮水安全的提案',
          '刘洋、陈红',
          '2',
          '委员提案',
          '分办',
          '可',
          '否',
          '已答复',
          '农牧林水',
          '否',
          '否',
          '',
          '是',
          '市水务局',
          '水务局',
          '市水务局',
          '2013-01-21 0:0:0',
          '2013-02-05',
          '2013-05-05',
          'C.因条件所限等原因暂不能解决，留作参考',
          '基本满意',
        ],
        [
          '三届一次',
          '2013004',
          '关于完善城市排水管网的提案',
          '经济界别',
          '1',
          '界别提案',
          '单办',
          '可',
          '可',
          '已答复',
          '城乡建设',
          '否',
          '否',
          '',
          '否',
          '市住建局',
          '住建局',
          '市住房和城乡建设局',
          '2013-01-21 0:0:0',
          '2013-02-05',
          '2013-05-05',
          'B.列入计划拟解决',
          '满意',
        ],
      ],
      ['A1:W1'],
    ),
};

/** 办理回复明细表: one unit's replies; the title merged over one column more than the header has. */
export const jwReplies: Layout = {
  id: 'jw-replies',
  source: '政协提案系统（Java，jxl），办理回复明细表',
  fileName: 'export.xlsx',
  bytes: () =>
    excelWorkbook(
      'Sheet1 ',
      [
        ['办理回复明细表'],
        [
          '序号',
          '提案编号',
          '届次',
          '提案类型',
          '提案标题',
          '立案日期',
          '第一提案人',
          '提案人数',
          '要求交办日期',
          '实际办结日期',
          '办理单位',
          '办理类型',
          '解决程度',
          '提案人意见',
        ],
        [
          '1',
          '2013001',
          '三届一次',
          '委员提案',
          '关于加快城区老旧小区改造的提案',
          '2013-01-10 14:22:05.0',
          '张伟,李娜,王强',
          '3',
          '2013-05-05',
          '2013-04-18',
          '市住房和城乡建设局',
          '单办',
          'A.解决或基本解决',
          '满意',
        ],
        [
          '2',
          '2013007',
          '三届一次',
          '界别提案',
          '关于完善城市排水管网的提案',
          '2013-01-11 09:03:07.0',
          '经济界别',
          '1',
          '2013-05-05',
          '',
          '市住房和城乡建设局',
          '会办',
          '',
          '',
        ],
        [
          '3',
          '2013015',
          '三届一次',
          '委员提案',
          '关于规范建筑工地扬尘治理的提案',
          '2013-01-12 16:40:00.0',
          '刘洋',
          '1',
          '2013-05-05',
          '2013-05-02',
          '市住房和城乡建设局',
          '分办',
          'B.列入计划拟解决',
          '基本满意',
        ],
      ],
      ['A1:O1'],
    ),
};

/** 政府系统承办情况: the unit with its count merged down its rows ("住建局(2)"). */
export const jwByUnit: Layout = {
  id: 'jw-by-unit',
  source: '政协提案系统（Java，jxl），政府系统承办情况',
  fileName: 'proposalcount_gov.xlsx',
  bytes: () =>
    excelWorkbook(
      'Sheet1 ',
      [
        ['政协第三届一次委员会提案政府系统承办情况'],
        ['承办单位', '提案编号', '案由', '第一提案人', '提案人数', '提案类型', '内容分类', '重点提案', '督办领导', '办理方式'],
        [
          '住建局(2)',
          '2013001',
          '关于加快城区老旧小区改造的提案',
          '张伟、李娜',
          '3',
          '委员提案',
          '城乡建设',
          '是',
          '李副市长',
          '单办',
        ],
        [null, '2013015', '关于规范建筑工地扬尘治理的提案', '刘洋', '1', '委员提案', '资源环境', '否', '', '分办'],
        ['教育局(1)', '2013002', '关于发展职业教育的提案', '民进市委', '1', '党派团体提案', '科教文卫体', '否', '', '会办'],
      ],
      ['A1:J1', 'A3:A4'],
    ),
};

/** The real export of that system: a BIFF8 workbook (an OLE compound file). */
export function oleWorkbook(): Buffer {
  const header = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  Buffer.from('Workbook', 'utf16le').copy(header, 1024);
  return header;
}

// --- 3. A county 人大 system in JSP: an HTML table sent as "Excel" ------------------------------

function htmlPage(caption: string, headRows: string[], bodyRows: string[][]): Buffer {
  // As the JSP writes it: each data row in its own <tbody>, followed by an empty <tfoot>.
  const body = bodyRows.map((cells) => `<tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></tbody><tfoot></tfoot>`);
  return Buffer.from(
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n<table border="1"><caption>${caption}</caption><thead>${headRows.join('')}</thead>${body.join('\n')}</table></body></html>`,
    'utf8',
  );
}

/** 代表建议承办单位办理情况满意度测评表: 代表测评情况 over three tick columns with score bands. */
export function zhrdSatisfaction(rows: string[][]): Layout {
  return {
    id: 'zhrd-satisfaction',
    source: '县人大代表建议系统（JSP），满意度测评表',
    fileName: '2019-03-20自治县十五届人大二次会议代表建议承办单位办理情况满意度测评表.xlsx',
    bytes: async () =>
      htmlPage(
        '自治县十五届人大二次会议代表建议承办单位办理情况满意度测评表',
        [
          '<tr><th rowspan="2">序号</th><th rowspan="2">建议编号</th><th colspan="2">领衔代表</th><th rowspan="2">建议标题</th><th rowspan="2">主办单位</th><th colspan="3">代表测评情况</th><th rowspan="2">备注</th></tr>',
          '<tr><th>单位</th><th>姓名</th><th>满意<p>(80分-100分)</p></th><th>基本满意<p>(60分-79分)</p></th><th>不满意<p>(59分以下)</p></th></tr>',
        ],
        rows,
      ),
  };
}

export const ZHRD_RETURNED: string[][] = [
  ['1', '12', '城关镇代表团', '韦德明', '关于修缮县城至下南乡公路的建议', '县交通运输局', '√', '', '', ''],
  ['2', '27', '教育界代表团', '覃丽华', '关于改善乡村学校寄宿条件的建议', '县教育局', '', '√', '', ''],
  ['3', '31', '洛阳镇代表团', '蒙志强', '关于加强农村饮水工程管护的建议', '县水利局', '√', '', '', ''],
  ['4', '35', '城关镇代表团', '韦德明', '关于增设县城公共停车场的建议', '县住建局', '', '', '', '未返回'],
];

/** 建议目录: 提建议人 over 单位 | 姓名, and the unit proposed before assignment (拟主办单位). */
export const zhrdCatalogue: Layout = {
  id: 'zhrd-catalogue',
  source: '县人大代表建议系统（JSP），建议目录',
  fileName: '2019-03-20自治县十五届人民代表大会第二次会议代表建议目录.xlsx',
  bytes: async () =>
    htmlPage(
      '自治县十五届人民代表大会第二次会议代表建议目录',
      [
        '<tr><th rowspan="2">建议编号</th><th colspan="2">提建议人</th><th rowspan="2">建议标题</th><th rowspan="2">拟主办单位</th><th rowspan="2">备注</th></tr>',
        '<tr><th>单位</th><th>姓名</th></tr>',
      ],
      [
        ['31', '洛阳镇代表团', '蒙志强', '关于加强农村饮水工程管护的建议', '县水利局', ''],
        ['27', '教育界代表团', '覃丽华', '关于改善乡村学校寄宿条件的建议', '县教育局', ''],
        ['12', '城关镇代表团', '韦德明', '关于修缮县城至下南乡公路的建议', '县交通运输局', ''],
      ],
    ),
};

/** The same report by unit: no 建议号 and no 标题, so not a ledger of proposals. */
export const zhrdByUnit: Layout = {
  id: 'zhrd-by-unit',
  source: '县人大代表建议系统（JSP），按承办单位的测评表',
  fileName: '2019-03-20自治县十五届人大二次会议代表建议承办单位办理情况满意度测评表（单位）.xlsx',
  bytes: async () =>
    htmlPage(
      '自治县十五届人大二次会议代表建议承办单位办理情况满意度测评表',
      [
        '<tr><th rowspan="2">序号</th><th rowspan="2">承办代表建议单位</th><th rowspan="2">承办建议数</th><th colspan="3">代表测评情况</th><th rowspan="2">排名</th><th rowspan="2">备注</th></tr>',
        '<tr><th>满意<p>(80分-100分)</p></th><th>基本满意<p>(60分-79分)</p></th><th>不满意<p>(59分以下)</p></th></tr>',
      ],
      [
        ['1', '县交通运输局', '14', '', '', '', '', ''],
        ['2', '县教育局', '9', '', '', '', '', ''],
      ],
    ),
};

// --- 4. A city 政协 system's table toolbar export: CSV text under an .xls name ---------------

/** layui's export: a BOM, headers unquoted, every value quoted (inner quotes not escaped), CRLF, "undefined" for the 操作 column. */
export const jpmsToolbar: Layout = {
  id: 'jpms-toolbar',
  source: '市政协提案系统（Spring + layui），表格工具栏“导出”',
  fileName: 'table_1.xls',
  bytes: async () => {
    const rows = [
      ['12', '关于加强城市内涝治理的提案', '已交办', '2021-01-12', '王志刚', '市住建局', '市水利局,市财政局', 'undefined'],
      ['13', '关于推进老旧小区加装电梯的提案', '已测评', '2021-01-13', '刘芳', '市住建局', '', 'undefined'],
      ['14', '关于"一网通办"事项下沉街道的提案', '待审查', '2021-01-14', '陈晨', '', '', 'undefined'],
    ];
    const text =
      '\uFEFF提案号,提案标题,提案状态,提交时间,主导人,主办单位,会办单位,操作\r\n' +
      rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\r\n');
    return Buffer.from(text, 'utf8');
  },
};

// --- 5. A PHP 政协 site: an .xlsx built by hand, inline strings, no shared-strings part --------

export const hechiIntake: Layout = {
  id: 'hechi-intake',
  source: '市政协提案收件系统（PHP），提案收件清单',
  fileName: '提案收件清单.xlsx',
  bytes: async () => {
    const rows = [
      ['提案号', '案由', '提案人类别', '提案人', '界别', '专委会', '类别', '提交时间', '状态', '办理时间', '办理意见'],
      [
        '58',
        '关于推进长寿养生产业高质量发展的提案',
        '个人',
        '黄志坚',
        '经济界',
        '经济委员会',
        '经济建设',
        '2026-01-06 10:12:45',
        '已受理',
        '2026-01-08 15:30:02',
        '转交市文旅局研究办理',
      ],
      [
        '57',
        '关于加强乡村学校师资队伍建设的提案',
        '联名',
        '韦秀兰',
        '教育界',
        '教科卫体委员会',
        '社会建设',
        '2026-01-05 16:40:11',
        '已退回',
        '2026-01-06 09:05:37',
        '请补充具体建议措施后重新提交',
      ],
      ['56', '关于完善城区垃圾分类收运体系的提案', '集体', '', '', '', '生态文明建设', '2026-01-05 08:55:20', '已提交', '', ''],
    ];
    const sheetRows = rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) =>
              v === ''
                ? `<c r="${columnName(c)}${r + 1}" s="0"/>`
                : `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`,
            )
            .join('')}</row>`,
      )
      .join('');
    const files = {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="提案收件清单" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData><autoFilter ref="A1:K${rows.length}"/></worksheet>`,
      ),
    };
    return Buffer.from(zipSync(files));
  },
};
