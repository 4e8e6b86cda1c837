import { z } from "zod";

/**
 * zod, as the whole app imports it. In the browser, zod would probe whether
 * `new Function` works (to compile fast parsers) the moment a schema is
 * defined; our Content-Security-Policy forbids eval, so the probe shows up as
 * a CSP violation on every page with a form. Browsers therefore run zod
 * without that compilation; the server keeps it.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
