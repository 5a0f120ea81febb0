// Register the service worker (offline copies of the self-check, frameworks and handbooks) and,
// when a new build has been deployed, say 有新版本 and reload only when the reader asks: an open
// self-check draft never changes under the reader's hands.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var script = document.currentScript;
  var workerUrl = new URL('sw.js', script ? script.src : location.href);
  var notice = document.getElementById('update-notice');
  var reloading = false;

  function offer(worker) {
    if (!notice || !navigator.serviceWorker.controller) return;
    notice.hidden = false;
    var button = notice.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      reloading = true;
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  }

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (reloading) location.reload();
  });

  window.addEventListener('load', function () {
    navigator.serviceWorker
      .register(workerUrl.href, { scope: new URL('./', workerUrl).pathname })
      .then(function (registration) {
        if (registration.waiting) offer(registration.waiting);
        registration.addEventListener('updatefound', function () {
          var installing = registration.installing;
          if (!installing) return;
          installing.addEventListener('statechange', function () {
            if (installing.state === 'installed') offer(installing);
          });
        });
      })
      .catch(function () {
        // No offline copy (private mode, blocked storage): the site works online as before.
      });
  });
})();
