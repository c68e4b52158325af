// The ribbon command's message dialog: title and text from the query string, shown as text only.
const params = new URLSearchParams(window.location.search);
const title = document.getElementById('title');
const text = document.getElementById('text');
if (title) title.textContent = params.get('title') ?? 'Action Plan Checker';
if (text) text.textContent = params.get('text') ?? '';
