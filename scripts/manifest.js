// The manifest's URLs: the source manifest points at the dev server; a production build points at ADDIN_BASE_URL.
const DEV_BASE_URL = 'https://localhost:3000/';

/** The production base URL, checked: https, not localhost, ending with a slash. Throws a plain message otherwise. */
function checkBaseUrl(raw) {
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!/^https:\/\/[^/\s]+/.test(url) || /^https:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be the https:// address where dist/ is hosted (not localhost); got "${raw}".`);
  }
  return url;
}

/** The manifest with every development URL replaced by `base`. */
function productionManifest(xml, base) {
  return xml.split(DEV_BASE_URL).join(checkBaseUrl(base));
}

module.exports = { DEV_BASE_URL, checkBaseUrl, productionManifest };
