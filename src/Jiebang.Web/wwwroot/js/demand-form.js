// A filing's form (a demand, a proposal): autosave to the server, a local copy in case the session expires, live 字 counts,
// rows added to tables, and directions shown for the chosen area. The server stays the judge:
// findings shown here are the ones the server returned for what was saved.
(function () {
  const form = document.getElementById('jb-demand-form') || document.getElementById('jb-filing-form');
  if (!form) return;
  // A new form has no id until its first save with content; its local copy is kept under its round and form.
  let id = form.dataset.demandId || form.dataset.filingId;
  let storageKey = 'jiebang-' + (form.dataset.filingKind || 'demand') + '-' + (id || form.dataset.newKey);
  // A draft made by a post from a new form is shown at its own address, so a reload finds it.
  if (form.dataset.editUrl && location.pathname !== form.dataset.editUrl) history.replaceState(null, '', form.dataset.editUrl);

  // The first save of a new form made the draft: later posts, the Word import's among them, name it.
  function becameDraft(newId, editUrl) {
    document.querySelectorAll('input[type=hidden][name=id]').forEach(i => { i.value = String(newId); });
    id = String(newId);
    localStorage.removeItem(storageKey);
    storageKey = 'jiebang-' + (form.dataset.filingKind || 'demand') + '-' + id;
    if (editUrl) history.replaceState(null, '', editUrl);
  }
  const status = document.getElementById('jb-save-status');
  let dirty = false, saving = false;

  // Word's 字数: each CJK character or full-width mark is one; each run of Latin letters or digits is one.
  function countChars(text) {
    const cjk = text.match(/[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF5E\u2018-\u201D\u2014\u2026\u00B7]|[\uD840-\uD87F][\uDC00-\uDFFF]/g) || [];
    const runs = text.replace(/[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF5E]/g, ' ').match(/[A-Za-z0-9]+(?:[.'\-][A-Za-z0-9]+)*/g) || [];
    return cjk.length + runs.length;
  }
  function updateCounter(input) {
    const counter = document.querySelector('.jb-counter[data-for="' + input.id + '"]');
    if (!counter) return;
    const max = parseInt(input.dataset.max || '0', 10), about = parseInt(input.dataset.about || '0', 10);
    const n = countChars(input.value), limit = max || about;
    counter.textContent = '（' + n + ' / ' + limit + ' 字' + (max ? '' : ' 左右') + '）';
    counter.classList.toggle('text-danger', max > 0 && n > max);
    counter.classList.toggle('text-warning-emphasis', about > 0 && n > about);
  }
  form.querySelectorAll('.jb-count').forEach(i => { updateCounter(i); i.addEventListener('input', () => updateCounter(i)); });

  // Files go up only with their own button; autosave and the local copy carry the typed values.
  function entries() { return Array.from(new FormData(form).entries()).filter(([k, v]) => k !== '__RequestVerificationToken' && typeof v === 'string'); }
  function keepLocal() { localStorage.setItem(storageKey, JSON.stringify({ at: Date.now(), entries: entries() })); }

  // "Not filled in yet" is shown for fields the person has been in, or everywhere after a submit.
  const missingCodes = (form.dataset.missingCodes || '').split(',');
  const touched = new Set();
  form.addEventListener('focusin', e => {
    const field = e.target.closest('[data-field]');
    if (field) touched.add(field.dataset.field.split('[')[0]);
  });
  function worthShowing(f) {
    return form.dataset.showMissing === 'true' || !missingCodes.includes(f.code) || touched.has(f.field.split('[')[0]);
  }

  function showFindings(findings) {
    findings = findings.filter(worthShowing);
    form.querySelectorAll('.jb-findings').forEach(el => { el.innerHTML = ''; });
    form.querySelectorAll('.is-invalid').forEach(el => { el.classList.remove('is-invalid'); el.removeAttribute('aria-invalid'); });
    for (const f of findings) {
      const box = form.querySelector('[data-findings-for="' + CSS.escape(f.field) + '"]')
        || form.querySelector('td[data-field="' + CSS.escape(f.field) + '"] .jb-findings')
        || form.querySelector('[data-findings-for="' + CSS.escape(f.field.split('[')[0]) + '"]');
      if (!box) continue;
      const line = document.createElement('div');
      line.className = f.severity === 'error' ? 'text-danger' : 'text-warning-emphasis';
      if (f.severity !== 'error') {
        // A warning does not block submitting: marked in words as well as colour.
        const badge = document.createElement('span');
        badge.className = 'badge text-bg-warning me-1';
        badge.textContent = document.documentElement.lang.startsWith('zh') ? '提示' : 'Warning';
        line.appendChild(badge);
      }
      line.appendChild(document.createTextNode(f.message));
      box.appendChild(line);
    }
  }

  async function autosave() {
    if (!dirty || saving) return;
    saving = true; dirty = false;
    try {
      const body = new FormData(form);
      body.delete('file');
      const response = await window.jiebangFetch('?handler=Autosave', { method: 'POST', body, redirect: 'manual' });
      if (!response.ok) throw new Error(String(response.status));
      const result = await response.json();
      showFindings(result.findings || []);
      if (result.id && !id) becameDraft(result.id, result.editUrl);
      // Nothing typed yet on a new form: nothing was saved, and the status says nothing.
      status.textContent = result.savedAt ? (document.documentElement.lang.startsWith('zh') ? '已自动保存 ' : 'Saved ') + result.savedAt : '';
      if (result.savedAt) localStorage.removeItem(storageKey);
    } catch (e) {
      dirty = true;
      status.textContent = document.documentElement.lang.startsWith('zh')
        ? '未能保存到服务器（可能登录已过期），内容已保存在本浏览器，重新登录后可恢复。'
        : 'Could not save to the server (the session may have expired); a copy is kept in this browser.';
    } finally { saving = false; }
  }

  // One autosave at a time; a new form's button waits for a running one, which may be making the draft.
  let pending = null;
  function runAutosave() {
    if (!pending) pending = autosave().finally(() => { pending = null; });
    return pending;
  }

  form.addEventListener('input', () => { dirty = true; keepLocal(); });
  form.addEventListener('change', () => { dirty = true; keepLocal(); });
  setInterval(runAutosave, 5000);
  window.addEventListener('beforeunload', () => { if (dirty) keepLocal(); });
  form.addEventListener('submit', e => {
    if (!id && pending) {
      e.preventDefault();
      const submitter = e.submitter;
      pending.then(() => form.requestSubmit(submitter));
      return;
    }
    dirty = false;
  });
  form.addEventListener('focusout', () => { if (dirty) runAutosave(); });

  // Offer the local copy when it is newer than the server's draft and differs from it. (Leaving a field
  // fires 'change' after the autosave, so an unchanged copy is often newer: it is dropped, not offered.)
  let local = JSON.parse(localStorage.getItem(storageKey) || 'null');
  if (local && JSON.stringify(local.entries) === JSON.stringify(entries())) { localStorage.removeItem(storageKey); local = null; }
  if (local && local.at > parseInt(form.dataset.updatedAt || '0', 10)) {
    const banner = document.getElementById('jb-restore');
    banner.classList.remove('d-none');
    document.getElementById('jb-restore-button').addEventListener('click', () => {
      const byName = {};
      for (const [k, v] of local.entries) (byName[k] = byName[k] || []).push(v);
      form.querySelectorAll('input, textarea, select').forEach(el => {
        if (!el.name || el.name === '__RequestVerificationToken' || !(el.name in byName)) return;
        if (el.type === 'checkbox' || el.type === 'radio') el.checked = byName[el.name].includes(el.value);
        else el.value = byName[el.name].shift() ?? '';
      });
      banner.classList.add('d-none');
      dirty = true;
      runAutosave();
    });
  }

  form.querySelectorAll('.jb-add-row').forEach(button => button.addEventListener('click', () => {
    const body = button.closest('fieldset').querySelector('tbody');
    const last = body.lastElementChild, index = body.children.length;
    const row = last.cloneNode(true);
    row.querySelector('td').textContent = String(index + 1);
    row.querySelectorAll('input, textarea, select').forEach(input => {
      input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
      input.value = '';
      input.setAttribute('aria-label', input.getAttribute('aria-label').replace(/\d+(?=行)/, String(index + 1)));
      input.removeAttribute('aria-required'); // a row added is past the table's minimum: the filer's choice
    });
    row.querySelectorAll('.jb-findings').forEach(el => { el.innerHTML = ''; });
    body.appendChild(row);
  }));

  form.querySelectorAll('.jb-area').forEach(select => select.addEventListener('change', () => {
    select.closest('fieldset').querySelectorAll('.jb-directions').forEach(group => {
      const on = group.dataset.area === select.value;
      group.hidden = !on;
      group.querySelectorAll('input').forEach(i => { i.disabled = !on; if (!on) i.checked = false; });
    });
  }));
})();
