// Drag and drop for the schedule editor. It only fills in and submits the same form the "Move" page has, so the
// server's rules decide; without script, or from the keyboard, the "Move" link does the same.
(function () {
    "use strict";
    var grid = document.querySelector(".editor-grid");
    var template = document.getElementById("drop-form");
    if (!grid || !template) {
        return;
    }
    var edition = grid.getAttribute("data-edition");
    var day = grid.getAttribute("data-day");
    var dragged = null;

    document.querySelectorAll(".editor-card[draggable='true']").forEach(function (card) {
        card.addEventListener("dragstart", function (e) {
            dragged = card;
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", card.getAttribute("data-session"));
        });
    });

    function addMinutes(hhmm, minutes) {
        var parts = hhmm.split(":");
        var total = Math.min(parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10) + minutes, 23 * 60 + 59);
        var h = Math.floor(total / 60), m = total % 60;
        return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
    }

    grid.querySelectorAll("td.slot").forEach(function (cell) {
        cell.addEventListener("dragover", function (e) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            cell.classList.add("drop-target");
        });
        cell.addEventListener("dragleave", function () {
            cell.classList.remove("drop-target");
        });
        cell.addEventListener("drop", function (e) {
            e.preventDefault();
            if (!dragged) {
                return;
            }
            var start = cell.getAttribute("data-start");
            var minutes = parseInt(dragged.getAttribute("data-minutes"), 10) || 60;
            var form = document.importNode(template.content.querySelector("form"), true);
            form.hidden = true;
            document.body.appendChild(form);
            form.action = "/admin/programme/" + edition + "/sessions/" + dragged.getAttribute("data-session") + "/place";
            form.elements["Input.RoomId"].value = cell.getAttribute("data-room");
            form.elements["Input.Day"].value = day;
            form.elements["Input.Start"].value = start;
            form.elements["Input.End"].value = addMinutes(start, minutes);
            form.submit();
        });
    });
})();
