import { z } from 'zod/mini';

// zod probes for `new Function` support on first use; under a Content Security Policy without 'unsafe-eval'
// that probe is reported as a violation. The jitless parser is as correct and fast enough for our bodies.
z.config({ jitless: true });
