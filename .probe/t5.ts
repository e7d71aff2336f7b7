import { peakMemory, memoryBound } from '../src/lib/server/import/fixtures/peak-memory';
import { buildWorkbook } from '../src/lib/server/import/fixtures/workbooks';
for (const rows of [10_000, 14_000]) {
  const data = [['2024年第二季度重点任务执行情况'], ['序号', '工作任务', '责任单位', '完成情况', 'e', 'f', 'g', 'h', 'i', 'j']];
  for (let r = 1; r <= rows; r++) data.push([String(r), `任务${r}`, '经信局', `已完成改造项目${r}个，累计投资${r}万元。`, `e${r}`, `f${r}`, `g${r}`, `h${r}`, `i${r}`, `j${r}`]);
  const b = await buildWorkbook([{ name: 'S', rows: data }]);
  const r = await peakMemory(b, 'big.xlsx'); console.log(rows*10, b.length, (r.maxRss/1e6).toFixed(0), (memoryBound(b.length)/1e6).toFixed(0), r.error?.slice(0, 80), r.crash, r.tasks);
}
