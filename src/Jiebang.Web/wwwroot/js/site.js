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
