// The answers file a self-check exports and imports (自评答卷), and the draft kept in the browser.
// It carries the framework id and version so an import can tell a foreign file from an older one.
import { z } from './zod.ts';
import { stageSchema } from './framework.ts';
import { answersFormat } from '../lib/framework/draft.ts';
import { characterCount, narrativeLimit, narrativeSections, type NarrativeKey } from '../lib/framework/narrative.ts';

export { answersFormat };

export const answerValueSchema = z.union([z.boolean(), z.number(), z.string()]).describe('yes/no, number, or the value of a choice or level, or text');

export const subjectSchema = z
  .object({
    name: z.string().default('').describe('School or county name, or for a visit record the school visited'),
    stage: stageSchema.optional().describe('School stage: selects thresholds'),
    county: z.string().default('').describe('County (区县)'),
    supervisor: z.string().default('').describe('Responsible supervisor, for a visit record'),
    date: z.string().default('').describe('Date of the self-check or visit, YYYY-MM-DD'),
    filledBy: z.string().default('').describe('Who filled it in'),
  })
  .strict();

export const rectificationSchema = z
  .object({
    responsible: z.string().default('').describe('责任人'),
    deadline: z.string().default('').describe('整改时限, YYYY-MM-DD'),
    measure: z.string().default('').describe('整改措施'),
  })
  .strict();

const sectionTitle = (key: NarrativeKey) => narrativeSections.find((section) => section.key === key)!.title;
/** One narrative section: text up to the limit, counted in characters as readers count them. */
const sectionText = (title: string) =>
  z
    .string()
    .refine((text) => characterCount(text) <= narrativeLimit, { message: `“${title}”超过 ${narrativeLimit} 字，请删减` })
    .optional()
    .describe(title);

export const narrativeSchema = z
  .object({
    basics: sectionText(sectionTitle('basics')),
    practice: sectionText(sectionTitle('practice')),
    problems: sectionText(sectionTitle('problems')),
    measures: sectionText(sectionTitle('measures')),
  })
  .strict()
  .describe('自评报告 narrative sections: 基本情况, 主要做法与成效, 存在问题, 整改措施');

export const answersFileSchema = z
  .object({
    format: z.literal(answersFormat).describe('Marks a 督导通 answers file'),
    formatVersion: z.literal(1),
    framework: z.object({ id: z.string().min(1), version: z.string().min(1), title: z.string().optional() }).strict(),
    subject: subjectSchema,
    answers: z.record(z.string(), answerValueSchema),
    notes: z.record(z.string(), z.string()).default({}).describe('The school’s notes per point'),
    evidence: z.record(z.string(), z.string()).default({}).describe('佐证材料 references per point'),
    rectification: z.record(z.string(), rectificationSchema).default({}).describe('整改清单 entries per unmet point'),
    narrative: narrativeSchema.optional().describe('自评报告 narrative; absent in files from before it existed'),
    savedAt: z.string().optional().describe('ISO time of export'),
  })
  .strict();

export type AnswersFile = z.infer<typeof answersFileSchema>;
export type Subject = z.infer<typeof subjectSchema>;
export type Rectification = z.infer<typeof rectificationSchema>;
