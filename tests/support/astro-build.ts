// Build the site against another content folder, as the build-output tests that change content do.
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export interface BuildOutcome {
  status: number | null;
  /** stdout and stderr together, without terminal colours. */
  output: string;
}

/**
 * `astro build` with DUDAO_CONTENT_DIR=contentDir into outDir. Colours are off (Astro's logger
 * colours its output whenever CI is set), so tests can match the log as a reader sees it.
 */
export function astroBuild(contentDir: string, outDir: string): BuildOutcome {
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, DUDAO_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** astroBuild that throws with the log's tail when the build fails. */
export function astroBuildOrThrow(contentDir: string, outDir: string): string {
  const outcome = astroBuild(contentDir, outDir);
  if (outcome.status !== 0) throw new Error(outcome.output.slice(-4000));
  return outcome.output;
}
