// County figures are exact and no school is lost: the CV from exact ratios, a stated rule for
// missing years and duplicates, answers files checked like rows, every encoding Excel writes,
// one Chinese message for a file that is not a table, and formula-safe CSV.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCounty, resultsCsv } from '../../../src/lib/county/compute';
import { readSchoolFile, readSchoolFiles } from '../../../src/lib/county/files';
import { issueLines, loadSummary } from '../../../src/lib/county/present';
import { templateCsv } from '../../../src/lib/county/template';
import { csvCell, csvDocument } from '../../../src/lib/csv/write';
import { loadFramework } from '../framework/load';
import { encodeGb18030 } from '../../support/gb18030';

const framework = loadFramework('youzhi-junheng-xuexiao');
const utf8 = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** A template row: every input present, `teachers` 高于规定学历教师 for `students` pupils. */
const row = (name: string, stage: string, year: number | '', students: number, teachers: number) => [name, stage, year, students, teachers, Math.ceil(students / 50), Math.ceil(students / 50), 5 * students, 8 * students, 2500 * students, Math.ceil(students / 40), '', ''].join(',');
const csv = (rows: string[]) => templateCsv(framework) + rows.join('\r\n');

/** The enrolment-weighted CV, written out independently of the module: X̄ = ΣPX/ΣP, S = √Σ(P/ΣP)(X−X̄)², CV = S/X̄. */
function expectedCv(schools: { students: number; value: number }[]): number {
  const total = schools.reduce((sum, school) => sum + school.students, 0);
  const mean = schools.reduce((sum, school) => sum + school.students * school.value, 0) / total;
  const variance = schools.reduce((sum, school) => sum + (school.students / total) * (school.value - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

// Nine schools (students, 高于规定学历教师) whose CV moves in the fourth decimal when ratios are rounded first.
const nine: [number, number][] = [[20, 2], [453, 17], [1114, 70], [513, 41], [1152, 73], [1046, 74], [1245, 49], [581, 45], [1067, 26]];

describe('exact statistics', () => {
  it('computes the CV, mean and contributions from exact ratios, not from values rounded for display', async () => {
    const loaded = await readSchoolFile('九校.csv', utf8(csv(nine.map(([students, teachers], index) => row(`学校${index + 1}`, '小学', 2026, students, teachers)))), framework);
    expect(loaded.issues).toEqual([]);
    const cv = computeCounty(framework, loaded.schools, { splitNineYear: false }).cvs.find((item) => item.id === 'r_qualified')!;
    const exact = expectedCv(nine.map(([students, teachers]) => ({ students, value: (teachers / students) * 100 })));
    const rounded = expectedCv(nine.map(([students, teachers]) => ({ students, value: Math.round((teachers / students) * 10000) / 100 })));
    expect(exact.toFixed(4)).toBe('0.3380');
    expect(rounded.toFixed(4)).toBe('0.3377');
    expect(cv.cv).toBeCloseTo(exact, 12);
    expect(cv.mean).toBeCloseTo(nine.reduce((sum, [, teachers]) => sum + teachers * 100, 0) / nine.reduce((sum, [students]) => sum + students, 0), 12);
    expect(cv.schools).toBe(9);
  });

  it('matches the independent formula on random counties with uneven enrolments (property)', () => {
    const county = fc.array(fc.record({ students: fc.integer({ min: 1, max: 3000 }), teachers: fc.integer({ min: 0, max: 300 }) }), { minLength: 2, maxLength: 25 });
    fc.assert(
      fc.property(county, (schools) => {
        const records = schools.map((school, index) => ({ name: `s${index}`, stage: '小学' as const, year: 2026, answers: { ...baseAnswers(school.students), teachers_higher: school.teachers }, file: 'x.csv', source: `x.csv 第${index + 2}行` }));
        const cv = computeCounty(framework, records, { splitNineYear: false }).cvs.find((item) => item.id === 'r_qualified')!;
        const values = schools.map((school) => ({ students: school.students, value: (school.teachers / school.students) * 100 }));
        const mean = values.reduce((sum, school) => sum + school.students * school.value, 0);
        if (mean === 0) expect(cv.cv).toBe(0);
        else expect(cv.cv!).toBeCloseTo(expectedCv(values), 10);
      }),
    );
  });

  it('lists no contributors when every school has the same value', async () => {
    const loaded = await readSchoolFile('x.csv', utf8(csv([row('甲', '小学', 2026, 100, 5), row('乙', '小学', 2026, 200, 10)])), framework);
    const cv = computeCounty(framework, loaded.schools, { splitNineYear: false }).cvs.find((item) => item.id === 'r_qualified')!;
    expect(cv.cv).toBe(0);
    expect(cv.top).toEqual([]);
  });
});

const baseAnswers = (students: number) => ({ students, teachers_higher: 5, backbone: 2, pe_art: 2, teaching_rooms: 5 * students, sports: 8 * students, equipment_value: 2500 * students, multimedia_rooms: 3 });

describe('every school is counted or listed with its reason', () => {
  it('gives a row without a year the single year of its file, and says so', async () => {
    const loaded = await readSchoolFile('a.csv', utf8(csv([row('甲', '小学', 2025, 100, 5), row('乙', '小学', '', 200, 9), row('丙', '小学', 2025, 300, 12)])), framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.schools.map((school) => [school.name, school.year])).toEqual([['甲', 2025], ['乙', 2025], ['丙', 2025]]);
    expect(result.cvs.find((item) => item.id === 'r_qualified')!.schools).toBe(3);
    expect(result.notices).toEqual(['a.csv：1 所学校未填年度，已按同一文件其他学校的年度计入。']);
    expect(result.excluded).toEqual([]);
  });

  it('gives a spreadsheet without years the year of the answers files loaded with it', async () => {
    const answers = { format: 'dudao-self-check', formatVersion: 1, framework: { id: framework.id, version: framework.version }, subject: { name: '戊', stage: '小学', date: '2026-05-01' }, answers: baseAnswers(400) };
    const loaded = await readSchoolFiles([{ name: '表.csv', bytes: utf8(csv([row('甲', '小学', '', 100, 5), row('乙', '小学', '', 200, 9)])) }, { name: '戊.json', bytes: utf8(JSON.stringify(answers)) }], framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.groups.map((group) => [group.label, group.schools])).toEqual([['2026年小学', 3]]);
    expect(result.notices[0]).toMatch(/2 所学校（甲、乙）未填年度，已按已读取数据的年度 2026 计入/u);
  });

  it('lists a row without a year when several years are loaded and its file does not tell', async () => {
    const loaded = await readSchoolFiles([{ name: 'a.csv', bytes: utf8(csv([row('甲', '小学', 2025, 100, 5), row('甲', '小学', 2026, 100, 6)])) }, { name: 'b.csv', bytes: utf8(csv([row('乙', '小学', '', 200, 9)])) }], framework);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.excluded).toEqual([{ name: '乙', stage: '小学', year: null, source: 'b.csv 第2行', reason: '未填年度，而已读取的数据涉及 2025、2026 年，无法判断属于哪一年：请在文件中填写年度后重新读取' }]);
    expect(result.schools.length + result.excluded.length).toBe(loaded.schools.length);
  });

  it('keeps the last of duplicate schools and lists the others, in one file or when a file is loaded twice', async () => {
    const file = utf8(csv([row('甲', '小学', 2026, 100, 5), row('乙', '小学', 2026, 200, 9), row('甲', '小学', 2026, 100, 7)]));
    const loaded = await readSchoolFiles([{ name: 'a.csv', bytes: file }, { name: 'a.csv', bytes: file }], framework);
    expect(loaded.schools).toHaveLength(6);
    const result = computeCounty(framework, loaded.schools, { splitNineYear: false });
    expect(result.schools.map((school) => [school.name, school.source])).toEqual([['乙', 'a.csv 第3行'], ['甲', 'a.csv 第4行']]);
    expect(result.excluded.map((item) => item.reason)).toEqual([
      '与 a.csv 第4行 重复（同一学校、学段、年度，数据不同），采用后读取的 a.csv 第4行',
      'a.csv 第3行 被读取了不止一次（同一文件选择了两次），只计一次',
      'a.csv 第4行 被读取了不止一次（同一文件选择了两次），只计一次',
      '与 a.csv 第4行 重复（同一学校、学段、年度，数据不同），采用后读取的 a.csv 第4行',
    ]);
    expect(new Set(result.schools.map((school) => school.key)).size).toBe(result.schools.length);
    expect(result.schools.length + result.excluded.length).toBe(loaded.schools.length);
  });
});

describe('answers files are checked like spreadsheet rows', () => {
  const file = (answers: Record<string, unknown>) => utf8(JSON.stringify({ format: 'dudao-self-check', formatVersion: 1, framework: { id: framework.id, version: framework.version }, subject: { name: '戊小学', stage: '小学', date: '2026-05-01' }, answers }));

  it.each([
    ['zero students', { ...baseAnswers(300), students: 0 }, '本学段在校学生数（人）', '须不少于 1（填写的是 0）'],
    ['negative counts', { ...baseAnswers(300), backbone: -2 }, '县级及以上骨干教师数（人）', '须不少于 0（填写的是 -2）'],
    ['a missing input', { ...baseAnswers(300), multimedia_rooms: undefined }, '网络多媒体教室数（间）', '未填写'],
    ['text in a number', { ...baseAnswers(300), teachers_higher: '三十八' }, '高于规定学历的专任教师数（人）', '“三十八”不是数字'],
  ])('refuses %s with the row checker’s message', async (_name, answers, column, message) => {
    const loaded = await readSchoolFile('戊小学.json', file(answers), framework);
    expect(loaded.schools).toEqual([]);
    expect(loaded.issues).toEqual([{ file: '戊小学.json', column, message }]);
  });

  it('gives a spreadsheet row with 0 students the same message', async () => {
    const loaded = await readSchoolFile('x.csv', utf8(csv([row('甲', '小学', 2026, 0, 5)])), framework);
    expect(loaded.issues).toEqual([{ file: 'x.csv', row: 2, column: '本学段在校学生数（人）', message: '须不少于 1（填写的是 0）' }]);
  });
});

describe('encodings and bad files', () => {
  const text = csv([row('喆小学', '小学', 2026, 100, 5), row('堃初中', '初中', 2026, 200, 12)]);

  it.each([
    ['UTF-8 with BOM', utf8(text)],
    ['UTF-8 without BOM', utf8(text.replace(/^\ufeff/u, ''))],
    ['UTF-16LE with BOM (Unicode 文本)', Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(text.replace(/^\ufeff/u, '').replaceAll(',', '\t'), 'utf16le'))]).buffer],
    ['UTF-16LE without BOM', new Uint8Array(Buffer.from(text.replace(/^\ufeff/u, ''), 'utf16le')).buffer],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, ...new Uint8Array(Buffer.from(text.replace(/^\ufeff/u, ''), 'utf16le')).map((_, index, all) => all[index ^ 1]!)]).buffer],
  ])('reads %s', async (_name, bytes) => {
    const loaded = await readSchoolFile('学校数据.csv', bytes as ArrayBuffer, framework);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schools.map((school) => school.name)).toEqual(['喆小学', '堃初中']);
  });

  it('reads a GBK CSV saved by Excel on Chinese Windows', async () => {
    const gbk = encodeGb18030(text.replace(/^\ufeff/u, '')).buffer as ArrayBuffer;
    const loaded = await readSchoolFile('学校数据.csv', gbk, framework);
    expect(loaded.issues).toEqual([]);
    expect(loaded.schools.map((school) => school.name)).toEqual(['喆小学', '堃初中']);
  });

  it('says 文件为空 for an empty file and one Chinese message for a random binary', async () => {
    expect((await readSchoolFile('空.csv', new ArrayBuffer(0), framework)).issues).toEqual([{ file: '空.csv', message: '文件为空' }]);
    const noise = new Uint8Array(200_000);
    let seed = 1;
    for (let index = 0; index < noise.length; index++) noise[index] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    const loaded = await readSchoolFile('乱码.csv', noise.buffer, framework);
    expect(loaded.issues).toEqual([{ file: '乱码.csv', message: '不是文本或表格文件，无法读取' }]);
    expect((await readSchoolFile('坏.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]).buffer, framework)).issues[0]!.message).toMatch(/^无法读取这个 Excel 文件/u);
  });

  it('caps the list of issues at 20 and counts the rest', () => {
    const issues = Array.from({ length: 35 }, (_, index) => ({ file: 'x.csv', row: index + 2, column: '学段', message: '学段为空' }));
    const lines = issueLines(issues);
    expect(lines.lines).toHaveLength(20);
    expect(lines.lines[0]).toBe('x.csv 第2行“学段”列：学段为空');
    expect(lines.more).toBe(15);
  });

  it('never reports a failed load as a success', () => {
    expect(loadSummary(1, 0, 3)).toEqual({ text: '已选择 1 个文件，没有读取到可用的学校数据：3 处问题见下方。', failed: true });
    expect(loadSummary(2, 9, 0)).toEqual({ text: '已读取 2 个文件：9 所学校。', failed: false });
  });
});

describe('formula-safe CSV', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['南岸区"示范"小学, 一校', '"南岸区""示范""小学, 一校"'],
    ['普通学校', '普通学校'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps numbers, negative ones included, as numbers', () => {
    expect(csvDocument([[-1.5, 0, 'a']])).toBe('\ufeff-1.5,0,a\r\n');
  });

  it('neutralises a school name in the county results', async () => {
    const loaded = await readSchoolFile('x.csv', utf8(csv([row('"=HYPERLINK(""http://x"")"', '小学', 2026, 100, 5)])), framework);
    expect(loaded.schools[0]!.name).toBe('=HYPERLINK("http://x")');
    const text = resultsCsv(computeCounty(framework, loaded.schools, { splitNineYear: false }));
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/mu);
  });
});
