// The header's text-size control (标准 / 大 / 特大). The size itself is applied before first paint by
// the inline script in BaseLayout's <head>; this file shows the control (it stays hidden without
// JavaScript, where browser zoom does the same), marks the current size and remembers a choice.
(function () {
  var key = 'dudao-text-size';
  var control = document.getElementById('text-size');
  if (!control) return;
  var buttons = control.querySelectorAll('button[data-size]');

  function mark(size) {
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-size') === size));
    }
  }

  function apply(size) {
    if (size === 'standard') delete document.documentElement.dataset.textSize;
    else document.documentElement.dataset.textSize = size;
    try {
      localStorage.setItem(key, size);
    } catch (error) {
      // Storage blocked: the size still applies to this page.
    }
    mark(size);
  }

  mark(document.documentElement.dataset.textSize || 'standard');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function (event) {
      apply(event.currentTarget.getAttribute('data-size'));
    });
  }
  control.hidden = false;
})();
