/**
 * Client bytes each page route loads on first visit: the JS and CSS statically imported by Kit's
 * start and app entries, the route's layouts and its page (with the Chinese dictionary; an English page
 * fetches English on top), gzipped as a server would send them.
 * Reads the last `vite build` output; run `npm run build` first.
 *
 *   npx tsx bench/client-size.ts            # table
 *   npx tsx bench/client-size.ts --json     # for bench/run.ts
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface ManifestChunk {
	file: string;
	imports?: string[];
	css?: string[];
	isEntry?: boolean;
}

const OUT = '.svelte-kit/output';
const CLIENT = path.join(OUT, 'client');

export interface RouteSize {
	route: string;
	jsGzip: number;
	cssGzip: number;
	files: number;
}

export async function measureClientSizes(): Promise<RouteSize[]> {
	const manifest: Record<string, ManifestChunk> = JSON.parse(
		readFileSync(path.join(CLIENT, '.vite/manifest.json'), 'utf8')
	);
	const { manifest: server } = await import(pathToFileURL(path.resolve(OUT, 'server/manifest-full.js')).href);
	const routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[] = server._.routes;

	const gz = new Map<string, number>();
	const gzipSize = (file: string) => {
		if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(CLIENT, file)), { level: 9 }).length);
		return gz.get(file)!;
	};
	const closure = (keys: string[]) => {
		const js = new Set<string>();
		const css = new Set<string>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (!chunk || js.has(chunk.file)) return;
			js.add(chunk.file);
			for (const c of chunk.css ?? []) css.add(c);
			for (const i of chunk.imports ?? []) visit(i);
		};
		keys.forEach(visit);
		return { js, css };
	};
	const entries = [
		'node_modules/@sveltejs/kit/src/runtime/client/entry.js',
		'.svelte-kit/generated/client-optimized/app.js'
	];
	const node = (n: number) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`;
	return routes
		.filter((r) => r.page)
		.map((r) => {
			const nodes = [...r.page!.layouts.filter((n): n is number => n !== undefined), r.page!.leaf].map(node);
			const { js, css } = closure([...entries, ...nodes]);
			const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gzipSize(f), 0);
			return { route: r.id, jsGzip: sum(js), cssGzip: sum(css), files: js.size + css.size };
		});
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const sizes = await measureClientSizes();
	if (process.argv.includes('--json')) console.log(JSON.stringify(sizes));
	else {
		console.log('route'.padEnd(24), 'JS gzip'.padStart(10), 'CSS gzip'.padStart(10), 'files'.padStart(6));
		for (const s of sizes)
			console.log(
				s.route.padEnd(24),
				`${(s.jsGzip / 1024).toFixed(1)} KB`.padStart(10),
				`${(s.cssGzip / 1024).toFixed(1)} KB`.padStart(10),
				String(s.files).padStart(6)
			);
	}
}
