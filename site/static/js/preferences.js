/* The reader's text size (A-, A, A+) and high contrast, kept in localStorage (never a
   cookie: cached pages stay the same for everyone). Loaded in <head> without `defer`, so
   the saved choice applies before the first paint; the buttons are wired once the page
   is parsed. */
(function () {
    "use strict";

    var root = document.documentElement;
    var SIZES = ["small", "normal", "large"];

    function read(key) {
        try {
            return window.localStorage.getItem(key);
        } catch (error) {
            return null;  // storage disabled: the defaults apply
        }
    }

    function write(key, value) {
        try {
            window.localStorage.setItem(key, value);
        } catch (error) {
            /* storage disabled: the choice lasts for this page only */
        }
    }

    function apply(size, contrast) {
        root.setAttribute("data-font-size", SIZES.indexOf(size) >= 0 ? size : "normal");
        root.setAttribute("data-contrast", contrast === "high" ? "high" : "normal");
    }

    apply(read("portal.fontSize"), read("portal.contrast"));

    function sync(tools) {
        var size = root.getAttribute("data-font-size");
        var high = root.getAttribute("data-contrast") === "high";
        tools.querySelectorAll("[data-font-size]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(button.getAttribute("data-font-size") === size));
        });
        tools.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
            button.setAttribute("aria-pressed", String(high));
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-display-tools]").forEach(function (tools) {
            tools.hidden = false;
            sync(tools);
            tools.addEventListener("click", function (event) {
                var button = event.target.closest("button");
                if (!button) {
                    return;
                }
                var size = button.getAttribute("data-font-size");
                var contrast = root.getAttribute("data-contrast");
                if (size) {
                    write("portal.fontSize", size);
                } else {
                    contrast = contrast === "high" ? "normal" : "high";
                    write("portal.contrast", contrast);
                }
                apply(size || root.getAttribute("data-font-size"), contrast);
                sync(tools);
            });
        });
    });
})();
