import { makeStyles } from '@fluentui/react-components';

/**
 * A native select is as wide as its longest option: held to the pane's width, the text cut with an ellipsis.
 * `select` goes on Fluent's Select, `selectInner` on its inner <select>.
 */
export const useSelectStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%' },
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});
