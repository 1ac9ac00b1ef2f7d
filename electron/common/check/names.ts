/**
 * Text folding for matching a draft against the records: one character in, one character out,
 * so that an offset in the folded text is the same offset in the draft. Full-width digits,
 * letters and signs become half-width, the Traditional characters that occur in the names and
 * key words of these reports become Simplified, and names are compared without the suffixes and
 * joining words clerks vary ("城市建设和管理方面" is the category "城市建设与管理").
 */

// Traditional → Simplified, pairs of characters. Only what the names, result labels, feedback
// values and key words of handling reports use; not a general converter.
const TRADITIONAL =
  '設设經经濟济會会業业發发區区務务環环衛卫體体養养農农權权資资議议辦办結结開开見见滿满態态決决劃划參参納纳採采問问題题' +
  '與与護护醫医療疗學学園园執执電电勞劳動动廣广場场糧粮稅税財财歷历歸归範范構构鄉乡鎮镇華华東东車车軍军運运輸输線线網网' +
  '絡络級级計计規规監监導导變变讓让實实現现進进對对關关應应預预評评價价質质類类項项條条數数總总佔占達达為为複复復复較较' +
  '點点準准時时並并億亿萬万個个們们來来後后勢势產产眾众邊边綠绿氣气響响給给難难轉转傳传統统況况續续兩两採采納纳參参' +
  '審审補补礎础產产廠厂單单團团組组織织職职稱称質质額额際际險险災灾態态廳厅處处號号屆届屆届次次紀纪錄录檔档獲获' +
  '營营鐵铁樓楼廈厦廟庙歲岁滬沪臺台灣湾黨党務务員员壇坛陽阳陰阴隊队陸陆憑凭齊齐養养減减稱称龍龙齡龄';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) T2S.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);

/** Folds one character (see the module comment); always returns exactly one UTF-16 unit for one. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009) return ' ';
  if (ch === '﹪') return '%';
  return T2S.get(ch) ?? ch;
}

/** The draft's text folded for matching, of exactly the same length. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

const QUOTES = /[“”"'‘’「」『』《》〈〉]/g;
const JOINERS = /[和及暨、&]/g;
const LEADING = /^(?:其中|涉及|关于|属于|办理结果为|办理结果是|结果为|评价为|评为|分别为|为|是|有|的)+/;
const TRAILING = /(?:方面|领域|类别|类|件|项|条|的|有|共|计|为|是|等)+$/;

/**
 * A name as compared: folded, without spaces and quotes, without the words around it that
 * change from draft to draft ("涉及…方面有", "…类"), with 和/及/、 read as 与.
 */
export function nameKey(name: string): string {
  let key = foldText(name).replace(/\s+/g, '').replace(QUOTES, '');
  for (let i = 0; i < 3; i++) key = key.replace(LEADING, '').replace(TRAILING, '');
  return key.replace(JOINERS, '与');
}
