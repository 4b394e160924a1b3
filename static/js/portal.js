/*
 * Integration Portal: start Det Fælles Designsystem's components.
 *
 * Loaded with `defer` after dkfds.min.js and htmx.min.js. No inline JavaScript anywhere:
 * the Content-Security-Policy forbids it, so every behaviour lives in static files.
 */
(function () {
  "use strict";

  var DKFDS = window.DKFDS;

  // Components inside content that htmx swaps in. DKFDS.init() is for the whole page only:
  // it also sets up the header navigation, which must happen once.
  function initFragment(scope) {
    if (!DKFDS) {
      return;
    }
    var each = function (selector, Component) {
      if (!Component) {
        return;
      }
      var found = scope.querySelectorAll(selector);
      for (var i = 0; i < found.length; i++) {
        new Component(found[i]).init();
      }
    };
    each(".accordion, .accordion-bordered:not(.accordion)", DKFDS.Accordion);
    each(".alert.has-close", DKFDS.Alert);
    each(".form-limit", DKFDS.CharacterLimit);
    each(".js-checkbox-toggle-content", DKFDS.CheckboxToggleContent);
    each(".js-dropdown", DKFDS.Dropdown);
    each(".js-radio-toggle-group", DKFDS.RadioToggleGroup);
    each("div.tab-container", DKFDS.Tabs);
    each(".tooltip-wrapper", DKFDS.Tooltip);
    if (DKFDS.datePicker) {
      DKFDS.datePicker.on(scope);
    }
    var summary = scope.querySelector('[data-module="error-summary"]');
    if (summary && DKFDS.ErrorSummary) {
      new DKFDS.ErrorSummary(summary).init();
    }
  }

  function start() {
    if (DKFDS) {
      DKFDS.init();
    }
    if (window.htmx) {
      // htmx:load fires for every element htmx adds to the page (and once for <body>).
      document.body.addEventListener("htmx:load", function (event) {
        var target = event.detail && event.detail.elt;
        if (target && target !== document.body) {
          initFragment(target);
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
