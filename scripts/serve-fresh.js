// Serves the built app on a brand-new database, for the browser tests: whatever the previous run
// left behind is removed first, so every run starts from the bundled reports alone.
// @ts-check
import { rmSync } from 'node:fs';
import { serverEnvironment } from './server-env.js';

const file = process.env.DATABASE_PATH;
if (!file) throw new Error('serve-fresh needs DATABASE_PATH');
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
// The same keep-alive settings as npm start (adapter-node reads them when the build is loaded).
Object.assign(process.env, serverEnvironment(process.env));
// A variable specifier: the build is made by the test script, after type checking.
const entry = '../build/index.js';
await import(entry);
