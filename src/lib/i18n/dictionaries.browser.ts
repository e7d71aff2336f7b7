/**
 * In the browser only Chinese, the default, comes with the code, so a Chinese page hydrates without waiting
 * for a dictionary; an English page's load fetches English first (loadMessages in index.ts, called by the
 * root layout's load). Both used to ship with every page.
 */
import { zh } from './zh';

export const preloaded = { zh };
