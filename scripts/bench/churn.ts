/**
 * The synthetic meeting load appended to each platform's host fixture: 50 participant tiles whose names,
 * mute state and audio level change, a moving speaker highlight, live captions and a chat that keeps scrolling.
 * The page also spends ~6 ms of script per 100 ms on its own work (a stand-in for a meeting client's rendering and
 * media bookkeeping; real clients spend far more), so "overhead ratio" compares Vigie with a page that does work.
 * Long tasks are counted with the page's own PerformanceObserver.
 */
export const CHURN_SCRIPT = `
<script>
(function () {
  var longTasks = 0;
  try { new PerformanceObserver(function (l) { longTasks += l.getEntries().length; }).observe({ entryTypes: ['longtask'] }); } catch (e) {}
  window.__bench = { longTasks: function () { return longTasks; } };
  function start() {
    var grid = document.createElement('div'); grid.id = 'bench-tiles';
    var tiles = [];
    for (var i = 0; i < 50; i++) {
      var t = document.createElement('div'); t.className = 'tile'; t.setAttribute('aria-label', 'Participant ' + i);
      var name = document.createElement('span'); name.textContent = 'Student ' + i; t.appendChild(name);
      var level = document.createElement('div'); level.className = 'level'; t.appendChild(level);
      grid.appendChild(t); tiles.push(t);
    }
    var captions = document.createElement('p'); captions.id = 'bench-captions';
    var chat = document.createElement('ul'); chat.id = 'bench-chat';
    document.body.appendChild(grid); document.body.appendChild(captions); document.body.appendChild(chat);
    var words = 'the quick brown fox jumps over the lazy dog while the class reads chapter five aloud'.split(' ');
    var tick = 0, speaker = 0, n = 0;
    setInterval(function () {
      tick++;
      var until = performance.now() + 6; while (performance.now() < until) { n = (n * 1103515245 + 12345) % 2147483648; }
      for (var i = 0; i < tiles.length; i++) tiles[i].lastChild.style.width = ((n + i * 7) % 100) + '%';
      if (tick % 2 === 0) { tiles[speaker].classList.remove('speaking'); speaker = (speaker + 1) % tiles.length; tiles[speaker].classList.add('speaking'); tiles[speaker].setAttribute('aria-label', 'Participant ' + speaker + (tick % 4 ? ' (speaking)' : ' (muted)')); }
      if (tick % 3 === 0) captions.textContent = words.slice(tick % 8, tick % 8 + 8).join(' ');
      if (tick % 10 === 0) { var li = document.createElement('li'); li.textContent = 'Student ' + (tick % 50) + ': question ' + tick; chat.appendChild(li); if (chat.children.length > 100) chat.removeChild(chat.firstChild); }
    }, 100);
  }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
</script>`;
