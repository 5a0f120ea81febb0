// The documents handbook pages cite, written down once: <SourceCitation doc="nanan-2021" …> takes
// the title, document number and date from here. A document published on this site (one of the
// seed documents in content/sources/) names its source file, so citations can link to its page.
import { z } from '../../schemas/zod.ts';
import { verificationTags } from '../../schemas/handbook';

/** A document that handbooks cite. */
export const citedDocumentSchema = z
  .object({
    title: z.string().min(1).describe('Title without 《》'),
    issuer: z.string().min(1).optional().describe('Issuing body or bodies, as printed'),
    number: z.string().min(1).optional().describe('Document number (发文字号), e.g. 闵府教督办〔2022〕1号'),
    numberTag: z
      .enum(verificationTags)
      .optional()
      .describe('Verification tag of the number when it is less certain than the document itself'),
    date: z
      .string()
      .min(1)
      .optional()
      .describe('Issue or publication date, only as precise as verified (e.g. 2021年4月30日, 2013年9月)'),
    sourceFile: z
      .string()
      .regex(/^[\w.-]+\.txt$/)
      .optional()
      .describe('File name under content/sources/ when the document is published on this site'),
  })
  .strict();

export type CitedDocument = z.infer<typeof citedDocumentSchema>;

/** Every document a handbook may cite, keyed by a short ASCII name. */
export const citedDocuments = {
  'nanan-2025': {
    title: '2025年南岸区教育督导工作要点',
    issuer: '重庆市南岸区教育委员会、重庆市南岸区人民政府教育督导室',
    date: '2025年4月27日',
    sourceFile: '000_f75fc5696027337f.txt',
  },
  'qijiang-2026': {
    title: '綦江区2026年教育督导工作要点',
    sourceFile: '001_fe831d2f7d40eae4.txt',
  },
  'fuling-2023': {
    title: '2023年涪陵区教育督导工作要点',
    issuer: '重庆市涪陵区人民政府教育督导室',
    date: '2023年3月22日',
    sourceFile: '002_79b1842ce61c72f1.txt',
  },
  'nanan-2021': {
    title: '南岸区深化新时代教育督导体制机制改革工作实施方案',
    issuer: '中共重庆市南岸区委办公室、重庆市南岸区人民政府办公室',
    date: '2021年4月30日',
    sourceFile: '003_ffd285beb26a04d6.txt',
  },
  'minhang-2022': {
    title: '2022年闵行区教育督导工作要点',
    issuer: '上海市闵行区人民政府教育督导委员会办公室',
    number: '闵府教督办〔2022〕1号',
    date: '2022年3月2日',
    sourceFile: '004_546e250b90f793a2.txt',
  },
  'guapai-2013': {
    title: '中小学校责任督学挂牌督导办法',
    issuer: '国务院教育督导委员会办公室',
    number: '国教督办〔2013〕7号',
    numberTag: 'M',
    date: '2013年9月',
  },
  'youeryuan-guapai-2019': {
    title: '幼儿园责任督学挂牌督导办法',
    issuer: '教育部',
    number: '教督〔2019〕3号',
    date: '2019年6月10日',
  },
  'youzhi-2017': {
    title: '县域义务教育优质均衡发展督导评估办法',
    issuer: '教育部',
    number: '教督〔2017〕6号',
    date: '2017年',
  },
  'junheng-2012': {
    title: '县域义务教育均衡发展督导评估暂行办法',
    issuer: '教育部',
    number: '教督〔2012〕3号',
    date: '2012年1月20日',
  },
  'renzheng-2019': {
    title: '县域义务教育优质均衡发展国家督导评估认定工作规程',
    number: '国教督办函〔2019〕30号',
  },
  'puji-2020': {
    title: '县域学前教育普及普惠督导评估办法',
    issuer: '教育部',
    number: '教督〔2020〕1号',
    date: '2020年',
  },
  'banyuan-2017': {
    title: '幼儿园办园行为督导评估办法',
    issuer: '教育部',
    number: '教督〔2017〕7号',
    date: '2017年5月',
  },
  'zhiliang-2021': {
    title: '义务教育质量评价指南',
    issuer: '教育部、中央组织部、中央编办、国家发展改革委、财政部、人力资源社会保障部',
    number: '教基〔2021〕3号',
    numberTag: 'M',
    date: '2021年3月（3月18日发布）',
  },
  'wenze-2021': {
    title: '教育督导问责办法',
    issuer: '国务院教育督导委员会',
    number: '国教督〔2021〕2号',
    numberTag: 'M',
    date: '2021年7月（2021年9月1日起施行）',
  },
  'fengxian-2023': {
    title: '奉贤区依法履行教育职责评价实地督导意见书',
    number: '沪府教督办〔2023〕12号',
    date: '2023年6月9日',
  },
  'shanghai-lvzhi-2022': {
    title: '上海市人民政府教育督导委员会关于对区政府开展依法履行教育职责评价工作（2021-2025年）的实施意见',
    number: '沪府教督〔2022〕2号',
  },
  'ningguo-2022': {
    title: '宁国市2022年义务教育基本均衡差异系数监测结果',
  },
} as const satisfies Record<string, CitedDocument>;

export type CitedDocumentKey = keyof typeof citedDocuments;

/** Return the cited document with this key; throws with the list of known keys for a typo. */
export function citedDocument(key: string): CitedDocument {
  const found = (citedDocuments as Record<string, CitedDocument>)[key];
  if (!found) {
    throw new Error(`未知的引用文件“${key}”：请在 src/lib/handbook/documents.ts 中登记。已登记：${Object.keys(citedDocuments).join('、')}`);
  }
  return found;
}
