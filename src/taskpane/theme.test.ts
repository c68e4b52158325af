import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { officeTheme } from '../excel/host';
import { browserTheme, fluentTheme, loadTheme } from './theme';

const media = (on: string[]) => (q: string) => ({ matches: on.includes(q) });

describe('pane theme', () => {
  test('outside Office, forced colours win over a dark colour scheme, which wins over light', () => {
    expect(browserTheme(media(['(forced-colors: active)', '(prefers-color-scheme: dark)']))).toBe('highContrast');
    expect(browserTheme(media(['(prefers-color-scheme: dark)']))).toBe('dark');
    expect(browserTheme(media([]))).toBe('light');
    expect(browserTheme(undefined)).toBe('light');
  });

  test('in Office, forced colours give high contrast whatever the Office theme; else its background decides', () => {
    const office = (bodyBackgroundColor: string) =>
      ((globalThis as { Office?: unknown }).Office = { context: { officeTheme: { bodyBackgroundColor } } });
    office('#1F1F1F');
    expect(officeTheme(true)).toBe('highContrast');
    expect(officeTheme(false)).toBe('dark');
    office('#FFFFFF');
    expect(officeTheme(false)).toBe('light');
    delete (globalThis as { Office?: unknown }).Office;
    expect(officeTheme(false)).toBe('light');
  });

  test('each look has its Fluent theme once loaded: high contrast is Fluent\u2019s own', async () => {
    expect(fluentTheme('dark')).toBe(webLightTheme);
    await loadTheme('dark');
    expect(fluentTheme('highContrast')).toBe(teamsHighContrastTheme);
    expect(fluentTheme('dark')).toBe(webDarkTheme);
  });
});
