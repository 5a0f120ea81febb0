import { z } from 'zod';

/** Placeholder metadata of an indicator framework; replaced by the full schema (issue 4). */
export const frameworkSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  version: z.string().min(1),
});

export type Framework = z.infer<typeof frameworkSchema>;
