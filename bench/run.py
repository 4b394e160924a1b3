"""The portal under load on the national dataset: pages, API lists and the background jobs.

    bench/run [--database-url postgres://postgres@127.0.0.1:5432/scale] [--municipality aarhus]
              [--users 10] [--duration 120] [--json var/bench/run.json]

Seed the database first with `bench/seed_scale.py` (about two minutes). The benchmark then

1. times every page in this process with the Django test client, once with and once without
   counting: the page's whole time, and the time its SQL alone takes (the queries' round trips
   to PostgreSQL), so the overhead of everything else is visible;
2. serves the portal with gunicorn on loopback (DEBUG off) and drives it with virtual users of
   the largest municipality — caseworkers, volunteers, a manager and an API client, each
   logged in through the login form or with an API token, with a think time between
   requests — and prints p50/p95 latency, throughput and errors per page;
3. runs the background jobs, each in a process of its own so its peak memory is its own:
   the morning reminder scan over every municipality's milestones, welcome letters (rendered
   and delivered, in the households' own languages) and the managers' PDF report.

Nothing is left behind: the jobs run in transactions that are rolled back, the API token made
for the run is deleted (the logins leave sessions, as people do). The figures are printed and
written as JSON; the exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from common import rolled_back
from load import Login, Request, UserKind, run_load, summarise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/scale"
PASSWORD = "scale-portal-2026"  # noqa: S105 (bench/seed_scale.py's demo default)

PAGE_P95_MS = 100
SQL_FACTOR = 3
REMINDER_SCAN_S, REMINDER_SCAN_MB = 60, 300
LETTER_S = 1
REPORT_S = 10

# Every process of the run (this one, gunicorn's workers, the jobs) sees the same settings:
# production's (DEBUG off), on loopback over plain HTTP.
SERVED_ENVIRONMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-not-for-any-real-installation",
    "SECURE_SSL_REDIRECT": "0",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "LOG_LEVEL": "WARNING",
}


def _environment(args: argparse.Namespace) -> dict[str, str]:
    return {**os.environ, **SERVED_ENVIRONMENT, "DATABASE_URL": args.database_url,
            "VAR_DIR": str(ROOT / "var" / "bench")}


def _setup(args: argparse.Namespace) -> None:
    os.environ.update(_environment(args))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_portal.settings")
    import django

    django.setup()


# --- What the virtual users ask for ---------------------------------------------------------

API_LISTS = ["notices", "households", "persons", "milestones", "volunteer-tasks",
             "housing-units", "placements", "measures"]


@dataclass
class Scenario:
    """The largest municipality's people and the pages they open."""
    municipality_id: int
    caseworkers: list[str]
    volunteers: list[str]
    managers: list[str]
    case_ids: list[int]
    open_case_ids: list[int]
    search_terms: list[str]
    api_token: str = ""
    api_token_id: int = 0

    def caseworker_request(self, rng: random.Random) -> Request:
        return rng.choice([
            lambda: Request("caseworker start page", "/cases/"),
            lambda: Request("case list with a search",
                            f"/cases/list/?q={rng.choice(self.search_terms)}"),
            lambda: Request("case page", f"/cases/{rng.choice(self.case_ids)}/"),
            lambda: Request("matching page",
                            f"/housing/cases/{rng.choice(self.open_case_ids)}/match/"),
        ])()

    def volunteer_request(self, rng: random.Random) -> Request:
        return Request("volunteer task board", "/volunteers/tasks/")

    def manager_request(self, rng: random.Random) -> Request:
        return Request("manager start page", "/manager/")

    def api_request(self, rng: random.Random) -> Request:
        name = rng.choice(API_LISTS)
        return Request(f"API {name}", f"/api/v1/{name}/")

    def user_kinds(self, users: int) -> list[tuple[UserKind, int]]:
        """`users` virtual users: half caseworkers, three in ten volunteers, a manager and an
        API client (10 gives 5, 3, 1 and 1)."""
        volunteers = max(1, round(users * 0.3))
        caseworkers = max(1, users - volunteers - 2)

        def logins(emails: list[str]) -> list[Login]:
            return [Login(email=email, password=PASSWORD) for email in emails]

        return [
            (UserKind("caseworker", logins(self.caseworkers), self.caseworker_request),
             caseworkers),
            (UserKind("volunteer", logins(self.volunteers), self.volunteer_request), volunteers),
            (UserKind("manager", logins(self.managers), self.manager_request), 1),
            (UserKind("api", [Login(token=self.api_token)], self.api_request), 1),
        ]


def scenario_for(slug: str) -> Scenario:
    from django.db.models import Count

    from integration_portal.accounts.models import Municipality, User
    from integration_portal.api.services import api_token_issue
    from reception.models import Household, HouseholdStatus, Person

    municipality = Municipality.objects.get(slug=slug)
    staff = User.objects.filter(municipality=municipality, is_active=True).order_by("pk")

    def emails(**role) -> list[str]:
        return list(staff.filter(**role).values_list("email", flat=True)[:10])

    volunteers = list(
        staff.filter(is_volunteer=True, volunteer_profile__status="active")
        .values_list("email", flat=True)[:10]
    ) or emails(is_volunteer=True)
    cases = Household.objects.filter(municipality=municipality)
    case_ids = list(cases.order_by("?").values_list("pk", flat=True)[:500])
    open_case_ids = list(
        cases.exclude(status=HouseholdStatus.CLOSED).annotate(members=Count("persons"))
        .filter(members__gt=0).order_by("?").values_list("pk", flat=True)[:200]
    )
    # What caseworkers type: a surname, or the start of one, of someone in the municipality.
    names = list(
        Person.objects.filter(household__municipality=municipality).order_by("?")
        .values_list("last_name", flat=True)[:40]
    )
    search_terms = sorted({name if n % 2 else name[:4] for n, name in enumerate(names)})
    manager = staff.filter(is_manager=True).first()
    api_user = staff.filter(is_caseworker=True).first()
    token, secret = api_token_issue(municipality=municipality, user=api_user,
                                    name="bench/run", actor=manager)
    return Scenario(
        municipality_id=municipality.pk, caseworkers=emails(is_caseworker=True),
        volunteers=volunteers, managers=emails(is_manager=True), case_ids=case_ids,
        open_case_ids=open_case_ids, search_terms=search_terms, api_token=secret,
        api_token_id=token.pk,
    )


# --- 1. Each page in this process: its whole time and its SQL's -----------------------------

@dataclass
class InProcess:
    name: str
    page_ms: float
    sql_ms: float
    queries: int


class SqlClock:
    """A connection.execute_wrapper that adds up the time spent in the database driver."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


def in_process(scenario: Scenario, *, runs: int) -> list[InProcess]:
    """Each page `runs` times (after one warm-up) as its user: median page and SQL time."""
    from django.db import connection
    from django.test import Client

    from integration_portal.accounts.models import User

    results = []
    rng = random.Random(7)
    for kind, _ in scenario.user_kinds(10):
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="da")
        login = kind.logins[0]
        if login.token:
            client.defaults["HTTP_AUTHORIZATION"] = f"Token {login.token}"
        else:
            client.force_login(User.objects.get(email=login.email))
        requests: dict[str, list[Request]] = {}
        for _ in range(200):
            request = kind.next_request(rng)
            requests.setdefault(request.name, []).append(request)
        for name, asked in requests.items():
            pages, sqls, counts = [], [], []
            for number, request in enumerate(asked[: runs + 1]):
                clock = SqlClock()
                started = time.perf_counter()
                with connection.execute_wrapper(clock):
                    response = client.get(request.path)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    raise RuntimeError(f"{request.path} answered {response.status_code}")
                if number:  # the first is the warm-up
                    pages.append(elapsed * 1000)
                    sqls.append(clock.seconds * 1000)
                    counts.append(clock.queries)
            results.append(InProcess(name, statistics.median(pages), statistics.median(sqls),
                                     max(counts)))
            print(f"  {name:<28} {results[-1].page_ms:7.1f} ms, SQL {results[-1].sql_ms:6.1f} ms"
                  f" in {results[-1].queries} queries", flush=True)
    return results


# --- 2. Served by gunicorn, under load ------------------------------------------------------

def collect_static(args: argparse.Namespace) -> None:
    """With DEBUG off, pages name the hashed static files of collectstatic's manifest."""
    print("Collecting static files for DEBUG off …", flush=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=_environment(args), check=True)


def serve(args: argparse.Namespace) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "integration_portal.wsgi:application", "--bind",
         f"127.0.0.1:{args.port}", "--workers", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=_environment(args),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=2):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn stopped before answering") from None
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within a minute")


# --- 3. The background jobs, each in its own process ----------------------------------------

def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss
    over from the parent through fork and exec, so a job would report bench/run's own."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # elsewhere: kB


def job_reminder_scan(args: argparse.Namespace) -> dict:
    """The morning scan as the worker runs it, each batch committed; the notifications it
    made are deleted afterwards (and no e-mail is enqueued), so the next run finds the same."""
    from django.db import connection

    from integration_portal.notifications import services as notifications
    from integration_portal.notifications.models import Notification
    from reception.models import Milestone
    from reception.reminders import reminder_scan

    milestones = Milestone.objects.count()
    if connection.vendor == "postgresql":  # as autovacuum leaves it, not as the last run did
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {Notification._meta.db_table}")
    last_before = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    notifications.notification_emails_enqueue = lambda: None
    before = _peak_mb()
    try:
        # The first morning, when nobody has been told of anything yet: the most work a scan
        # can have. Then the same morning again, as on any later day for the deadlines that
        # were already due: everything is found told, nothing new is made.
        started = time.perf_counter()
        result = reminder_scan(today=args.today)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = reminder_scan(today=args.today)
        seconds_again = time.perf_counter() - started
    finally:
        Notification.objects.filter(pk__gt=last_before).delete()
    return {"milestones": milestones, "candidates": result.milestones,
            "notifications": result.notifications_created, "seconds": seconds,
            "notifications_again": again.notifications_created, "seconds_again": seconds_again,
            "peak_mb": _peak_mb(), "peak_mb_before": before}


@contextlib.contextmanager
def _nothing_left_behind(prefix: str):
    """Files go to a temporary MEDIA_ROOT and rows into a transaction: both gone afterwards."""
    from django.conf import settings

    media = tempfile.mkdtemp(prefix=prefix)
    settings.MEDIA_ROOT = media
    try:
        with rolled_back(None):
            yield
    finally:
        shutil.rmtree(media, ignore_errors=True)


def job_welcome_letters(args: argparse.Namespace) -> dict:
    from reception.letters import welcome_letter_deliver
    from reception.models import Household, Letter

    households = list(
        Household.objects.filter(municipality__slug=args.municipality, arrival_date__isnull=False)
        .exclude(status="closed").order_by("-arrival_date").values_list("pk", flat=True)
        [: args.letters + 1]
    )
    times, languages = [], set()
    with _nothing_left_behind("bench-letters-"):
        Letter.objects.filter(household_id__in=households).delete()
        # The worker's first letter also loads WeasyPrint and the fonts; timed apart.
        started = time.perf_counter()
        welcome_letter_deliver(household_id=households.pop())
        first = time.perf_counter() - started
        for household_id in households:
            started = time.perf_counter()
            letter = welcome_letter_deliver(household_id=household_id)
            times.append(time.perf_counter() - started)
            if letter is not None:
                languages.update(letter.languages)
    return {"letters": len(times), "languages": sorted(languages), "first_s": first,
            "median_s": statistics.median(times), "max_s": max(times),
            "per_second": len(times) / sum(times), "peak_mb": _peak_mb()}


def job_manager_pdf(args: argparse.Namespace) -> dict:
    from integration_portal.accounts.models import Municipality, User
    from integration_portal.reports.registry import Period
    from integration_portal.reports.services import report_generate, report_request

    municipality = Municipality.objects.get(slug=args.municipality)
    manager = User.objects.filter(municipality=municipality, is_manager=True).first()
    period = Period(start=args.today.replace(month=1, day=1), end=args.today)
    with _nothing_left_behind("bench-report-"):
        report = report_request(municipality=municipality, period=period, language="da",
                                actor=manager)
        started = time.perf_counter()
        report_generate(report_id=report.pk)
        seconds = time.perf_counter() - started
        report.refresh_from_db()
        size = report.file.size
    return {"seconds": seconds, "kilobytes": round(size / 1024), "status": report.status,
            "peak_mb": _peak_mb()}


JOBS = {"reminder-scan": job_reminder_scan, "welcome-letters": job_welcome_letters,
        "manager-pdf": job_manager_pdf}


def run_job(args: argparse.Namespace, name: str) -> dict:
    command = [sys.executable, __file__, "--job", name, "--database-url", args.database_url,
               "--municipality", args.municipality, "--today", args.today.isoformat(),
               "--letters", str(args.letters)]
    done = subprocess.run(command, cwd=ROOT, env=_environment(args), capture_output=True,
                          text=True)
    if done.returncode:
        raise RuntimeError(f"job {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- The run --------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url",
                        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--municipality", default="aarhus",
                        help="its slug; the national dataset's largest is aarhus")
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--duration", type=float, default=120, help="seconds measured")
    parser.add_argument("--warm-up", type=float, default=15, help="seconds not measured")
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 1.5),
                        metavar=("MIN", "MAX"), help="seconds between a user's requests")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn's")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--runs", type=int, default=10, help="in-process runs per page")
    parser.add_argument("--letters", type=int, default=20)
    parser.add_argument("--today", type=datetime.date.fromisoformat,
                        default=datetime.date.today())
    parser.add_argument("--skip", nargs="*", default=[],
                        choices=["pages", "load", "jobs", *JOBS],
                        help="parts to leave out: the in-process timings, the load, all jobs "
                             "or one of them")
    parser.add_argument("--json", type=Path,
                        default=ROOT / "var" / "bench" / f"run-{time.strftime('%Y%m%d-%H%M%S')}"
                                                         ".json")
    parser.add_argument("--job", choices=sorted(JOBS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    _setup(args)
    if args.job:  # a child process of this script
        print(json.dumps(JOBS[args.job](args)))
        return 0

    from django.db import connection

    from integration_portal.api.models import ApiToken

    report: dict = {"started": datetime.datetime.now().isoformat(timespec="seconds"),
                    "machine": _machine(), "arguments": {
                        k: str(v) for k, v in vars(args).items() if k != "job"}}
    collect_static(args)
    scenario = scenario_for(args.municipality)
    try:
        if "pages" not in args.skip:
            print(f"Each page in this process ({args.runs} runs after a warm-up):", flush=True)
            report["in_process"] = [asdict(r) for r in in_process(scenario, runs=args.runs)]
        connection.close()
        if "load" not in args.skip:
            server = serve(args)
            try:
                print(f"Served by gunicorn ({args.workers} workers): {args.users} users for "
                      f"{args.warm_up:.0f} + {args.duration:.0f} s …", flush=True)
                samples = run_load(host="127.0.0.1", port=args.port,
                                   kinds=scenario.user_kinds(args.users), duration=args.duration,
                                   warm_up=args.warm_up, think=tuple(args.think))
            finally:
                server.terminate()
                server.wait(timeout=30)
            report["load"] = [asdict(f) for f in summarise(samples, duration=args.duration)]
    finally:
        ApiToken.objects.filter(pk=scenario.api_token_id).delete()
    if "jobs" not in args.skip:
        report["jobs"] = {}
        for name in (name for name in JOBS if name not in args.skip):
            print(f"Job: {name} …", flush=True)
            report["jobs"][name] = run_job(args, name)
    misses = print_report(report)
    report["misses"] = misses
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten to {args.json}")
    return 1 if misses else 0


def print_report(report: dict) -> list[str]:
    misses: list[str] = []
    sql = {r["name"]: r for r in report.get("in_process", [])}
    if report.get("load"):
        print(f"\n{'page':<28}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}"
              f"{'max ms':>8}{'req/s':>7} |{'page ms':>8}{'SQL ms':>8}{'queries':>8}{'/SQL':>6}")
        for row in report["load"]:
            own = sql.get(row["name"])
            line = (f"{row['name']:<28}{row['requests']:>9}{row['errors']:>7}"
                    f"{row['p50_ms']:>8.1f}{row['p95_ms']:>8.1f}{row['max_ms']:>8.1f}"
                    f"{row['per_second']:>7.1f} |")
            if own:
                factor = row["p50_ms"] / own["sql_ms"] if own["sql_ms"] else float("inf")
                line += (f"{own['page_ms']:>8.1f}{own['sql_ms']:>8.1f}{own['queries']:>8}"
                         f"{factor:>6.1f}")
                if factor > SQL_FACTOR:
                    misses.append(f"{row['name']}: p50 is {factor:.1f} times its SQL time")
            print(line)
            if row["name"] != "all" and (row["p95_ms"] > PAGE_P95_MS or row["errors"]):
                misses.append(f"{row['name']}: p95 {row['p95_ms']:.0f} ms, "
                              f"{row['errors']} errors")
    jobs = report.get("jobs", {})
    if scan := jobs.get("reminder-scan"):
        print(f"\nReminder scan: {scan['seconds']:.1f} s, peak {scan['peak_mb']:.0f} MB "
              f"({scan['peak_mb_before']:.0f} MB before), over {scan['milestones']:,} "
              f"milestones: {scan['candidates']:,} due or overdue, "
              f"{scan['notifications']:,} notifications; run again: {scan['seconds_again']:.1f} s, "
              f"{scan['notifications_again']:,} new")
        if scan["seconds"] > REMINDER_SCAN_S or scan["peak_mb"] > REMINDER_SCAN_MB:
            misses.append("reminder scan")
    if letters := jobs.get("welcome-letters"):
        print(f"Welcome letters: {letters['letters']} in {', '.join(letters['languages'])}: "
              f"median {letters['median_s']:.2f} s, worst {letters['max_s']:.2f} s, "
              f"{letters['per_second']:.1f} per second (a worker's first: "
              f"{letters['first_s']:.2f} s)")
        if letters["max_s"] > LETTER_S:
            misses.append("welcome letters")
    if pdf := jobs.get("manager-pdf"):
        print(f"Manager PDF report: {pdf['seconds']:.1f} s, {pdf['kilobytes']} KB, "
              f"peak {pdf['peak_mb']:.0f} MB")
        if pdf["seconds"] > REPORT_S:
            misses.append("manager PDF report")
    print("\nTargets: " + ("all met" if not misses else "missed: " + "; ".join(misses)))
    return misses


def _machine() -> dict:
    return {"cores": os.cpu_count(), "python": sys.version.split()[0],
            "platform": sys.platform}


if __name__ == "__main__":
    sys.exit(main())
