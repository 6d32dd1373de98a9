/* Workshops: after a post with errors, move focus to the summary so that screen readers and
   keyboard users start there (the page works the same without this script). */
(function () {
    "use strict";
    var summary = document.getElementById("form-errors");
    if (summary) {
        summary.focus();
    }
})();
