// Large summaries take a while: fetch the export, show how much has arrived, then save it.
(function () {
  const link = document.getElementById('jb-export');
  const progress = document.getElementById('jb-export-progress');
  if (!link || !window.ReadableStream) return;
  const zh = document.documentElement.lang.startsWith('zh');
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    progress.textContent = zh ? '正在生成汇总表……' : 'Building the summary…';
    try {
      const response = await fetch(link.href, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const rows = response.headers.get('X-Row-Count');
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        progress.textContent = (zh ? `共${rows}条，已接收 ` : `${rows} rows, received `) + Math.round(received / 1024) + ' KB';
      }
      const name = decodeURIComponent((response.headers.get('Content-Disposition') || '').split("filename*=UTF-8''")[1] || 'summary.xlsx');
      const url = URL.createObjectURL(new Blob(chunks));
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.appendChild(a); a.click(); a.remove(); URL.revokeObjectURL(url);
      progress.textContent = zh ? `已导出${rows}条。` : `Exported ${rows} rows.`;
    } catch (e) {
      progress.textContent = zh ? '导出失败，请重试。' : 'The export failed; try again.';
    }
  });
})();
