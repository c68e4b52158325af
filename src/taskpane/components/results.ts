/** What the pane shows after a run, loaded as one chunk of its own (the first screen before a run never needs it). */
export { Overview } from './Overview';
export { Details } from './Details';
