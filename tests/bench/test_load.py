"""bench/load.py: the threaded load generator `bench/run` drives the portal with."""

from __future__ import annotations

import math
import random
import sys
import threading
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load

LOGIN_FORM = (
    b'<html><body><form method="post">'
    b'<input type="hidden" name="csrfmiddlewaretoken" value="tok123">'
    b'<input name="login"><input name="password" type="password">'
    b"</form></body></html>"
)
EMAIL = "ann@example.dk"
PASSWORD = "right-password"
TOKEN = "t0k"


class PortalStub(BaseHTTPRequestHandler):
    """Just enough of the portal: a login form with a CSRF token, a session cookie, a page
    behind the login, an API behind a token, and a broken page."""

    seen: Counter[str]
    seen_lock: threading.Lock

    def log_message(self, format, *args):
        pass

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def count(self) -> None:
        with self.seen_lock:
            self.seen[f"{self.command} {self.path}"] += 1

    def do_GET(self):
        self.count()
        if self.path == "/accounts/login/":
            self.answer(200, LOGIN_FORM)
        elif self.path == "/page/":
            if "sessionid=abc" in (self.headers.get("Cookie") or ""):
                self.answer(200, b"the page")
            else:
                self.answer(302, headers={"Location": "/accounts/login/"})
        elif self.path == "/api/":
            if self.headers.get("Authorization") == f"Token {TOKEN}":
                self.answer(200, b"{}")
            else:
                self.answer(401)
        elif self.path == "/broken/":
            self.answer(500, b"oops")
        else:
            self.answer(404)

    def do_POST(self):
        self.count()
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if (self.path == "/accounts/login/"
                and form.get("csrfmiddlewaretoken") == ["tok123"]
                and form.get("login") == [EMAIL]
                and form.get("password") == [PASSWORD]):
            self.answer(302, headers={"Location": "/",
                                      "Set-Cookie": "sessionid=abc; Path=/; HttpOnly"})
        else:
            self.answer(200, LOGIN_FORM)


@pytest.fixture
def portal():
    handler = type("Handler", (PortalStub,), {"seen": Counter(), "seen_lock": threading.Lock()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield server, handler.seen
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def page_or_broken(rng: random.Random) -> load.Request:
    if rng.random() < 0.5:
        return load.Request("page", "/page/")
    return load.Request("broken", "/broken/")


def api(rng: random.Random) -> load.Request:
    return load.Request("api", "/api/")


# percentile


@pytest.mark.parametrize(("values", "share", "expected"), [
    (list(range(1, 21)), 0.50, 10),
    (list(range(1, 21)), 0.95, 19),
    (list(range(1, 101)), 0.95, 95),
    (list(range(1, 101)), 0.50, 50),
    (list(range(1, 101)), 0.55, 55),  # 100 * 0.55 is 55.00000000000001 in floats
    (list(range(1, 101)), 1.0, 100),
    ([7.5], 0.50, 7.5),
    ([7.5], 0.95, 7.5),
    ([3, 1, 2], 0.0, 1),
])
def test_percentile_is_the_nearest_rank(values, share, expected):
    # given a list of values
    # when its percentile is taken
    result = load.percentile(values, share)

    # then it is the smallest value with at least `share` of the values at or below it
    assert result == expected


def test_percentile_does_not_depend_on_the_order_of_the_values():
    # given 1..20 shuffled
    values = list(range(1, 21))
    random.Random(3).shuffle(values)

    # when / then the percentiles are those of the sorted list
    assert load.percentile(values, 0.50) == 10
    assert load.percentile(values, 0.95) == 19
    assert values != sorted(values)  # and the caller's list is left as it was


def test_percentile_of_no_values_is_nan():
    # given / when
    result = load.percentile([], 0.95)

    # then
    assert math.isnan(result)


# summarise


def test_summarise_gives_each_page_in_the_order_first_seen_then_all():
    # given samples listed out of time order: "b" was asked for first
    samples = [
        load.Sample("a", started=0.4, seconds=0.010, status=200),
        load.Sample("b", started=0.1, seconds=0.020, status=200),
        load.Sample("c", started=0.9, seconds=0.030, status=200),
        load.Sample("a", started=0.2, seconds=0.040, status=200),
    ]

    # when
    figures = load.summarise(samples, duration=2.0)

    # then
    assert [f.name for f in figures] == ["b", "a", "c", "all"]
    assert [f.requests for f in figures] == [1, 2, 1, 4]


def test_summarise_counts_every_status_but_200_as_an_error_failed_connections_too():
    # given one success, a redirect, a server error and a failed connection (status 0)
    samples = [
        load.Sample("p", started=0.1, seconds=0.01, status=200),
        load.Sample("p", started=0.2, seconds=0.01, status=302),
        load.Sample("p", started=0.3, seconds=0.01, status=500),
        load.Sample("q", started=0.4, seconds=0.01, status=0),
        load.Sample("q", started=0.5, seconds=0.01, status=200),
    ]

    # when
    figures = {f.name: f for f in load.summarise(samples, duration=1.0)}

    # then
    assert figures["p"].errors == 2
    assert figures["q"].errors == 1
    assert figures["all"].errors == 3


def test_summarise_gives_requests_per_second_and_times_in_milliseconds():
    # given 20 requests to one page taking 1..20 ms, over 4 seconds
    samples = [load.Sample("p", started=i / 10, seconds=i / 1000, status=200)
               for i in range(1, 21)]

    # when
    page, whole = load.summarise(samples, duration=4.0)

    # then
    assert page.name == "p"
    assert whole.name == "all"
    for figures in (page, whole):
        assert figures.requests == 20
        assert figures.errors == 0
        assert figures.per_second == pytest.approx(5.0)
        assert figures.p50_ms == pytest.approx(10)
        assert figures.p95_ms == pytest.approx(19)
        assert figures.max_ms == pytest.approx(20)


def test_summarise_of_no_samples_is_an_empty_all():
    # given / when
    figures = load.summarise([], duration=1.0)

    # then
    assert len(figures) == 1
    assert figures[0].name == "all"
    assert figures[0].requests == 0
    assert figures[0].per_second == 0
    assert math.isnan(figures[0].p95_ms)
    assert math.isnan(figures[0].max_ms)


# run_load, against a real HTTP server


def test_run_load_logs_in_asks_for_pages_and_measures_after_the_warm_up(portal):
    # given a logged-in kind asking for /page/ and /broken/, and an API kind asking for /api/
    server, seen = portal
    host, port = server.server_address[:2]
    staff = load.UserKind("staff", [load.Login(email=EMAIL, password=PASSWORD)], page_or_broken)
    client = load.UserKind("api", [load.Login(token=TOKEN)], api)
    duration = 1.5

    # when
    samples = load.run_load(host=host, port=port, kinds=[(staff, 2), (client, 1)],
                            duration=duration, warm_up=0.3, think=(0.01, 0.03))

    # then every page was measured, with the status the server gives it
    by_name: dict[str, list[int]] = {}
    for sample in samples:
        by_name.setdefault(sample.name, []).append(sample.status)
    assert set(by_name) == {"page", "broken", "api"}
    assert set(by_name["page"]) == {200}
    assert set(by_name["api"]) == {200}
    assert set(by_name["broken"]) == {500}

    # and each staff user logged in once, through the form
    assert seen["GET /accounts/login/"] == 2
    assert seen["POST /accounts/login/"] == 2

    # and only the measured window is in the samples: the warm-up's requests are not
    assert all(0 <= s.started < duration for s in samples)
    assert all(s.seconds >= 0 for s in samples)
    asked = seen["GET /page/"] + seen["GET /broken/"] + seen["GET /api/"]
    assert len(samples) < asked

    # and summarise counts the broken page's answers, and only those, as errors
    figures = {f.name: f for f in load.summarise(samples, duration=duration)}
    assert figures["broken"].errors == figures["broken"].requests == len(by_name["broken"])
    assert figures["page"].errors == 0
    assert figures["api"].errors == 0
    assert figures["all"].errors == len(by_name["broken"])
    assert figures["all"].requests == len(samples)


def test_run_load_raises_login_failed_on_a_wrong_password(portal):
    # given a kind whose password is wrong
    server, seen = portal
    host, port = server.server_address[:2]
    wrong = load.UserKind("staff", [load.Login(email=EMAIL, password="wrong")], page_or_broken)

    # when / then
    with pytest.raises(load.LoginFailed, match=EMAIL):
        load.run_load(host=host, port=port, kinds=[(wrong, 1)], duration=0.5, warm_up=0.1,
                      think=(0.01, 0.03))
    assert seen["POST /accounts/login/"] == 1
    assert seen["GET /page/"] + seen["GET /broken/"] == 0
