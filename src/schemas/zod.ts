// zod as every schema here uses it, configured once before any schema is built. `jitless`: zod
// otherwise probes `new Function('')` when it builds its first object schema (to compile a fast
// parser), and under the site's Content-Security-Policy (no 'unsafe-eval') the browser reports
// that probe as a `securitypolicyviolation` even though zod catches the error. The self-check and
// county islands reach zod only through these schemas, so setting it here covers the browser;
// interpreted parsing costs nothing noticeable for one answers file or a few hundred rows.
// Messages in Chinese (zod's own zh-CN locale): what a user's answers file or an office's
// framework file gets wrong is read by people who read Chinese; src/lib/validation/messages.ts
// formats the path and the few English type names the locale keeps.
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config({ ...zhCN(), jitless: true });

export { z };
