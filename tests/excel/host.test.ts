import { detectHost, type HostInfo } from '../../src/excel/host';

const target = globalThis as unknown as Record<string, unknown>;

/** An Office global whose onReady answers after `ms`. */
function slowOffice(ms: number, host: string | null): void {
  target.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host, platform: 'OfficeOnline' }), ms)),
  };
}

afterEach(() => delete target.Office);

describe('finding the host', () => {
  test('Office answering in time: Excel', async () => {
    slowOffice(1, 'Excel');
    await expect(detectHost(200)).resolves.toEqual({ kind: 'excel' });
  });

  test('Office answering after the timeout: "open in Excel" first, then Excel when it answers', async () => {
    slowOffice(60, 'Excel');
    const late: HostInfo[] = [];
    await expect(detectHost(10, (info) => late.push(info))).resolves.toEqual({ kind: 'none', reason: 'timeout' });
    expect(late).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(late).toEqual([{ kind: 'excel' }]);
  });

  test('no Office.js at all: no-office, nothing later', async () => {
    await expect(detectHost(10)).resolves.toEqual({ kind: 'none', reason: 'no-office' });
  });
});
