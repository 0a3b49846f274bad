// After `vite build`: checks the budget (JS + CSS <= 200 KB gzipped), checks that every text has both
// languages, and writes a .gz and a .br next to each text asset so the console function can serve
// them precompressed. Exits non-zero when a check fails, which fails the Maven build.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = 'target/dist';
const BUDGET = 200 * 1024;

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let total = 0;
const lines = [];
for (const f of files(dist)) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(f)) continue;
  const raw = readFileSync(f);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(f + '.gz', gz);
  writeFileSync(f + '.br', br);
  if (/\.(js|css)$/.test(f)) {
    total += gz.length;
    lines.push(`  ${relative(dist, f)}: ${raw.length} B, gzip ${gz.length} B, brotli ${br.length} B`);
  }
}
console.log(lines.join('\n'));
console.log(`console budget: JS + CSS ${(total / 1024).toFixed(1)} KB gzipped of ${BUDGET / 1024} KB`);
if (total > BUDGET) {
  console.error(`console budget exceeded: ${total} B gzipped > ${BUDGET} B`);
  process.exit(1);
}

// every text in both languages (src/i18n/*.ts: ru: {...}, en: {...})
let missing = 0;
for (const f of files('src/i18n')) {
  const src = readFileSync(f, 'utf8');
  const block = (name) => {
    const m = src.match(new RegExp(`\\n  ${name}: \\{([\\s\\S]*?)\\n  \\}`));
    return new Set(m ? [...m[1].matchAll(/^\s*'([^']+)':/gm)].map((x) => x[1]) : []);
  };
  const ru = block('ru');
  const en = block('en');
  for (const k of ru) if (!en.has(k)) (console.error(`${f}: '${k}' has no English text`), missing++);
  for (const k of en) if (!ru.has(k)) (console.error(`${f}: '${k}' has no Russian text`), missing++);
}
if (missing) process.exit(1);
