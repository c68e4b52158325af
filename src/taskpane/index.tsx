import { createRoot } from 'react-dom/client';
import { createExcelHost, detectHost, officeTheme } from '../excel';
import { App } from './App';
import { NotInExcel } from './NotInExcel';

/** Composition root: find the host, then render the pane with the Excel adapter, or the "open in Excel" state. */
async function main(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const root = createRoot(element);
  const info = await detectHost(5000);
  if (info.kind === 'excel') root.render(<App host={createExcelHost()} theme={officeTheme()} />);
  else root.render(<NotInExcel reason={info.kind === 'other' ? 'other' : info.reason} />);
}

void main();
