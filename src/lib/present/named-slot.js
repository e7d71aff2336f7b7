/**
 * The script the deck's page runs in its head, before the slides are parsed: it adds the CSS that shows the
 * slide the link's hash names (`#/2` → the slot whose id is "/2") instead of the first, until the deck's
 * script follows the hash (Player.svelte's `live`). CSS `:target`, kept for a page without scripts, applies
 * only once the document has finished parsing: until then Chromium painted the title slide, and the linked
 * slide replaced it a frame or more later. The rules for the named slot match only once that slot is parsed, and
 * a slow machine painted the title slide (the first slot) in a frame before it: while the page is parsing
 * (`jindu-parsing` on the root, until DOMContentLoaded) no slide is shown but the named one. A hash naming no
 * slide shows the first once parsed, as the deck's script then does. Inline, so nothing is fetched before the first paint; its hash is
 * in the Content-Security-Policy (svelte.config.js). Plain JavaScript, so that svelte.config.js can read it.
 */
export const NAMED_SLOT_SCRIPT =
	"(function(){try{var id=decodeURIComponent(location.hash.slice(1));if(!/^\\/\\d+$/.test(id))return;var root=document.documentElement,named='.slot[id=\"'+id+'\"]',has='.viewport:not(.live):has('+named+')',parsing='.jindu-parsing .viewport:not(.live)',style=document.createElement('style');style.textContent=has+' .slot.current,'+has+' .position,'+parsing+' .slot.current,'+parsing+' .position{visibility:hidden}'+has+' '+named+'{visibility:visible}';document.head.appendChild(style);root.classList.add('jindu-parsing');document.addEventListener('DOMContentLoaded',function(){root.classList.remove('jindu-parsing')})}catch(e){}})()";

/** The script as the page's head carries it. */
export const NAMED_SLOT_TAG = `<script>${NAMED_SLOT_SCRIPT}</script>`;
