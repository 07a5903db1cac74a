/* Small enhancements; every page works without them. */
(function () {
    "use strict";

    // Print buttons (includes/print_button.html) are hidden until this script can run them.
    document.querySelectorAll("[data-print-button]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });

    // The main menu is a <details> disclosure on phones; on wide screens it is a bar,
    // so keep it open there (and closed again when the screen becomes narrow).
    var disclosure = document.querySelector("[data-nav-disclosure]");
    if (disclosure && window.matchMedia) {
        var wide = window.matchMedia("(min-width: 60rem)");
        var sync = function () {
            disclosure.open = wide.matches;
        };
        sync();
        if (wide.addEventListener) {
            wide.addEventListener("change", sync);
        }
        // Escape closes the open menu on phones and returns focus to its toggle.
        disclosure.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && disclosure.open && !wide.matches) {
                disclosure.open = false;
                disclosure.querySelector("summary").focus();
            }
        });
    }
})();
