import { Notice } from './Notice';

const TITLES: Record<string, string> = {
  CellEditMode: 'Excel is editing a cell',
  SheetProtected: 'The sheet is protected',
  SheetMissing: 'Sheet not found',
  PayloadTooLarge: 'The sheet is too large',
  UnsupportedHost: 'This Excel is too old',
  Unknown: 'Something went wrong',
};

/** An adapter's error in plain words: what happened and what was or was not changed. */
export function ErrorBar({ message, code }: { message: string; code: string }) {
  return (
    <Notice intent="error" role="alert" title={`${TITLES[code] ?? 'Could not finish'}.`}>
      {message}
    </Notice>
  );
}
