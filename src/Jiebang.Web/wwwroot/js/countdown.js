// Keeps a call's countdown current; the page already shows it as text without this script.
(function () {
    function render(el) {
        var closes = Date.parse(el.getAttribute('datetime'));
        var opens = Date.parse(el.getAttribute('data-not-before'));
        var now = Date.now();
        if (now < opens) return;
        var left = closes - now;
        if (left <= 0) { el.textContent = el.getAttribute('data-closed'); return; }
        var minutes = Math.floor(left / 60000);
        el.textContent = el.getAttribute('data-template')
            .replace('{d}', Math.floor(minutes / 1440))
            .replace('{h}', Math.floor(minutes / 60) % 24)
            .replace('{m}', minutes % 60);
    }
    function tick() { document.querySelectorAll('time[data-countdown]').forEach(render); }
    tick();
    setInterval(tick, 30000);
})();
