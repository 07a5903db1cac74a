/* Visitor statistics: reports this page view (a beacon the page's own cache never answers)
   and shows the figures it returns. Without JavaScript a <noscript> pixel counts the view. */
(function () {
    "use strict";

    var box = document.querySelector("[data-visits-beacon]");
    if (!box || !window.fetch) {
        return;
    }
    var language = (document.documentElement.lang || "vi").slice(0, 2).toLowerCase();
    var format = function (value) {
        return value.toLocaleString(language === "en" ? "en-GB" : "vi-VN");
    };

    function show(figures) {
        ["online", "today", "this_week", "total"].forEach(function (name) {
            var element = box.querySelector('[data-visits-figure="' + name + '"]');
            if (element && typeof figures[name] === "number") {
                element.textContent = format(figures[name]);
            }
        });
        if (typeof figures.page_views === "number") {
            document.querySelectorAll("[data-visits-page-views]").forEach(function (element) {
                element.textContent = format(figures.page_views);
            });
        }
    }

    function send() {
        var body = new URLSearchParams();
        var page = box.getAttribute("data-visits-page");
        if (page) {
            body.append("page", page);
        }
        fetch(box.getAttribute("data-visits-beacon"), {
            method: "POST",
            body: body,
            credentials: "omit",
            cache: "no-store",
            keepalive: true
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (figures) {
            if (figures) {
                show(figures);
            }
        }).catch(function () {
            /* The figures rendered with the page stay. */
        });
    }

    // A page prerendered by the browser counts only when the reader actually opens it.
    if (document.prerendering) {
        document.addEventListener("prerenderingchange", send, { once: true });
    } else {
        send();
    }
})();
