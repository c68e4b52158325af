import { HostError } from '../../src/core/errors';
import { declareUtf8, decodePart, hasDoctype } from '../../src/xlsx/encoding';
import { utf16 } from './fuzz/mutations';

const XML = '<?xml version="1.0" encoding="UTF-8"?><sst><si><t>Café – £5 ☃</t></si></sst>';

describe('XML parts in any encoding they declare are read as the same text', () => {
  test.each([
    ['UTF-8', new TextEncoder().encode(XML)],
    ['UTF-8 with a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(XML)])],
    ['UTF-16LE with a byte-order mark', utf16(XML, false, true)],
    ['UTF-16BE with a byte-order mark', utf16(XML, true, true)],
    ['UTF-16LE without a byte-order mark', utf16(XML, false, false)],
    ['UTF-16BE without a byte-order mark', utf16(XML, true, false)],
  ])('%s', (_name, bytes) => {
    expect(decodePart(bytes, 'xl/sharedStrings.xml')).toMatch(/<t>Café – £5 ☃<\/t>/);
  });

  test('a part declared ISO-8859-1 is read in that encoding', () => {
    const bytes = Uint8Array.from(
      [...'<?xml version="1.0" encoding="ISO-8859-1"?><t>Caf']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...'</t>'].map((c) => c.charCodeAt(0)),
        ),
    );
    expect(decodePart(bytes, 'p.xml')).toContain('<t>Café</t>');
  });

  test('bytes that are not valid UTF-8, or an encoding nobody knows, are refused in one line, never guessed at', () => {
    const bad = Uint8Array.from([...new TextEncoder().encode('<t>'), 0xc3, 0x28, ...new TextEncoder().encode('</t>')]);
    expect(() => decodePart(bad, 'xl/sharedStrings.xml')).toThrow(HostError);
    expect(() => decodePart(bad, 'xl/sharedStrings.xml')).toThrow(/xl\/sharedStrings\.xml is not valid UTF-8 text/);
    expect(() => decodePart(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><a/>'), 'p.xml')).toThrow(
      /"x-klingon" encoding/,
    );
  });

  test('a rewritten part declares the UTF-8 it is written in', () => {
    expect(declareUtf8('<?xml version="1.0" encoding="UTF-16" standalone="yes"?><a/>')).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>',
    );
    expect(declareUtf8("<?xml version='1.0' encoding='utf-16'?><a/>")).toBe("<?xml version='1.0' encoding='UTF-8'?><a/>");
    expect(declareUtf8('<a/>')).toBe('<a/>');
  });

  test('a DOCTYPE is found in the prolog, after declarations and comments, and nowhere else', () => {
    expect(hasDoctype('<?xml version="1.0"?>\n<!-- a - b -->\n<!DOCTYPE sst [<!ENTITY e "x">]><sst/>')).toBe(true);
    expect(hasDoctype('<sst><si><t>&lt;!DOCTYPE</t></si></sst>')).toBe(false);
    expect(hasDoctype('<?xml version="1.0"?><x><?pi ?><![CDATA[<!DOCTYPE y>]]></x>')).toBe(false);
  });
});
