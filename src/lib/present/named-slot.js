/**
 * The script the deck's page runs in its head, before the slides are parsed: it adds the CSS that shows the
 * slide the link's hash names (`#/2` → the slot whose id is "/2") instead of the first, until the deck's
 * script follows the hash (Player.svelte's `live`). CSS `:target`, kept for a page without scripts, applies
 * only once the document has finished parsing: until then Chromium painted the title slide, and the linked
 * slide replaced it a frame or more later. Inline, so nothing is fetched before the first paint; its hash is
 * in the Content-Security-Policy (svelte.config.js). Plain JavaScript, so that svelte.config.js can read it.
 */
export const NAMED_SLOT_SCRIPT =
	"(function(){try{var id=decodeURIComponent(location.hash.slice(1));if(!/^\\/\\d+$/.test(id))return;var named='.slot[id=\"'+id+'\"]',has='.viewport:not(.live):has('+named+')',style=document.createElement('style');style.textContent=has+' .slot.current,'+has+' .position{visibility:hidden}'+has+' '+named+'{visibility:visible}';document.head.appendChild(style)}catch(e){}})()";

/** The script as the page's head carries it. */
export const NAMED_SLOT_TAG = `<script>${NAMED_SLOT_SCRIPT}</script>`;
