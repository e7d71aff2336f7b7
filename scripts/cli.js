// npm run import | generate | sample:remove | …: runs scripts/NAME.ts compiled (dist/cli/NAME.js),
// compiling it first when the bundle is missing or older than any file it was made from — so the
// CLI works from a clean checkout and after an edit, and otherwise starts without a compiler.
// @ts-check
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, bundlePath, cliNames, isStale } from './cli-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, ...args] = process.argv.slice(2);
const names = cliNames(root);
if (!name || !names.includes(name)) {
	console.error(`usage: node scripts/cli.js NAME [ARGUMENTS…]   (NAME: ${names.join(', ')})`);
	process.exit(2);
}
if (isStale(root, name)) await buildCli(root, [name]);
// The CLI reads its arguments from process.argv, as it would if started directly.
const bundle = bundlePath(root, name);
process.argv = [process.argv[0], bundle, ...args];
await import(pathToFileURL(path.resolve(bundle)).href);
