/**
 * In the browser no dictionary comes with the code: the root layout's load fetches the page's language
 * (loadMessages in index.ts) before anything renders, so a page carries one language's words, not two.
 */
export const preloaded = {};
