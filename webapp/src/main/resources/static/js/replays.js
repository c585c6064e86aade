// Follows the replays on the page while any is queued or running: polls their progress every two
// seconds and, once one has finished, reloads the page to show its result.
(function () {
  'use strict';
  var table = document.getElementById('replays');
  if (!table) {
    return;
  }
  function unfinished() {
    return table.querySelectorAll('tr[data-state="QUEUED"], tr[data-state="RUNNING"]');
  }
  if (unfinished().length === 0) {
    return;
  }
  function poll() {
    fetch('/replays/progress', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (view) {
        if (!view) {
          return;
        }
        var finished = false;
        view.replays.forEach(function (replay) {
          var row = table.querySelector('tr[data-replay="' + replay.replayId + '"]');
          if (!row) {
            return;
          }
          var before = row.getAttribute('data-state');
          if ((before === 'QUEUED' || before === 'RUNNING') && replay.state !== 'QUEUED' && replay.state !== 'RUNNING') {
            finished = true;
          }
          var count = row.querySelector('[data-field="count"]');
          if (count) {
            count.textContent = replay.eventsRead + ' / ' + replay.totalEstimate;
          }
          var bar = row.querySelector('progress');
          if (bar) {
            bar.value = replay.progress;
          }
          var rate = row.querySelector('[data-field="rate"]');
          if (rate) {
            rate.textContent = replay.eventsPerSecond;
          }
          var eta = row.querySelector('[data-field="eta"]');
          if (eta) {
            eta.textContent = replay.etaSeconds === null || replay.etaSeconds === undefined ? '' : replay.etaSeconds;
          }
        });
        if (finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
}());
