// zod as every schema here uses it, configured once before any schema is built. `jitless`: zod
// otherwise probes `new Function('')` when it builds its first object schema (to compile a fast
// parser), and under the site's Content-Security-Policy (no 'unsafe-eval') the browser reports
// that probe as a `securitypolicyviolation` even though zod catches the error. The self-check and
// county islands reach zod only through these schemas, so setting it here covers the browser;
// interpreted parsing costs nothing noticeable for one answers file or a few hundred rows.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
