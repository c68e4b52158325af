import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

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
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{TITLES[code] ?? 'Could not finish'}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
