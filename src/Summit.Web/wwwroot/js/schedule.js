// Offers the visitor's own time zone on the schedule: the browser knows it, the server does not.
// Without script the zone picker still works; this only adds a one-click shortcut.
(function () {
    "use strict";
    var button = document.getElementById("use-my-zone");
    var select = document.getElementById("f-tz");
    if (!button || !select || !window.Intl) {
        return;
    }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === select.value) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
        if (!option) {
            option = new Option(zone, zone);
            select.add(option);
        }
        select.value = zone;
        select.form.submit();
    });
})();
