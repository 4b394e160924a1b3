"""A small closed-loop load generator for `bench/run`: virtual users on threads, each logged in
through the portal's own login form (or holding an API token), asking for its role's pages
with a think time between requests, as people do.

It needs nothing beyond the standard library, so the machine's two cores go to the portal and
PostgreSQL rather than to the load generator. Every request opens its own connection (gunicorn's
sync workers close each one). A response other than 200, or a failed connection, is an error.
"""

from __future__ import annotations

import http.client
import math
import random
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Request:
    name: str  # the page, as the results name it ("case page")
    path: str


@dataclass
class Sample:
    name: str
    started: float  # seconds since the measurement began
    seconds: float
    status: int  # 0 when the connection failed


@dataclass
class Login:
    email: str = ""
    password: str = ""
    token: str = ""  # an API client: no login, an Authorization header


class LoginFailed(RuntimeError):
    pass


@dataclass
class Session:
    host: str
    port: int
    timeout: float = 30.0
    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: str | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            sent = {"Accept-Language": "da", **self.headers, **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, dict(response.headers), content
        finally:
            connection.close()

    def log_in(self, login: Login) -> None:
        if login.token:
            self.headers["Authorization"] = f"Token {login.token}"
            return
        status, _, content = self.request("GET", "/accounts/login/")
        found = CSRF_INPUT.search(content.decode())
        if status != 200 or not found:
            raise LoginFailed(f"{login.email}: the login form answered {status}")
        body = urllib.parse.urlencode({
            "csrfmiddlewaretoken": found.group(1), "login": login.email,
            "password": login.password,
        })
        status, headers, _ = self.request("POST", "/accounts/login/", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{self.host}:{self.port}/accounts/login/",
        })
        if status != 302 or "sessionid" not in self.cookies:
            raise LoginFailed(f"{login.email}: logging in answered {status}, "
                              f"to {headers.get('Location', '')!r}")


@dataclass(frozen=True)
class UserKind:
    """A kind of virtual user: who logs in, and which request it makes next."""
    role: str
    logins: list[Login]
    next_request: Callable[[random.Random], Request]


def run_load(*, host: str, port: int, kinds: list[tuple[UserKind, int]], duration: float,
             warm_up: float, think: tuple[float, float], seed: int = 2026) -> list[Sample]:
    """Run `count` users of each kind for `warm_up` + `duration` seconds; return the samples
    of the measured `duration` only."""
    samples: list[Sample] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    begin = time.perf_counter() + warm_up
    end = begin + duration

    def user(kind: UserKind, login: Login, rng: random.Random) -> None:
        try:
            session = Session(host, port)
            session.log_in(login)
            while (now := time.perf_counter()) < end:
                request = kind.next_request(rng)
                started = time.perf_counter()
                try:
                    status, _, _ = session.request("GET", request.path)
                except OSError:
                    status = 0
                finished = time.perf_counter()
                if started >= begin:
                    with lock:
                        samples.append(Sample(request.name, started - begin,
                                              finished - started, status))
                pause = rng.uniform(*think)
                time.sleep(max(0.0, min(pause, end - now)))
        except BaseException as error:  # reported by the caller, not swallowed in a thread
            errors.append(error)

    threads = []
    number = 0
    for kind, count in kinds:
        for index in range(count):
            login = kind.logins[index % len(kind.logins)]
            rng = random.Random(seed + number)
            threads.append(threading.Thread(target=user, args=(kind, login, rng), daemon=True))
            number += 1
    for thread in threads:
        thread.start()
        time.sleep(0.05)  # stagger the logins a little
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return samples


@dataclass(frozen=True)
class Figures:
    name: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    per_second: float


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of the values at
    or below it."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(round(len(ordered) * share, 9)))  # 20 * 0.95 is 19, not 19.000…1
    return ordered[rank - 1]


def summarise(samples: list[Sample], *, duration: float) -> list[Figures]:
    """Figures per page, in the order pages were first seen, then the whole run ("all")."""
    by_name: dict[str, list[Sample]] = {}
    for sample in sorted(samples, key=lambda s: s.started):
        by_name.setdefault(sample.name, []).append(sample)
    groups = [*by_name.items(), ("all", samples)]
    return [
        Figures(
            name=name, requests=len(group),
            errors=sum(1 for s in group if s.status != 200),
            p50_ms=percentile([s.seconds * 1000 for s in group], 0.50),
            p95_ms=percentile([s.seconds * 1000 for s in group], 0.95),
            max_ms=max((s.seconds * 1000 for s in group), default=float("nan")),
            per_second=len(group) / duration,
        )
        for name, group in groups
    ]
