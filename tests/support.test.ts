import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_TITLES } from '../src/core/findings';
import type { RuleId } from '../src/core/types';
import { helpUrl } from '../src/taskpane/help';

const page = readFileSync(join(__dirname, '..', 'src', 'support.html'), 'utf8');

/** The definition list entry for an anchor: its <dt> title and the <dd> text after it. */
function entry(id: string): { title: string; text: string } | null {
  const m = new RegExp(`<dt id="${id}">([\\s\\S]*?)</dt>\\s*<dd>([\\s\\S]*?)</dd>`).exec(page);
  if (!m) return null;
  const plain = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return { title: plain(m[1] ?? ''), text: plain(m[2] ?? '') };
}

describe('the support page explains every finding', () => {
  test.each(Object.keys(RULE_TITLES) as RuleId[])('[%s] has an entry under its own anchor, titled as the pane titles it', (rule) => {
    const found = entry(rule);
    expect(found).not.toBeNull();
    expect(found?.title).toContain(RULE_TITLES[rule]);
    // A sentence or two in plain words, not a bare heading.
    expect(found?.text.length).toBeGreaterThan(60);
    expect(helpUrl(rule)).toBe(`support.html#${rule}`);
  });

  test('no anchor for a rule that does not exist', () => {
    const ids = [...page.matchAll(/<dt id="([A-Z_]+)">/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(Object.keys(RULE_TITLES).sort());
  });

  test('it explains the preview, the undo story and pointing at the table', () => {
    expect(page).toContain('Ctrl+Z undoes it in one step');
    expect(page).toContain('Info &gt; Version History');
    expect(page).toContain('Use the selected row as header');
  });
});
