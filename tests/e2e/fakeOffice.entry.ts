// Served in place of Office.js from the CDN during browser tests: installs the strict fake Excel host,
// holding the scenario the test put on window before any script ran.
import { FakeWorkbook, installFakeOffice } from '../fakes/excelFake';

type Scalar = string | number | boolean;
interface Scenario {
  sheets: { name: string; values: Scalar[][]; protected?: boolean }[];
  theme?: string;
  /** The ExcelApi minor version the fake plays (default 20). */
  apiMinor?: number;
}

const w = window as unknown as { __scenario?: Scenario; __fake?: FakeWorkbook };
const fake = new FakeWorkbook();
for (const s of w.__scenario?.sheets ?? []) fake.addSheet(s.name, s.values, { protected: s.protected ?? false });
if (w.__scenario?.theme) fake.theme = { bodyBackgroundColor: w.__scenario.theme };
if (w.__scenario?.apiMinor !== undefined) fake.apiMinor = w.__scenario.apiMinor;
installFakeOffice(fake, window as unknown as Record<string, unknown>);
w.__fake = fake;
