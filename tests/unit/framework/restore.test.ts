// A stored draft is restored value by value: what fits is kept, what does not is named.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../src/lib/framework/draft';
import { restoreDraft, withTyped } from '../../../src/lib/framework/restore';
import { loadFramework } from './load';

const framework = loadFramework('youzhi-junheng-xuexiao');
const empty = () => emptyAnswers(framework);

describe('restoring a draft', () => {
  it('restores a good draft whole', () => {
    const draft = { ...empty(), subject: { ...empty().subject, name: '喆小学', stage: '小学' }, answers: { students: 300, teaching_rooms: 1500.5 }, notes: { students: '含随班就读' }, savedAt: '2026-12-01T08:00:00Z' };
    const restored = restoreDraft(JSON.stringify(draft), framework, empty());
    expect(restored.dropped).toEqual([]);
    expect(restored.file.subject.name).toBe('喆小学');
    expect(restored.file.answers).toEqual({ students: 300, teaching_rooms: 1500.5 });
    expect(restored.file.notes).toEqual({ students: '含随班就读' });
    expect(restored.savedAt).toBe('2026-12-01T08:00:00Z');
  });

  it('survives {"answers":null} and keeps the rest', () => {
    const restored = restoreDraft(JSON.stringify({ subject: { name: '甲小学' }, answers: null }), framework, empty());
    expect(restored.file.subject.name).toBe('甲小学');
    expect(restored.file.answers).toEqual({});
    expect(restored.dropped).toEqual(['答案格式不对，未恢复']);
  });

  it('names each value that does not fit and keeps the others', () => {
    const restored = restoreDraft(JSON.stringify({ subject: { stage: '高中', name: 7 }, answers: { students: 0, backbone: 3, gone: 1, teachers_higher: '三十八' }, rectification: { backbone: 'x' } }), framework, empty());
    expect(restored.file.answers).toEqual({ backbone: 3 });
    expect(restored.file.subject.stage).toBeUndefined();
    expect(restored.dropped).toEqual([
      '学校信息“name”格式不对，未恢复',
      '学段 “高中” 不适用于本指标体系，未恢复',
      '答案：本版本没有要点“gone”',
      '答案：“本学段在校学生数”的值 0 须不少于 1',
      '答案：“高于规定学历的专任教师数”的值 “三十八” 应为数字',
      '整改清单：“县级及以上骨干教师数”格式不对，未恢复',
    ]);
  });

  it.each(['{"answers":', '[]', 'null', '"text"'])('starts empty from a broken draft %j', (stored) => {
    const restored = restoreDraft(stored, framework, empty());
    expect(restored.file).toEqual(empty());
    expect(restored.dropped).toEqual(['草稿内容已损坏，无法读取']);
  });

  it('keeps what was typed while the draft was loading on top of it', () => {
    const restored = { ...empty(), subject: { ...empty().subject, name: '草稿小学', county: '南岸区' }, answers: { students: 300, backbone: 3 } };
    const typed = { ...empty(), subject: { ...empty().subject, name: '新名字' }, answers: { backbone: 4 } };
    const merged = withTyped(restored, typed);
    expect(merged.subject).toMatchObject({ name: '新名字', county: '南岸区' });
    expect(merged.answers).toEqual({ students: 300, backbone: 4 });
  });

  it('restores the narrative whatever its length and names what does not fit', () => {
    const restored = restoreDraft(JSON.stringify({ narrative: { basics: '概况', problems: '问'.repeat(6000), summary: 'x', measures: 3 } }), framework, empty());
    expect(restored.file.narrative).toEqual({ basics: '概况', problems: '问'.repeat(6000) });
    expect(restored.dropped).toEqual(['自评报告正文：没有“summary”这一部分，未恢复', '自评报告正文：“整改措施”格式不对，未恢复']);
    expect(restoreDraft(JSON.stringify({ narrative: 'x' }), framework, empty()).dropped).toEqual(['自评报告正文格式不对，未恢复']);
    expect(withTyped({ ...empty(), narrative: { basics: '旧' } }, { ...empty(), narrative: { practice: '新' } }).narrative).toEqual({ basics: '旧', practice: '新' });
  });
});

describe('the restored-draft announcement', () => {
  it('names the count of values it could not restore, and an unknown time', async () => {
    const { draftStatus } = await import('../../../src/lib/framework/restore');
    expect(draftStatus({ savedAt: null, dropped: ['a', 'b'] })).toBe('已恢复上次保存在本机的草稿（时间未知）；有 2 项无法恢复，见下方。');
    expect(draftStatus({ savedAt: null, dropped: [] })).toBe('已恢复上次保存在本机的草稿（时间未知）。');
  });
});
