// ES5 on purpose, loaded before the pane's bundle: it runs in the Internet Explorer webview of old Office builds,
// which cannot run the bundle (Fluent UI v9 and React 19 need a modern engine) and would otherwise leave the pane
// at "Loading..." with no word. It only ever replaces that first paragraph; a pane that has started is left alone.
(function () {
  var MESSAGE =
    'This version of Office shows add-ins in an old browser engine (Internet Explorer) that Action Plan Checker cannot run in. ' +
    'Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web. Nothing in your workbook was read or changed.';
  function stillLoading(root) {
    return root && root.children.length === 1 && root.children[0].getAttribute('data-loading') === 'true';
  }
  function show() {
    var root = document.getElementById('root');
    if (!stillLoading(root)) return;
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.padding = '12px';
    p.appendChild(document.createTextNode(MESSAGE));
    root.replaceChild(p, root.children[0]);
  }
  var old = /Trident\/|MSIE /.test(navigator.userAgent);
  if (old) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  } else {
    // A modern engine whose bundle failed to start (a script blocked, a syntax it lacks): say so after a while.
    window.setTimeout(show, 30000);
  }
})();
