import { createRoot } from 'react-dom/client';
import type { PlanHost } from '../core/host';
import { createExcelHost, detectHost, officeTheme, type HostInfo } from '../excel';
import { App } from './App';
import { NotInExcel } from './NotInExcel';
import { browserTheme, loadTheme, onSystemThemeChange } from './theme';
import { workerAnalyser } from './workerAnalyser';

/** Composition root: find the host, then render the pane with the Excel adapter, or the "open in Excel" state. */
async function main(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const root = createRoot(element);
  const analyse = workerAnalyser(() => new Worker(new URL('./analysis.worker.ts', import.meta.url)));
  let host: PlanHost | null = null;
  let shown: HostInfo | null = null;
  const show = async (info: HostInfo) => {
    shown = info;
    const theme = info.kind === 'excel' ? officeTheme() : browserTheme();
    // A dark or high-contrast theme loads first (a small chunk), so the pane never flashes light.
    await loadTheme(theme).catch(() => undefined);
    if (shown !== info) return; // a later answer has taken over
    if (info.kind === 'excel') root.render(<App host={(host ??= createExcelHost(analyse))} theme={theme} />);
    else root.render(<NotInExcel reason={info.kind === 'other' ? 'other' : info.reason} theme={theme} />);
  };
  // Switching Windows to a high-contrast theme (or the colour scheme) while the pane is open re-themes it.
  onSystemThemeChange(() => void (shown && show(shown)));
  // After 5 s the pane says "open in Excel", but keeps listening: if Office answers later, the pane appears.
  await show(await detectHost(5000, (info) => void show(info)));
}

void main();
