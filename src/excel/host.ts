/** Where the pane is running, found once at start-up. */
export type HostInfo =
  | { readonly kind: 'excel' }
  | { readonly kind: 'other'; readonly host: string }
  | { readonly kind: 'none'; readonly reason: 'no-office' | 'timeout' | 'no-host' };

/**
 * Waits for Office.js: "none" when the script did not load (not inside Office, or the CDN is unreachable),
 * when Office.onReady reports no host (a plain browser), or when it does not answer within `timeoutMs`.
 * A slow start is not given up on: after a timeout, `onLate` still gets the answer when Office.onReady
 * resolves (a busy machine, a slow first load), so the pane can replace its "open in Excel" state.
 */
export async function detectHost(timeoutMs = 5000, onLate?: (info: HostInfo) => void): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'none', reason: 'no-office' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<HostInfo>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve({ kind: 'none', reason: 'timeout' });
    }, timeoutMs);
  });
  const ready = Office.onReady().then((info): HostInfo => {
    if (!info.host) return { kind: 'none', reason: 'no-host' };
    return info.host === Office.HostType.Excel ? { kind: 'excel' } : { kind: 'other', host: String(info.host) };
  });
  void ready.then((info) => {
    if (timedOut) onLate?.(info);
  });
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The pane's theme: Office's light or dark, or high contrast when the system forces its colours. */
export type OfficeTheme = 'light' | 'dark' | 'highContrast';

/**
 * High contrast when the system forces colours (Windows high-contrast themes reach Office's web view as the
 * `forced-colors` media feature; Office.js has no flag for it), else light or dark from the Office theme's
 * body background.
 */
export function officeTheme(
  forcedColors: boolean = typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches,
): OfficeTheme {
  if (forcedColors) return 'highContrast';
  try {
    const bg = Office.context.officeTheme?.bodyBackgroundColor;
    if (!bg) return 'light';
    const n = Number.parseInt(bg.replace('#', ''), 16);
    const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
    return lum < 128 ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}
