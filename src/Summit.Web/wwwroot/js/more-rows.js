// "Add another": a form shows the rows in use and one blank one; the spare rows are in the page, hidden, and each
// press of the button shows the next and puts the cursor in it. Without script the spare rows stay hidden, and a
// saved row brings a new blank one on the next visit.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button[data-add-row]').forEach(function (button) {
      var group = button.closest('fieldset');
      if (!group) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        var next = group.querySelector('.position-row[hidden]');
        if (!next) {
          return;
        }
        next.hidden = false;
        var first = next.querySelector('input, select, textarea');
        if (first) {
          first.focus();
        }
        if (!group.querySelector('.position-row[hidden]')) {
          button.hidden = true;
        }
      });
    });
  });
})();
