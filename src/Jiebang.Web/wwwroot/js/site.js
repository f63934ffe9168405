// Every request a page's script makes that changes something carries the antiforgery token of the
// page in the RequestVerificationToken header: the API refuses a cookie-authenticated call without
// it (or without this site as its Origin).
window.jiebangFetch = function (url, options) {
  const init = Object.assign({ credentials: 'same-origin' }, options || {});
  const headers = new Headers(init.headers || {});
  const meta = document.querySelector('meta[name="jiebang-antiforgery"]');
  if (meta && meta.content) headers.set('RequestVerificationToken', meta.content);
  init.headers = headers;
  return fetch(url, init);
};

// The Content-Security-Policy runs no inline handler: a print button is wired here instead.
document.querySelectorAll('[data-jb-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});

// An error summary (Pages/Shared/_ErrorSummary.cshtml) takes focus when the page opens, so that it is
// read out first; each of its links moves focus to its field, not only the view.
(function () {
  const summary = document.querySelector('[data-jb-error-summary]');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', function (event) {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const byId = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    const path = link.getAttribute('data-jb-field');
    const container = byId || (path && document.querySelector('[data-field="' + CSS.escape(path) + '"]'));
    if (!container) return;
    const field = container.matches('input, select, textarea, button, [tabindex]') ? container
      : container.querySelector('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
    if (!field) return;
    event.preventDefault();
    // The field's label (or the whole field) in view, above the sticky bar, then the caret in the field.
    (field.labels && field.labels[0] || container).scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
})();

// A message that says what an action did on the page it led to (a decision that opened the next record)
// takes focus, so that it is read first; the next Tab goes on from there.
(function () {
  const message = document.querySelector('[data-jb-focus-on-load]');
  if (message && !document.querySelector('[data-jb-error-summary]')) message.focus();
})();

// The navbar link of the page one is on says so to a screen reader, not by colour alone.
document.querySelectorAll('.navbar a.nav-link[href]').forEach(function (link) {
  if (link.pathname === location.pathname && !link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
});

// A table wider than the screen scrolls inside its box: the box takes keyboard focus so that the
// arrow keys can scroll it (WCAG 2.1.1), and is named for what it holds.
(function () {
  const label = document.documentElement.getAttribute('data-jb-scrollable-label') || '';
  function mark() {
    document.querySelectorAll('.table-responsive').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', label);
      } else if (box.getAttribute('tabindex') === '0') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
      }
    });
  }
  mark();
  window.addEventListener('resize', mark);
})();

// Our own file picker (Pages/Shared/_FileInput.cshtml): the chosen file's name, in place of the browser's
// own English "No file chosen", read out as it changes.
document.querySelectorAll('[data-jb-file]').forEach(function (picker) {
  const input = picker.querySelector('input[type=file]');
  const name = picker.querySelector('.jb-file-name');
  input.addEventListener('change', function () {
    const files = Array.prototype.map.call(input.files, function (f) { return f.name; });
    name.textContent = files.length ? files.join('，') : name.getAttribute('data-empty');
  });
});
