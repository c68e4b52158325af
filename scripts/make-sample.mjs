// Writes assets/samples/action-plan-2001-02.xlsx from tests/fixtures/action-plan-2001-02.json (a copy of
// ../shared/reference/action-plan-2001-02.json) in the
// original's layout. Run with `npm run sample` (it builds the command first, whose code it reuses).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { sampleWorkbook } = require('../build/cli/sample.js');
const json = JSON.parse(readFileSync(new URL('../tests/fixtures/action-plan-2001-02.json', import.meta.url), 'utf8'));
mkdirSync(new URL('../assets/samples/', import.meta.url), { recursive: true });
const out = new URL('../assets/samples/action-plan-2001-02.xlsx', import.meta.url);
await sampleWorkbook(json).xlsx.writeFile(out.pathname);
console.log(`wrote assets/samples/action-plan-2001-02.xlsx (${json.rows.length} recommendations)`);
