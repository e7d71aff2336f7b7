/**
 * Both dictionaries, loaded with the module: what the server, the CLI and the tests use. The browser
 * gets dictionaries.browser.ts instead (package.json "imports", condition "browser"): Chinese, and English
 * only for a page in English.
 */
import { en } from './en';
import { zh } from './zh';

export const preloaded = { zh, en };
