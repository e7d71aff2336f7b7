// Compiles the command-line tools (every scripts/NAME.ts that is not a test) into one ES module each
// under dist/cli/, so a run starts plain JavaScript instead of compiling TypeScript first (tsx spent
// ~2 s of a 2.5 s import on that). Packages are bundled in too, so a start reads one file instead of
// resolving hundreds (kysely alone is ~100 modules), except those in EXTERNAL: better-sqlite3 is
// native, and exceljs is loaded only when a workbook is read or written.
//
// Beside each bundle, NAME.inputs.json lists the files it was made from, so the launcher can tell a
// stale bundle by a few stat calls without loading esbuild.
// @ts-check
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const OUT_DIR = 'dist/cli';
const EXTERNAL = ['better-sqlite3', 'exceljs'];
// Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
const REQUIRE_SHIM =
	"import { createRequire as __jinduRequire } from 'node:module';\nconst require = __jinduRequire(import.meta.url);";

/** @param {string} root @returns {string[]} the CLI names: scripts/NAME.ts, tests and declarations left out */
export function cliNames(root) {
	return readdirSync(path.join(root, 'scripts'))
		.filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts'))
		.map((file) => file.slice(0, -'.ts'.length));
}

/** @param {string} root @param {string} name */
export function bundlePath(root, name) {
	return path.join(root, OUT_DIR, `${name}.js`);
}

/**
 * True when the bundle is missing, or any file it was made from is newer than it or gone.
 * @param {string} root @param {string} name
 */
export function isStale(root, name) {
	const bundle = bundlePath(root, name);
	const inputs = path.join(root, OUT_DIR, `${name}.inputs.json`);
	if (!existsSync(bundle) || !existsSync(inputs)) return true;
	const built = statSync(bundle).mtimeMs;
	/** @type {string[]} */
	const files = JSON.parse(readFileSync(inputs, 'utf8'));
	return files.some((file) => {
		const full = path.join(root, file);
		return !existsSync(full) || statSync(full).mtimeMs > built;
	});
}

/**
 * Bundles the named CLIs. Each file is written beside its final name and renamed into place, so a
 * CLI started while another process rebuilds never loads half a file.
 * @param {string} root @param {string[]} names
 */
export async function buildCli(root, names = cliNames(root)) {
	const esbuild = await import('esbuild');
	mkdirSync(path.join(root, OUT_DIR), { recursive: true });
	for (const name of names) {
		const result = await esbuild.build({
			absWorkingDir: root,
			entryPoints: [`scripts/${name}.ts`],
			outfile: `${OUT_DIR}/${name}.js`,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			external: EXTERNAL,
			banner: { js: REQUIRE_SHIM },
			metafile: true,
			write: false,
			logLevel: 'warning'
		});
		const [output] = result.outputFiles;
		// Bundled packages change only with the lockfile: one stat instead of hundreds.
		const inputs = Object.keys(result.metafile.inputs)
			.filter((file) => !file.includes('node_modules/'))
			.concat(existsSync(path.join(root, 'package-lock.json')) ? ['package-lock.json'] : []);
		const bundle = bundlePath(root, name);
		writeAtomically(`${bundle.slice(0, -'.js'.length)}.inputs.json`, JSON.stringify(inputs));
		writeAtomically(bundle, output.contents);
	}
}

/** @param {string} file @param {string | Uint8Array} contents */
function writeAtomically(file, contents) {
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, contents);
	renameSync(temporary, file);
}

// `node scripts/cli-build.js`, as `npm run build` does: compile every CLI now.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	await buildCli(fileURLToPath(new URL('..', import.meta.url)));
}
