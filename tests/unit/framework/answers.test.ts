// Answers files: round trip, foreign and broken files rejected, older versions migrated.
import { describe, expect, it } from 'vitest';
import { answersFileName, applyImport, draftKey, emptyAnswers, importPreview, parseAnswersFile, serializeAnswers } from '../../../src/lib/framework/answers';
import { loadFramework } from './load';

const framework = loadFramework('youzhi-junheng-xuexiao');

function filled() {
  const file = emptyAnswers(framework);
  file.subject = { ...file.subject, name: '南岸区示范小学', stage: '小学' };
  file.answers = { students: 1000, teachers_higher: 50 };
  file.notes = { teachers_higher: '含2名研究生《名单》“附后” ≥ 去年' };
  file.rectification = { r_multimedia: { responsible: '王老师', deadline: '2027-03-01', measure: '' } };
  return file;
}

describe('answers files', () => {
  it('round-trips through JSON', () => {
    const result = parseAnswersFile(serializeAnswers(filled(), '2026-11-22T10:00:00Z'), framework);
    expect(result).toMatchObject({ ok: true, dropped: [], version: 'same' });
    if (result.ok) expect(result.file.answers).toEqual({ students: 1000, teachers_higher: 50 });
  });

  it.each([
    ['cut-off JSON', '{"format":', /^不是有效的 JSON 文件：内容在第 1 行中断/u],
    ['broken JSON', '{\n  "format": 1,,\n}', /^不是有效的 JSON 文件：第 2 行第 15 列附近格式错误/u],
    ['an empty file', '', /^文件为空$/u],
    ['another program’s JSON', '{"name":"x"}', /不是督导通导出的自评答卷文件/u],
    ['a wrong field', JSON.stringify({ ...filled(), answers: { students: [1] } }), /^答卷文件有误：字段 answers\.students：/u],
    ['an unknown field', JSON.stringify({ ...filled(), extra: 1 }), /^答卷文件有误：（整个文件）：.*extra/u],
    ['another framework', JSON.stringify({ ...filled(), framework: { id: 'xueqian-puji-puhui', version: '1', title: '学前' } }), /属于指标体系“学前”（编号 xueqian-puji-puhui），不是本页的“县域义务教育优质均衡发展·学校资源配置”（编号 youzhi-junheng-xuexiao）/u],
    ['an edited id', JSON.stringify({ ...filled(), framework: { id: 'youzhi-junheng-xuexiao2', version: '2017-1' } }), /属于指标体系编号 youzhi-junheng-xuexiao2，不是本页的.*（编号 youzhi-junheng-xuexiao）/u],
    ['a stage the framework has not', JSON.stringify({ ...filled(), subject: { ...filled().subject, stage: '高中' } }), /学段“高中”不适用/u],
  ])('rejects %s with a message', (_name, text, message) => {
    const result = parseAnswersFile(text, framework);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never answers in English', () => {
    for (const text of ['{"format":', JSON.stringify({ ...filled(), extra: 1 }), JSON.stringify({ ...filled(), answers: { students: [1] } }), JSON.stringify({ ...filled(), formatVersion: 2 }), JSON.stringify({ ...filled(), subject: 'x' })]) {
      const result = parseAnswersFile(text, framework);
      expect(result.ok).toBe(false);
      // Field paths are identifiers by nature; everything else must be Chinese.
      if (!result.ok) expect(result.error.replace(/字段 [^：]+：/gu, '').replace(/"[^"]*"/gu, '').replace(/JSON/gu, '')).not.toMatch(/[A-Za-z]{3,}/u);
    }
  });

  it('lists a value that fails its point’s check and keeps the current answer for it', () => {
    const incoming = { ...filled(), answers: { students: 800, teachers_higher: '三十八', backbone: 2.5, pe_art: 12 } };
    const result = parseAnswersFile(JSON.stringify(incoming), framework);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dropped.map((item) => item.reason)).toEqual(['答案：“高于规定学历的专任教师数”的值 “三十八” 应为数字', '答案：“县级及以上骨干教师数”的值 2.5 应为整数']);
    const current = { ...filled(), answers: { students: 1000, teachers_higher: 50, multimedia_rooms: 9 } };
    expect(importPreview(current, result.file, result.dropped)).toEqual({ school: '南岸区示范小学', date: '', answers: 2, differing: 3 });
    expect(applyImport(current, result.file, result.dropped).answers).toEqual({ students: 800, pe_art: 12, teachers_higher: 50 });
  });

  it('says when a file comes from a newer version', () => {
    const result = parseAnswersFile(JSON.stringify({ ...filled(), framework: { id: framework.id, version: '2099-9' } }), framework);
    expect(result).toMatchObject({ ok: true, version: 'newer', fileVersion: '2099-9' });
  });

  it('keeps what still exists from an older version and lists the rest', () => {
    const old = { ...filled(), framework: { id: framework.id, version: '2016-0' }, answers: { students: 1000, library_books: 20000, backbone: -3 } };
    const result = parseAnswersFile(JSON.stringify(old), framework);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.version).toBe('older');
    expect(result.file.framework.version).toBe(framework.version);
    expect(result.file.answers).toEqual({ students: 1000 });
    expect(result.dropped.map((item) => item.id)).toEqual(['library_books', 'backbone']);
    expect(result.dropped[0]?.reason).toContain('本版本没有要点“library_books”');
  });

  it('names drafts by framework and version, and files by school and framework', () => {
    expect(draftKey(framework)).toBe('dudao:self-check:youzhi-junheng-xuexiao@2017-1');
    expect(draftKey(framework, '0b8615536380a437')).toBe('dudao:self-check:youzhi-junheng-xuexiao@2017-1#0b8615536380a437');
    expect(answersFileName(framework, filled(), '2026-11-22')).toBe('南岸区示范小学-优质均衡·学校资源配置-自评答卷-2026-11-22.json');
  });

  it('carries the report narrative, and still imports a file without one', () => {
    const narrative = { basics: '本校现有学生1000人。\n教师80人。', measures: '补充招聘教师。' };
    const result = parseAnswersFile(serializeAnswers({ ...filled(), narrative }, '2026-12-03T10:00:00Z'), framework);
    expect(result.ok && result.file.narrative).toEqual(narrative);
    const old = parseAnswersFile(serializeAnswers(filled(), '2026-12-03T10:00:00Z'), framework);
    expect(old.ok && old.file.narrative).toBeUndefined();
  });

  it('refuses an over-long or unknown narrative section with a Chinese message', () => {
    const long = parseAnswersFile(JSON.stringify({ ...filled(), narrative: { problems: '问'.repeat(5001) } }), framework);
    expect(long).toEqual({ ok: false, error: '答卷文件有误：字段 narrative.problems：“存在问题”超过 5000 字，请删减' });
    const unknown = parseAnswersFile(JSON.stringify({ ...filled(), narrative: { summary: '总结' } }), framework);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toMatch(/^答卷文件有误：字段 narrative：.*summary/u);
    // 5000 characters outside the BMP are 5000 characters, not 10000 code units.
    expect(parseAnswersFile(JSON.stringify({ ...filled(), narrative: { basics: '𠮷'.repeat(5000) } }), framework).ok).toBe(true);
  });
});
