import type { RunResult, WorkbookSettings } from '../../core/host';
import { ChaseSection } from './ChaseSection';
import { FindingsList } from './FindingsList';
import { SinceSection } from './SinceSection';

/** Below the figures and the buttons: whom to chase, the findings to work through, then what moved since last time. */
export function Details({
  result,
  settings,
  onSelect,
}: {
  result: RunResult;
  settings: WorkbookSettings;
  /** Selects a cell on the analysed sheet. */
  onSelect: (cell: string) => void;
}) {
  const { analysis } = result;
  if (!analysis.table) return null;
  return (
    <>
      <ChaseSection analysis={analysis} onSelect={onSelect} />
      <FindingsList key={`${analysis.sheet}-${analysis.findings.length}`} analysis={analysis} notes={result.notes} onSelect={onSelect} />
      <SinceSection result={result} settings={settings} onSelect={onSelect} />
    </>
  );
}
