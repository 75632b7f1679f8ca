// Lets the autosave show a conflict (409) or a refusal (400) in place of the "Saved" line, instead of dropping it:
// by default htmx swaps only successful responses.
(function () {
  'use strict';
  function configure() {
    if (typeof htmx === 'undefined') {
      return;
    }
    htmx.config.responseHandling = [
      { code: '204', swap: false },
      { code: '[23]..', swap: true },
      { code: '409', swap: true, error: false },
      { code: '400', swap: true, error: false },
      { code: '[45]..', swap: false, error: true }
    ];
  }
  // Every form on the page posts the version it was made on; after an autosave they all carry the new one.
  document.addEventListener('htmx:afterSettle', function () {
    var current = document.getElementById('version');
    if (current) {
      document.querySelectorAll('input.application-version').forEach(function (input) {
        input.value = current.value;
      });
    }
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', configure);
  } else {
    configure();
  }
})();
