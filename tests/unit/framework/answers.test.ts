// Answers files: round trip, foreign and broken files rejected, older versions migrated.
import { describe, expect, it } from 'vitest';
import { answersFileName, draftKey, emptyAnswers, parseAnswersFile, serializeAnswers } from '../../../src/lib/framework/answers';
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
    expect(result).toMatchObject({ ok: true, dropped: [], olderVersion: false });
    if (result.ok) expect(result.file.answers).toEqual({ students: 1000, teachers_higher: 50 });
  });

  it.each([
    ['not JSON', '{"format":', /不是有效的 JSON/u],
    ['another program’s JSON', '{"name":"x"}', /不是督导通导出的自评答卷文件/u],
    ['a wrong field', JSON.stringify({ ...filled(), answers: { students: [1] } }), /字段 answers\.students/u],
    ['another framework', JSON.stringify({ ...filled(), framework: { id: 'xueqian-puji-puhui', version: '1', title: '学前' } }), /属于指标体系“学前”/u],
    ['a stage the framework has not', JSON.stringify({ ...filled(), subject: { ...filled().subject, stage: '高中' } }), /学段“高中”不适用/u],
  ])('rejects %s with a message', (_name, text, message) => {
    const result = parseAnswersFile(text, framework);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('keeps what still exists from an older version and lists the rest', () => {
    const old = { ...filled(), framework: { id: framework.id, version: '2016-0' }, answers: { students: 1000, library_books: 20000, backbone: -3 } };
    const result = parseAnswersFile(JSON.stringify(old), framework);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.olderVersion).toBe(true);
    expect(result.file.framework.version).toBe(framework.version);
    expect(result.file.answers).toEqual({ students: 1000 });
    expect(result.dropped.map((item) => item.id)).toEqual(['library_books', 'backbone']);
    expect(result.dropped[0]?.reason).toContain('本版本没有要点“library_books”');
  });

  it('names drafts by framework and version, and files by school and framework', () => {
    expect(draftKey(framework)).toBe('dudao:self-check:youzhi-junheng-xuexiao@2017-1');
    expect(answersFileName(framework, filled(), '2026-11-22')).toBe('南岸区示范小学-优质均衡·学校资源配置-自评答卷-2026-11-22.json');
  });
});
