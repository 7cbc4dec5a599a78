// The signed-in visitor's own state on a page shared by everyone signed in (decision 0020): the page comes from the
// cache, the same for all; this script asks /my/state.json once and adds what is the person's own: the stars of the
// sessions in their agenda, the menu entries their roles open, and a token so that stars and sign-out post at once.
// Without script every one of these still works: a star opens a page that asks, "Sign out" opens its own page.
(function () {
    "use strict";
    if (!window.fetch || !window.URLSearchParams) {
        return;
    }

    function show(form, starred) {
        var button = form.querySelector("button");
        var label = starred ? button.getAttribute("data-remove") : button.getAttribute("data-add");
        button.setAttribute("aria-pressed", starred ? "true" : "false");
        if (button.classList.contains("star")) {
            button.classList.toggle("on", starred);
            button.setAttribute("aria-label", label);
            button.textContent = starred ? "\u2605" : "\u2606";
        } else {
            button.textContent = label;
        }
        form.setAttribute("data-starred", starred ? "true" : "false");
    }

    function post(action, fields, token) {
        var body = new URLSearchParams(fields);
        body.append("__RequestVerificationToken", token);
        return fetch(action, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Accept": "application/json", "RequestVerificationToken": token },
            body: body
        });
    }

    function apply(state) {
        var starred = {};
        state.starred.forEach(function (id) { starred[id] = true; });
        Array.prototype.forEach.call(document.querySelectorAll("form[data-star]"), function (form) {
            var id = form.getAttribute("data-star");
            show(form, starred[id] === true);
            form.addEventListener("submit", function (event) {
                event.preventDefault();
                var on = form.getAttribute("data-starred") === "true";
                post("/my/agenda?handler=" + (on ? "unstar" : "star"), { sessionId: id }, state.token)
                    .then(function (answer) { return answer.json().then(function (json) { return { ok: answer.ok, json: json }; }); })
                    .then(function (result) {
                        show(form, result.json.starred === true);
                        if (!result.ok && result.json.message) {
                            window.alert(result.json.message);
                        }
                    })
                    .catch(function () { form.submit(); });
            });
        });

        var account = document.getElementById("nav-account");
        if (account) {
            state.links.forEach(function (link) {
                var item = document.createElement("li");
                var anchor = document.createElement("a");
                anchor.href = link.href;
                anchor.textContent = link.label;
                item.appendChild(anchor);
                account.parentNode.insertBefore(item, account);
            });
        }

        var signOut = document.getElementById("nav-sign-out");
        if (signOut) {
            signOut.addEventListener("click", function (event) {
                event.preventDefault();
                var form = document.createElement("form");
                form.method = "post";
                form.action = "/account/logout";
                var token = document.createElement("input");
                token.type = "hidden";
                token.name = "__RequestVerificationToken";
                token.value = state.token;
                form.appendChild(token);
                document.body.appendChild(form);
                form.submit();
            });
        }
    }

    fetch("/my/state.json", { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (state) {
            if (state) {
                apply(state);
            }
        })
        .catch(function () { /* the page works without it */ });
})();
