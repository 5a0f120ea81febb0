// `npm run bench`: build once, then run every benchmark script (scripts/bench-*.ts) in turn.
// Each prints its own table; timings live here, never in pass/fail tests.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const scripts = readdirSync('scripts')
  // bench-scale builds a corpus of generated plans: its own command, `npm run bench:scale -- <N>`.
  .filter((name) => /^bench-.+\.ts$/.test(name) && name !== 'bench-scale.ts')
  .sort((a, b) => (a === 'bench-site.ts' ? -1 : b === 'bench-site.ts' ? 1 : a.localeCompare(b)));

for (const script of scripts) {
  console.log(`\n## ${script}`);
  const args = script === 'bench-site.ts' ? ['--build'] : [];
  execFileSync(process.execPath, [`scripts/${script}`, ...args], { stdio: 'inherit' });
}
