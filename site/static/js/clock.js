/* The header's live clock and date line, in Vietnam's time (Asia/Ho_Chi_Minh).
   The server renders both; this script only keeps them current. The clock has no
   aria-live: screen readers read it when they reach it, not every second. */
(function () {
    "use strict";

    var TIME_ZONE = "Asia/Ho_Chi_Minh";
    var clocks = document.querySelectorAll("[data-clock]");
    var dateLines = document.querySelectorAll("[data-date-line]");
    if (!clocks.length && !dateLines.length) {
        return;
    }

    var formatter;
    try {
        formatter = new Intl.DateTimeFormat("en-GB", {
            timeZone: TIME_ZONE,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
            hourCycle: "h23"
        });
    } catch (error) {
        return; // No time zone support: keep the server's rendering.
    }

    var VI_WEEKDAYS = ["Chủ nhật", "Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7"];
    var language = (document.documentElement.lang || "vi").slice(0, 2).toLowerCase();

    function nowParts() {
        var parts = {};
        formatter.formatToParts(new Date()).forEach(function (part) {
            parts[part.type] = part.value;
        });
        if (parts.hour === "24") {
            parts.hour = "00";
        }
        return parts;
    }

    function dateLineText(year, month, day) {
        var date = new Date(Date.UTC(year, month - 1, day));
        if (language === "en") {
            var names = new Intl.DateTimeFormat("en-GB", {
                timeZone: "UTC", weekday: "long", month: "long"
            }).formatToParts(date);
            var weekday = "", monthName = "";
            names.forEach(function (part) {
                if (part.type === "weekday") { weekday = part.value; }
                if (part.type === "month") { monthName = part.value; }
            });
            return weekday + ", " + day + " " + monthName + " " + year;
        }
        return VI_WEEKDAYS[date.getUTCDay()] + ", ngày " + day + " tháng " + month + " năm " + year;
    }

    function setText(root, selector, value) {
        var element = root.querySelector(selector);
        if (element && element.textContent !== value) {
            element.textContent = value;
        }
    }

    function tick() {
        var p = nowParts();
        var isoTime = p.hour + ":" + p.minute + ":" + p.second;
        clocks.forEach(function (clock) {
            setText(clock, "[data-clock-hours]", p.hour);
            setText(clock, "[data-clock-minutes]", p.minute);
            setText(clock, "[data-clock-seconds]", p.second);
            clock.setAttribute("datetime", isoTime);
        });
        var isoDate = p.year + "-" + p.month + "-" + p.day;
        dateLines.forEach(function (line) {
            if (line.getAttribute("datetime") !== isoDate) {
                line.setAttribute("datetime", isoDate);
                line.textContent = dateLineText(+p.year, +p.month, +p.day);
            }
        });
        // Tick just after the next full second.
        window.setTimeout(tick, 1010 - (Date.now() % 1000));
    }

    tick();
})();
