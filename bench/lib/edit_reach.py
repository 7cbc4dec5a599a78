#!/usr/bin/env python3
"""How soon a speaker's edit made on one web node shows on another node's cached session page.

Signs in as the demo organizer on node A, then N times: caches the session page on node B (anonymous, twice),
re-posts the speaker's edit form on A with a new Latin given name, and polls B every 10 ms until the new name is
there. Prints the p50 / p95 / max in milliseconds. Standard library only.
Usage: edit_reach.py BASE_A BASE_B [N]
"""
import html.parser
import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request

base_a, base_b = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20


class Forms(html.parser.HTMLParser):
    """Every post form's fields, as a browser would post them (checked boxes, selected options, textareas)."""

    def __init__(self):
        super().__init__()
        self.forms, self.current, self.textarea, self.select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method", "").lower() == "post":
            self.current = []
            self.forms.append(self.current)
        if self.current is None:
            return
        if tag == "input" and "name" in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file", "reset"):
                self.current.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and "name" in a:
            self.textarea = [a["name"], ""]
        elif tag == "select" and "name" in a:
            self.select = [a["name"], None, False]
        elif tag == "option" and self.select is not None and not self.select[2]:
            self.select[1] = a.get("value", "")
            self.select[2] = "selected" in a

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if tag == "textarea" and self.textarea is not None:
            self.current.append((self.textarea[0], self.textarea[1]))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.current.append((self.select[0], self.select[1] or ""))
            self.select = None
        elif tag == "form":
            self.current = None

    def with_field(self, name):
        return next(f for f in self.forms if any(k == name for k, _ in f))


# The nodes run in Production, where every cookie is Secure; the bench talks plain HTTP to 127.0.0.1.
jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http")))
organizer = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
anonymous = urllib.request.build_opener()


def get(opener, url):
    with opener.open(url) as r:
        return r.read().decode()


def post(opener, url, fields):
    with opener.open(url, urllib.parse.urlencode(fields).encode()) as r:
        return r.status


token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', get(organizer, base_a + "/account/login")).group(1)
post(organizer, base_a + "/account/login", {"Input.Email": "organizer@summit.example", "Input.Password": "summit-demo-2021", "__RequestVerificationToken": token})
profile = get(anonymous, base_a + "/speakers/zeng-gang")
session = re.search(r'href="(/2021/sessions/\d+)"', profile).group(1)
speaker_id = re.search(r'href="/admin/speakers/edit/(\d+)"', get(organizer, base_a + "/admin/speakers?q=zeng")).group(1)

times = []
for n in range(rounds):
    for _ in range(2):
        get(anonymous, base_b + session)
    edit = base_a + f"/admin/speakers/edit/{speaker_id}"
    forms = Forms()
    forms.feed(get(organizer, edit))
    name = f"Gang{n}x"
    fields = [(k, name if k == "Input.GivenNameLatin" else v) for k, v in forms.with_field("Input.GivenNameLatin")]
    post(organizer, edit, fields)
    start = time.monotonic()
    while name not in get(anonymous, base_b + session):
        if time.monotonic() - start > 30:
            sys.exit(f"round {n}: the new name did not reach node B within 30 s")
        time.sleep(0.01)
    times.append((time.monotonic() - start) * 1000)

times.sort()
pick = lambda q: times[min(len(times) - 1, max(0, int(len(times) * q + 0.999) - 1))]
print(f"edit on node A seen on node B's cached session page, {rounds} edits: p50 {pick(0.5):.0f} ms, p95 {pick(0.95):.0f} ms, max {times[-1]:.0f} ms")
