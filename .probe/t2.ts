import { readFileSync } from 'node:fs';
import { peakMemory, memoryBound } from '../src/lib/server/import/fixtures/peak-memory';
const seed = readFileSync('data/reports/xinjie-2024-q2.txt').toString('utf8').split('\n');
const head = seed.slice(0, 17).join('\n');
const table = seed.slice(17, 97).join('\n');
const copies = Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(table));
const text = Buffer.from([head, ...Array.from({ length: copies }, () => table), '扫一扫在手机打开当前页'].join('\n'));
const r = await peakMemory(text, 'x.txt'); console.log('text', text.length, r.maxRss/1e6, memoryBound(text.length)/1e6, r.error, r.crash, r.tasks);
// CSV: rows
const rows = ['序号,工作任务,责任单位,完成情况'];
for (let i = 1; rows.join('\n').length < 0; i++) {}
let csv = '2024年第二季度重点任务执行情况\n序号,工作任务,责任单位,完成情况\n';
const line = (i: number) => `${i},推进数字化改造项目${i},经信局,已完成改造项目${i}个，累计投资${i}万元。\n`;
const parts: string[] = [csv]; let size = csv.length; let i = 1;
while (size < 20e6) { const l = line(i++); parts.push(l); size += Buffer.byteLength(l); }
const c = Buffer.from(parts.join(''));
const r2 = await peakMemory(c, 'x.csv'); console.log('csv', c.length, r2.maxRss/1e6, memoryBound(c.length)/1e6, r2.error, r2.crash, r2.tasks);
