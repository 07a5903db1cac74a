/*
 * wagtail-localize's translation editor writes two strings in English whatever the
 * admin's language: its section heading ("Tiếng Việt to Tiếng Anh translation", built from
 * the two language names) and its menu button's screen-reader label ("More actions").
 * This translates them with the admin's JavaScript catalogue as the editor renders them.
 */
(function () {
  'use strict';

  var HEADING = /^(.+) to (.+) translation$/;

  // Writing textContent is itself a mutation: write only a different text, or an untranslated
  // string (an English admin) would wake the observer below forever.
  function setText(node, text) {
    if (node.textContent !== text) {
      node.textContent = text;
    }
  }

  function translate(root) {
    if (typeof window.gettext !== 'function') {
      return;
    }
    root.querySelectorAll('section h3').forEach(function (heading) {
      var match = HEADING.exec(heading.textContent);
      if (match) {
        setText(
          heading,
          window.interpolate(
            window.gettext('%(source)s to %(target)s translation'),
            { source: match[1], target: match[2] },
            true,
          ),
        );
      }
    });
    root.querySelectorAll('.w-sr-only').forEach(function (label) {
      if (label.textContent === 'More actions') {
        setText(label, window.gettext('More actions'));
      }
    });
  }

  function watch() {
    var editor = document.querySelector('.js-translation-editor');
    if (!editor) {
      return;
    }
    translate(editor);
    new MutationObserver(function () {
      translate(editor);
    }).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watch);
  } else {
    watch();
  }
})();
