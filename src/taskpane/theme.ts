import { webLightTheme, type Theme } from '@fluentui/react-components';

/** The pane's three looks, chosen from Office (or from the browser outside Office). */
export type PaneTheme = 'light' | 'dark' | 'highContrast';

/** Fluent's theme for each look loaded so far: light is in the first load; dark and high contrast come when first asked for. */
const loaded: Partial<Record<PaneTheme, Theme>> = { light: webLightTheme };

/** Loads the look's Fluent theme (high contrast is Fluent's own, which also leaves room for the system's forced colours). */
export async function loadTheme(theme: PaneTheme): Promise<void> {
  if (loaded[theme]) return;
  const more = await import(/* webpackChunkName: "themes" */ './moreThemes');
  loaded.dark = more.webDarkTheme;
  loaded.highContrast = more.teamsHighContrastTheme;
}

/** Fluent's theme for the look, once loadTheme has loaded it (light until then). */
export function fluentTheme(theme: PaneTheme): Theme {
  return loaded[theme] ?? webLightTheme;
}

type Media = (query: string) => { matches: boolean };

/** Outside Office (the "open in Excel" view) the browser says: forced colours first, then a dark colour scheme. */
export function browserTheme(media: Media | undefined = typeof matchMedia === 'function' ? matchMedia : undefined): PaneTheme {
  if (!media) return 'light';
  if (media('(forced-colors: active)').matches) return 'highContrast';
  return media('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `changed` when the system turns forced colours (high contrast) or its colour scheme on or off. */
export function onSystemThemeChange(changed: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const queries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((q) => matchMedia(q));
  for (const q of queries) q.addEventListener('change', changed);
  return () => queries.forEach((q) => q.removeEventListener('change', changed));
}
