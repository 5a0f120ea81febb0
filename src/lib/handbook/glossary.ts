// The glossary (术语表): which terms have an entry, the anchor of each entry, and a matcher that
// finds terms in running text. The definitions themselves are prose in content/handbooks/glossary.mdx,
// where each <GlossaryEntry id="…"> takes its heading from this list, so a term and its anchor are
// written down exactly once.

/** One glossary term: its anchor id on the glossary page, the term, and other spellings to link. */
export interface GlossaryTerm {
  /** Stable ASCII anchor, the term in pinyin. */
  id: string;
  term: string;
  /** Other spellings found in documents (e.g. with quotation marks inside), linked to the same entry. */
  aliases?: readonly string[];
}

/** Path of the glossary page, without the site base. */
export const glossaryPath = '/handbooks/glossary/';

/** The id of the glossary page in the handbooks collection. */
export const glossaryId = 'glossary';

/** Every glossary term, in the order the glossary page lists them. */
export const glossaryTerms: readonly GlossaryTerm[] = [
  { id: 'duzheng', term: '督政' },
  { id: 'duxue', term: '督学' },
  { id: 'pinggu-jiance', term: '评估监测', aliases: ['监测评估'] },
  { id: 'zeren-duxue', term: '责任督学', aliases: ['挂牌督学'] },
  { id: 'guapai-dudao', term: '挂牌督导' },
  { id: 'duxue-zerenqu', term: '督学责任区' },
  { id: 'jingchangxing-dudao', term: '经常性督导' },
  { id: 'zhuanxiang-dudao', term: '专项督导' },
  { id: 'zonghe-dudao', term: '综合督导' },
  { id: 'ziwo-dudao', term: '自我督导' },
  { id: 'lvxing-jiaoyu-zhize-pingjia', term: '履行教育职责评价' },
  { id: 'youzhi-junheng', term: '优质均衡' },
  { id: 'puji-puhui', term: '普及普惠' },
  { id: 'chayi-xishu', term: '差异系数' },
  { id: 'shehui-renkedu', term: '社会认可度' },
  { id: 'yipiao-foujue', term: '一票否决' },
  { id: 'zhiliang-jiance', term: '质量监测' },
  { id: 'zengzhi-pingjia', term: '增值评价' },
  { id: 'dudao-yijianshu', term: '督导意见书' },
  { id: 'duban-tongzhi', term: '督办通知' },
  { id: 'huitoukan', term: '回头看' },
  { id: 'yuetan', term: '约谈' },
  { id: 'tongbao', term: '通报' },
  { id: 'wenze', term: '问责' },
  { id: 'sanse-dudao', term: '三色督导', aliases: ['“三色”督导', '“三色”教育督导'] },
  { id: 'sanshi-fenliu', term: '三事分流' },
  { id: 'fengqiao-jingyan', term: '枫桥经验' },
  { id: 'shuangjian', term: '双减' },
  { id: 'wuxiang-guanli', term: '五项管理' },
];

/** A term found in a text: where it starts, the text matched, and the entry it belongs to. */
export interface TermMatch {
  index: number;
  text: string;
  entry: GlossaryTerm;
}

/** Escape a string for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Return a function that lists the glossary terms in a text, left to right. Where terms overlap the
 * longest wins, so 责任督学 is matched as a whole and not as 督学. Terms inside a document title
 * (《教育督导问责办法》) are not matched: a title is cited as a whole.
 */
export function createTermMatcher(terms: readonly GlossaryTerm[] = glossaryTerms): (text: string) => TermMatch[] {
  const bySpelling = new Map<string, GlossaryTerm>();
  for (const entry of terms) {
    for (const spelling of [entry.term, ...(entry.aliases ?? [])]) bySpelling.set(spelling, entry);
  }
  const spellings = [...bySpelling.keys()].sort((a, b) => b.length - a.length);
  if (spellings.length === 0) return () => [];
  const pattern = new RegExp(spellings.map(escapeRegExp).join('|'), 'g');
  return (text) => {
    const titles = [...text.matchAll(/《[^《》]*》/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const inTitle = (index: number) => titles.some(([start, end]) => index > start && index < end);
    return [...text.matchAll(pattern)]
      .filter((match) => !inTitle(match.index))
      .map((match) => ({ index: match.index, text: match[0], entry: bySpelling.get(match[0]) as GlossaryTerm }));
  };
}

/** Return the glossary entry with this id, or undefined. */
export function glossaryTermById(id: string): GlossaryTerm | undefined {
  return glossaryTerms.find((entry) => entry.id === id);
}
