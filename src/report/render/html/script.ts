// The report's only script, inlined and allowed by hash in the page's Content-Security-Policy:
// timeline tooltips on hover and keyboard focus (arrow keys move between marks, one tab stop per
// timeline), copy buttons with a fallback for browsers that refuse the clipboard API on file://,
// and opening every <details> for printing. Text is inserted with textContent only.

export const SCRIPT = `(function () {
  'use strict';
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function setupTimeline(svg) {
    var tip = document.getElementById(svg.getAttribute('data-tip'));
    var dataEl = document.getElementById(svg.getAttribute('data-data'));
    if (!tip || !dataEl) return;
    var data = [];
    try { data = JSON.parse(dataEl.textContent || '[]'); } catch (e) { return; }
    var wrap = svg.parentNode;
    var marks = Array.prototype.slice.call(svg.querySelectorAll('.mark'));
    function pos(m) { var b = m.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top, b: b.bottom }; }
    var order = marks.slice().sort(function (a, b) {
      var la = +a.getAttribute('data-lane'), lb = +b.getAttribute('data-lane');
      return la - lb || pos(a).x - pos(b).x;
    });
    function show(m) {
      var d = data[+m.getAttribute('data-i')];
      if (!d) return;
      tip.textContent = '';
      tip.appendChild(el('div', 'tip-head', d.h));
      d.l.forEach(function (line) {
        tip.appendChild(el('pre', 'tip-line', line.t));
        if (line.w) tip.appendChild(el('div', 'tip-loc', line.w));
      });
      if (d.m > 0) tip.appendChild(el('div', 'tip-loc', '+' + d.m));
      tip.hidden = false;
      var w = wrap.getBoundingClientRect(), p = pos(m);
      var left = p.x - w.left - tip.offsetWidth / 2;
      left = Math.max(0, Math.min(left, w.width - tip.offsetWidth));
      tip.style.left = left + 'px';
      tip.style.top = (p.b - w.top + 6) + 'px';
    }
    function hide() { tip.hidden = true; }
    function focusMark(m) {
      marks.forEach(function (x) { x.setAttribute('tabindex', '-1'); });
      m.setAttribute('tabindex', '0');
      m.focus();
    }
    marks.forEach(function (m) {
      m.addEventListener('mouseenter', function () { show(m); });
      m.addEventListener('mouseleave', function () { if (document.activeElement !== m) hide(); });
      m.addEventListener('focus', function () { show(m); });
      m.addEventListener('blur', hide);
      m.addEventListener('click', function () { focusMark(m); });
    });
    svg.addEventListener('keydown', function (ev) {
      var cur = document.activeElement;
      var i = order.indexOf(cur);
      if (i < 0) return;
      var lane = +cur.getAttribute('data-lane');
      var next = null;
      if (ev.key === 'ArrowRight') next = order[i + 1] || null;
      else if (ev.key === 'ArrowLeft') next = order[i - 1] || null;
      else if (ev.key === 'Home') next = order[0];
      else if (ev.key === 'End') next = order[order.length - 1];
      else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        var dir = ev.key === 'ArrowDown' ? 1 : -1, x = pos(cur).x, best = null, bestLane = null, bestDx = Infinity;
        order.forEach(function (m) {
          var l = +m.getAttribute('data-lane');
          if ((l - lane) * dir <= 0) return;
          if (bestLane !== null && Math.abs(l - lane) > Math.abs(bestLane - lane)) return;
          var dx = Math.abs(pos(m).x - x);
          if (bestLane === null || Math.abs(l - lane) < Math.abs(bestLane - lane) || dx < bestDx) { best = m; bestLane = l; bestDx = dx; }
        });
        next = best;
      } else if (ev.key === 'Escape') { hide(); return; }
      else return;
      ev.preventDefault();
      if (next) focusMark(next);
    });
  }
  function copyText(text, done) {
    function fallback() {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.className = 'skip';
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else fallback();
  }
  function setupCopy(btn) {
    var label = btn.textContent;
    btn.addEventListener('click', function () {
      var src = document.getElementById(btn.getAttribute('data-copy'));
      if (!src) return;
      copyText(src.textContent || '', function (ok) {
        if (!ok) {
          var r = document.createRange();
          r.selectNodeContents(src);
          var s = window.getSelection();
          if (s) { s.removeAllRanges(); s.addRange(r); }
        }
        btn.textContent = btn.getAttribute(ok ? 'data-done' : 'data-fail') || label;
        setTimeout(function () { btn.textContent = label; }, 1600);
      });
    });
  }
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) { d.open = true; reopened.push(d); });
  });
  window.addEventListener('afterprint', function () { reopened.forEach(function (d) { d.open = false; }); reopened = []; });
  Array.prototype.forEach.call(document.querySelectorAll('svg.timeline-svg'), setupTimeline);
  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), setupCopy);
})();
`;
