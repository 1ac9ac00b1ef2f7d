/**
 * What fontTable.xml says about each font a document names, so that a machine without a
 * convention font (仿宋_GB2312, 方正小标宋简体 …) still draws the right kind of face: the GB2312
 * character set (86), the family and pitch, the PANOSE number where it is known, and as
 * `altName` a face that stock Windows, WPS and UOS/Kylin have.
 */

export interface FontFacts {
  altName?: string;
  panose?: string;
  charset: '86' | '00';
  family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  pitch: 'fixed' | 'variable' | 'default';
}

const CJK_FIXED = { charset: '86', family: 'modern', pitch: 'fixed' } as const;
const CJK_OTHER = { charset: '86', family: 'auto', pitch: 'variable' } as const;

/** Fonts whose facts are known: the stock faces of Windows and the usual convention faces. */
const KNOWN: Record<string, FontFacts> = {
  宋体: { altName: 'SimSun', panose: '02010600030101010101', ...CJK_OTHER },
  仿宋: { altName: 'FangSong', panose: '02010609060101010101', ...CJK_FIXED },
  楷体: { altName: 'KaiTi', panose: '02010609060101010101', ...CJK_FIXED },
  黑体: { altName: 'SimHei', panose: '02010609060101010101', ...CJK_FIXED },
  仿宋_GB2312: { altName: '仿宋', panose: '02010609030101010101', ...CJK_FIXED },
  楷体_GB2312: { altName: '楷体', panose: '02010609030101010101', ...CJK_FIXED },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
};

/** The stock face a convention face falls back to, by what its name says it is. */
const FALLBACKS: [RegExp, string][] = [
  [/仿宋/, '仿宋'],
  [/楷/, '楷体'],
  [/黑/, '黑体'],
  [/宋|明/, '宋体'],
];

export function fontFacts(name: string): FontFacts {
  const known = KNOWN[name];
  if (known) return known;
  // Any CJK character in the name: a Chinese face (方正小标宋简体, 方正仿宋_GBK, 华文中宋 …).
  if (/[\u2e80-\u9fff\uf900-\ufaff]/.test(name)) {
    const altName = FALLBACKS.find(([pattern]) => pattern.test(name))?.[1];
    return { ...(altName && altName !== name ? { altName } : {}), ...CJK_OTHER };
  }
  return { charset: '00', family: 'auto', pitch: 'variable' };
}
