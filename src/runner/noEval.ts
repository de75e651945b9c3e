/**
 * Zod compiles object parsers with `new Function` unless told not to, and probes for it even when
 * the page forbids eval: under the app's Content-Security-Policy (no 'unsafe-eval') that probe alone
 * is reported as a violation. Import this module before any schema is defined (first import of the
 * page and of each worker): schemas read the setting when they are built.
 */
import { config } from 'zod';

config({ jitless: true });
