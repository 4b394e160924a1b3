"""Who may open each URL of the portal, the API and Django admin: one row per URL.

tests/security/test_access_matrix.py requests every URL the project serves as each user of
tests/security/world.py (the four roles of municipality A, a caseworker and a manager of
municipality B, an administrator, and an anonymous visitor) and compares each answer with the
row's. A URL without a row, and a row without a URL, fail the suite: **adding a page is adding
a row here**, e.g.

    "reception:person_cpr": portal(CASE_WORKERS, objs(pk="household", person_pk="person"),
                                   post=True),

A row says who may (a set of roles), which objects of municipality A the URL's arguments name,
and whether the view answers only POST (it is then sent an empty POST, inside a transaction
that is rolled back). What each user must get follows from the site's conventions:

- portal pages: anonymous -> login; a role not allowed -> 403, a volunteer 404 (behind the
  privacy wall a volunteer is not even told that a page exists; `permission_required`);
- the API: anonymous -> 401; a role not allowed -> 403 (tests/api/matrix.py has every cell);
- Django admin: everyone but an administrator -> the admin's login page;
- an allowed user of municipality B, on a URL that names an object of A -> 404, never 403:
  another municipality's row does not exist (`get_visible_or_404`).

`exceptions` overrides single cells where a view answers otherwise on purpose; say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tests.security.world import (
    CALENDAR_TOKEN,
    INVITATION_TOKEN,
    OTHER_MUNICIPALITY,
    SURVEY_TOKEN,  # surveys
    World,
)


class Answer(StrEnum):
    OK = "ok"                  # 200, a file, a redirect elsewhere than a login page, or a
                               # 400 to an empty POST: the view let the user in
    LOGIN = "login"            # a redirect to the (portal's or admin's) login page
    UNAUTHORIZED = "401"
    FORBIDDEN = "403"
    NOT_FOUND = "404"


class Site(StrEnum):
    PORTAL = "portal"
    API = "api"
    ADMIN = "admin"


# The role each user of the world holds; the administrator holds none in the portal.
ROLE_OF = {"caseworker": "caseworker", "coordinator": "coordinator", "manager": "manager",
           "volunteer": "volunteer", "other_caseworker": "caseworker",
           "other_manager": "manager", "admin": "admin"}

STAFF = frozenset({"caseworker", "coordinator", "manager"})         # Perm.VIEW_CASES
CASE_WORKERS = frozenset({"caseworker", "coordinator"})              # Perm.WORK_ON_CASES
COORDINATORS = frozenset({"coordinator"})                            # COORDINATE_VOLUNTEERS
MANAGERS = frozenset({"manager"})                                    # VIEW_REPORTS, MANAGE_…
VOLUNTEERS = frozenset({"volunteer"})                                # Perm.VOLUNTEER_TASKS
ROLE_HOLDERS = STAFF | VOLUNTEERS                                    # any portal role
LOGGED_IN = ROLE_HOLDERS | {"admin"}                                 # any account
PUBLIC = LOGGED_IN | {"anonymous"}
ADMINS = frozenset({"admin"})

Kwargs = Callable[[World], dict[str, Any]]


def objs(**names: str) -> Kwargs:
    """URL arguments from the world's objects: objs(pk="household", person_pk="person")."""
    return lambda world: {kwarg: world.objects[name].pk for kwarg, name in names.items()}


def given(**values: Any) -> Kwargs:
    return lambda world: dict(values)


def both(*parts: Kwargs) -> Kwargs:
    """objs(...) and given(...) together: both(objs(pk="household"), given(fmt="json"))."""
    return lambda world: {kwarg: value for part in parts for kwarg, value in part(world).items()}


@dataclass(frozen=True)
class Row:
    who: frozenset[str]
    site: Site = Site.PORTAL
    kwargs: Kwargs | None = None
    post: bool = False
    data: Callable[[World], dict] | None = None
    # Whether the URL names an object of municipality A (so B's users get 404); by default,
    # whether it takes arguments at all.
    scoped: bool | None = None
    path: Callable[[World], str] | None = None  # for URL patterns without a name
    # Cells that answer otherwise on purpose, by user; or a function of the world giving them.
    exceptions: Mapping[str, Answer] | Callable[[World], Mapping[str, Answer]] = field(
        default_factory=dict)

    def expected(self, user: str, world: World) -> Answer:
        exceptions = self.exceptions(world) if callable(self.exceptions) else self.exceptions
        if user in exceptions:
            return exceptions[user]
        role = ROLE_OF.get(user, user)
        if role not in self.who:
            if self.site == Site.ADMIN:
                return Answer.LOGIN
            if user == "anonymous":
                return Answer.UNAUTHORIZED if self.site == Site.API else Answer.LOGIN
            if user == "volunteer" and self.site == Site.PORTAL:
                return Answer.NOT_FOUND
            return Answer.FORBIDDEN
        scoped = self.kwargs is not None if self.scoped is None else self.scoped
        if scoped and user in OTHER_MUNICIPALITY:
            return Answer.NOT_FOUND
        return Answer.OK


def portal(who, kwargs=None, **options) -> Row:
    return Row(frozenset(who), Site.PORTAL, kwargs, **options)


def public(kwargs=None, **options) -> Row:
    return Row(PUBLIC, Site.PORTAL, kwargs, scoped=False, **options)


CASE = objs(pk="household")
PERSON = objs(pk="household", person_pk="person")
PLACEMENT = objs(pk="household", placement_pk="placement")
IGU_WEEK = objs(pk="igu", week_pk="school_week")

CORE = {
    "home": portal(ROLE_HOLDERS),  # an account without a role is told so with a 403
    "healthz": public(),
    "health": public(),
    "accessibility_statement": public(),
    "manager_home": portal(MANAGERS),
    "accounts:staff": portal(MANAGERS),
    "accounts:municipality_settings": portal(MANAGERS),
    "accounts:municipality_logo": portal(MANAGERS),
    "notifications:inbox": portal(LOGGED_IN),
    "notifications:mark_all_read": portal(LOGGED_IN, post=True),
    "reports:csv": portal(MANAGERS),
    "reports:pdf_list": portal(MANAGERS),
    "reports:pdf_request": portal(MANAGERS, post=True),
    "reports:pdf_status": portal(MANAGERS, objs(pk="report")),
    "reports:pdf_download": portal(MANAGERS, objs(pk="report")),
    "retention:due": portal(MANAGERS),
    "retention:periods": portal(MANAGERS),
}

RECEPTION = {
    "reception:start": portal(CASE_WORKERS),
    "reception:case_list": portal(STAFF),
    "reception:notice_create": portal(CASE_WORKERS),
    "reception:case_audit": portal(MANAGERS),
    "reception:case_detail": portal(STAFF, CASE),
    "reception:case_summary_pdf": portal(CASE_WORKERS, CASE),
    "reception:case_arrive": portal(CASE_WORKERS, CASE, post=True),
    "reception:case_status": portal(CASE_WORKERS, CASE, post=True),
    "reception:case_assign": portal(CASE_WORKERS, CASE, post=True),
    "reception:case_update": portal(CASE_WORKERS, CASE, post=True),
    "reception:journal_add": portal(CASE_WORKERS, CASE, post=True),
    "reception:document_upload": portal(CASE_WORKERS, CASE, post=True),
    "reception:document_download": portal(STAFF, objs(pk="household", document_pk="document")),
    "reception:milestone_done": portal(
        CASE_WORKERS, objs(pk="household", milestone_pk="milestone"), post=True),
    "reception:person_add": portal(CASE_WORKERS, CASE),
    "reception:person_detail": portal(STAFF, PERSON),
    "reception:person_edit": portal(CASE_WORKERS, PERSON),
    "reception:person_takeover": portal(CASE_WORKERS, PERSON, post=True),
    "reception:person_cpr_reveal": portal(CASE_WORKERS, PERSON, post=True),
    "reception:person_personal_data": portal(STAFF, both(PERSON, given(export_format="json"))),
    "reception:letter_print_list": portal(CASE_WORKERS),
    "reception:letter_print_bundle": portal(CASE_WORKERS),
    "reception:letter_download": portal(STAFF, objs(pk="letter")),
    "reception:letter_printed": portal(CASE_WORKERS, objs(pk="letter"), post=True),
}

VOLUNTEER_WORK = {
    "volunteers:board": portal(VOLUNTEERS),
    "volunteers:my_tasks": portal(VOLUNTEERS),
    "volunteers:task_claim": portal(VOLUNTEERS, objs(pk="task"), post=True),
    "volunteers:task_release": portal(VOLUNTEERS, objs(pk="claimed_task"), post=True),
    "volunteers:hours_add": portal(VOLUNTEERS, objs(pk="claimed_task"), post=True),
    "volunteers:task_complete": portal(VOLUNTEERS, objs(pk="claimed_task"), post=True),
    "volunteers:profile": portal(VOLUNTEERS),
    "volunteers:profile_pause": portal(VOLUNTEERS, post=True),
    "volunteers:profile_resume": portal(VOLUNTEERS, post=True),
    "volunteers:events": portal(VOLUNTEERS),
    "volunteers:event_sign_up": portal(
        VOLUNTEERS, objs(pk="event"), post=True,
        data=lambda world: {"occurs_on": world.event.starts_at.date().isoformat()}),
    "volunteers:event_withdraw": portal(
        VOLUNTEERS, objs(pk="event"), post=True,
        data=lambda world: {"occurs_on": world.event.starts_at.date().isoformat()}),
    "volunteers:calendar_settings": portal(VOLUNTEERS),
    "volunteers:calendar_token_renew": portal(VOLUNTEERS, post=True),
    # No login: calendar programs cannot log in, so the key is the lock.
    "volunteers:calendar_feed": public(given(token=CALENDAR_TOKEN)),
    # No login: the invitee has no account yet; a logged-in user is told to log out.
    "volunteers:invitation_accept": public(given(token=INVITATION_TOKEN)),
}

VOLUNTEER_COORDINATION = {
    "volunteers:task_create": portal(CASE_WORKERS),
    "volunteers:coordination": portal(COORDINATORS),
    "volunteers:volunteer_approve": portal(COORDINATORS, objs(pk="pending_profile"), post=True),
    "volunteers:invitation_create": portal(COORDINATORS),
    "volunteers:invitation_resend": portal(COORDINATORS, objs(pk="invitation"), post=True),
    "volunteers:invitation_withdraw": portal(COORDINATORS, objs(pk="invitation"), post=True),
    "volunteers:volunteer_detail": portal(COORDINATORS, objs(pk="profile")),
    "volunteers:volunteer_pause": portal(COORDINATORS, objs(pk="profile"), post=True),
    "volunteers:volunteer_end": portal(COORDINATORS, objs(pk="profile"), post=True),
    "volunteers:agreement_list": portal(COORDINATORS | MANAGERS),
    "volunteers:agreement_create": portal(COORDINATORS),
    "volunteers:organisation_create": portal(COORDINATORS),
    "volunteers:organisation_edit": portal(COORDINATORS, objs(pk="organisation")),
    "volunteers:agreement_detail": portal(COORDINATORS | MANAGERS, objs(pk="agreement")),
    "volunteers:agreement_edit": portal(COORDINATORS, objs(pk="agreement")),
    "volunteers:agreement_commitments": portal(COORDINATORS, objs(pk="agreement")),
    "volunteers:agreement_notice": portal(COORDINATORS, objs(pk="agreement"), post=True),
    "volunteers:agreement_evaluation": portal(COORDINATORS, objs(pk="agreement"), post=True),
    "volunteers:agreement_pdf": portal(COORDINATORS | MANAGERS, objs(pk="agreement")),
    "volunteers:staff_events": portal(COORDINATORS),
    "volunteers:event_create": portal(COORDINATORS),
    "volunteers:event_edit": portal(COORDINATORS, objs(pk="event")),
    "volunteers:event_cancel": portal(COORDINATORS, objs(pk="event")),
}

HOUSING = {
    "housing:start": portal(STAFF),
    "housing:unit_list": portal(STAFF),
    "housing:unit_create": portal(CASE_WORKERS),
    "housing:unit_detail": portal(STAFF, objs(pk="unit")),
    "housing:unit_edit": portal(CASE_WORKERS, objs(pk="unit")),
    "housing:host_list": portal(STAFF),
    "housing:host_create": portal(CASE_WORKERS),
    "housing:host_edit": portal(CASE_WORKERS, objs(pk="host")),
    "housing:place_list": portal(STAFF),
    "housing:place_create": portal(CASE_WORKERS),
    "housing:place_edit": portal(CASE_WORKERS, objs(pk="place")),
    "housing:place_delete": portal(CASE_WORKERS, objs(pk="place"), post=True),
    "housing:guideline": portal(STAFF),
    "housing:guideline_edit": portal(MANAGERS),
    "housing:service_frame": portal(STAFF),
    "housing:service_frame_add": portal(MANAGERS),
    "housing:service_frame_edit": portal(MANAGERS, objs(pk="frame_item")),
    "housing:service_frame_delete": portal(MANAGERS, objs(pk="frame_item"), post=True),
    "housing:quota": portal(STAFF),
    "housing:quota_edit": portal(MANAGERS),
    "housing:household": portal(STAFF, CASE),
    "housing:match": portal(STAFF, CASE),
    "housing:reserve": portal(CASE_WORKERS, CASE, post=True),
    "housing:move_in": portal(CASE_WORKERS, PLACEMENT, post=True),
    "housing:move_out": portal(CASE_WORKERS, PLACEMENT, post=True),
    "housing:cancel": portal(CASE_WORKERS, PLACEMENT, post=True),
    "housing:checklist": portal(CASE_WORKERS, PLACEMENT, post=True),
    "housing:moving_help": portal(CASE_WORKERS, PLACEMENT),
}

EMPLOYMENT = {
    "employment:start": portal(STAFF),
    "employment:queue": portal(CASE_WORKERS),
    "employment:referral_complete": portal(CASE_WORKERS, objs(pk="referral")),
    "employment:referral_close": portal(CASE_WORKERS, objs(pk="referral")),
    "employment:person": portal(STAFF, objs(pk="person")),
    "employment:measure_plan": portal(CASE_WORKERS, objs(pk="person")),
    "employment:measure_list": portal(STAFF),
    "employment:measure_detail": portal(STAFF, objs(pk="measure")),
    "employment:measure_edit": portal(CASE_WORKERS, objs(pk="measure")),
    "employment:measure_start": portal(CASE_WORKERS, objs(pk="measure")),
    "employment:measure_end": portal(CASE_WORKERS, objs(pk="measure")),
    "employment:measure_cancel": portal(CASE_WORKERS, objs(pk="measure")),
    "employment:employer_list": portal(STAFF),
    "employment:employer_create": portal(CASE_WORKERS),
    "employment:employer_detail": portal(STAFF, objs(pk="employer")),
    "employment:employer_edit": portal(CASE_WORKERS, objs(pk="employer")),
    "employment:opening_create": portal(CASE_WORKERS, objs(pk="employer")),
    "employment:opening_list": portal(STAFF),
    "employment:opening_edit": portal(CASE_WORKERS, objs(pk="opening")),
    "employment:igu": portal(STAFF, objs(pk="igu")),
    "employment:igu_week_add": portal(CASE_WORKERS, objs(pk="igu"), post=True),
    "employment:igu_week_status": portal(CASE_WORKERS, IGU_WEEK, post=True),
    "employment:igu_week_remove": portal(CASE_WORKERS, IGU_WEEK, post=True),
    "employment:igu_interruption_add": portal(CASE_WORKERS, objs(pk="igu"), post=True),
    "employment:danish_list": portal(STAFF),
    "employment:danish_create": portal(CASE_WORKERS, objs(pk="person")),
    "employment:danish_edit": portal(CASE_WORKERS, objs(pk="danish")),
    "employment:danish_test_add": portal(CASE_WORKERS, objs(pk="danish")),
    "employment:rules": portal(STAFF),
    "employment:rules_new": portal(MANAGERS),
    "employment:measure_types": portal(STAFF),
    "employment:measure_type_create": portal(MANAGERS),
    "employment:measure_type_edit": portal(MANAGERS, objs(pk="measure_type")),
}

# community
COMMUNITY = {
    "community:start": portal(STAFF),
    "community:association_list": portal(STAFF),
    "community:association_create": portal(CASE_WORKERS),
    "community:association_detail": portal(STAFF, objs(pk="association")),
    "community:association_edit": portal(CASE_WORKERS, objs(pk="association")),
    "community:consent_create": portal(CASE_WORKERS, CASE),
    "community:consent_withdraw": portal(CASE_WORKERS, objs(pk="household",
                                                            consent_pk="community_consent")),
    "community:referral_create": portal(CASE_WORKERS, CASE),
    "community:follow_up_list": portal(CASE_WORKERS),
    "community:referral_detail": portal(STAFF, objs(pk="community_referral")),
    "community:referral_follow_up": portal(CASE_WORKERS, objs(pk="community_referral")),
}

# surveys: the builder, sending and results are managers' (MANAGE_MUNICIPALITY); the
# respondent's pages are public (reached by a single-use code, no login).
SURVEY = objs(pk="survey")
SURVEYS = {
    "surveys:list": portal(MANAGERS),
    "surveys:create": portal(MANAGERS),
    "surveys:detail": portal(MANAGERS, SURVEY),
    "surveys:edit": portal(MANAGERS, SURVEY),
    "surveys:question_create": portal(MANAGERS, SURVEY),
    "surveys:question_edit": portal(MANAGERS, objs(pk="survey", question_pk="survey_question")),
    "surveys:question_delete": portal(MANAGERS, objs(pk="survey", question_pk="survey_question"),
                                      post=True),
    "surveys:preview": portal(MANAGERS, SURVEY),
    "surveys:open": portal(MANAGERS, SURVEY, post=True),
    "surveys:close": portal(MANAGERS, SURVEY, post=True),
    "surveys:send": portal(MANAGERS, SURVEY),
    "surveys:slips": portal(MANAGERS, SURVEY),
    "surveys:results": portal(MANAGERS, SURVEY),
    "surveys:results_pdf": portal(MANAGERS, SURVEY),
    "surveys:results_csv": portal(MANAGERS, SURVEY),
    "surveys:respond_start": public(),
    "surveys:thanks": public(),
    "surveys:respond": public(given(token=SURVEY_TOKEN)),
}

# children: staff read; caseworkers write a child's data; caseworkers and managers edit
# institutions; managers the settings.
CHILD = objs(pk="child")
INSTITUTION_EDITORS = CASE_WORKERS | MANAGERS
CHILDREN = {
    "children:institution_list": portal(STAFF),
    "children:institution_create": portal(INSTITUTION_EDITORS),
    "children:institution_detail": portal(STAFF, objs(pk="institution")),
    "children:institution_edit": portal(INSTITUTION_EDITORS, objs(pk="institution")),
    "children:settings": portal(MANAGERS),
    "children:child": portal(STAFF, CHILD),
    "children:placement_create": portal(CASE_WORKERS, CHILD),
    "children:placement_edit": portal(CASE_WORKERS, objs(pk="child_placement")),
    "children:assessment_create": portal(CASE_WORKERS, CHILD),
    "children:assessment_edit": portal(CASE_WORKERS, objs(pk="language_assessment")),
    "children:guidance_edit": portal(CASE_WORKERS, CHILD),
}

API_PAGES = {
    "api_docs": portal(STAFF),
    "api_schema": Row(LOGGED_IN, Site.API),
    "api-root": Row(LOGGED_IN, Site.API),
}

# Nobody in the world has recovery codes, and only staff and administrators an authenticator
# app (ADMIN_MFA_REQUIRED): allauth answers 404 for what an account does not have.
NO_AUTHENTICATOR = {"volunteer": Answer.NOT_FOUND}
NO_RECOVERY_CODES = {user: Answer.NOT_FOUND for user in ROLE_OF}

# allauth's pages: public ones answer anyone (a logged-in user is sent on), the account pages
# need a login.
ACCOUNT = {
    "account_login": public(),
    "account_inactive": public(),
    "account_signup": public(),
    "account_email_verification_sent": public(),
    "account_reset_password": public(),
    "account_reset_password_done": public(),
    "account_reset_password_from_key": public(given(uidb36="0", key="no-such-key")),
    "account_reset_password_from_key_done": public(),
    "account_confirm_email": public(given(key="no-such-key")),
    # Steps of a login under way: without one, back to the login page.
    "account_confirm_login_code": portal(LOGGED_IN, exceptions={"anonymous": Answer.LOGIN}),
    "account_reauthenticate": portal(LOGGED_IN),
    "account_email": portal(LOGGED_IN),
    "account_change_password": portal(LOGGED_IN),
    "account_set_password": portal(LOGGED_IN),
    "mfa_index": portal(LOGGED_IN),
    "mfa_authenticate": portal(LOGGED_IN, exceptions={"anonymous": Answer.LOGIN}),
    "mfa_reauthenticate": portal(LOGGED_IN),
    "mfa_activate_totp": portal(LOGGED_IN),
    # Staff have an authenticator app (tests/factories.py); the others have nothing to turn off.
    "mfa_deactivate_totp": portal(LOGGED_IN, exceptions=NO_AUTHENTICATOR),
    "mfa_view_recovery_codes": portal(LOGGED_IN, exceptions=NO_RECOVERY_CODES),
    "mfa_generate_recovery_codes": portal(LOGGED_IN),
    "mfa_download_recovery_codes": portal(LOGGED_IN, exceptions=NO_RECOVERY_CODES),
    "set_language": public(post=True),
}

ADMIN_SITE = {
    "admin:index": Row(ADMINS, Site.ADMIN),
    # allauth's login guards the admin's (integration_portal/urls.py): a visitor is sent to the
    # portal's login, a logged-in user who is no administrator is refused.
    "admin:login": Row(ADMINS, Site.ADMIN, exceptions={
        "anonymous": Answer.LOGIN,
        **{user: Answer.FORBIDDEN for user in ROLE_OF if user != "admin"}}),
    "admin:auth_user_password_change": Row(
        ADMINS, Site.ADMIN, lambda world: {"id": world.users["admin"].pk}),
    "admin:password_change": Row(ADMINS, Site.ADMIN),
    "admin:password_change_done": Row(ADMINS, Site.ADMIN),
    "admin:jsi18n": Row(ADMINS, Site.ADMIN),
    # Asked without a field to complete, the view refuses even an administrator.
    "admin:autocomplete": Row(ADMINS, Site.ADMIN, exceptions={"admin": Answer.FORBIDDEN}),
    "admin:view_on_site": Row(ADMINS, Site.ADMIN, given(content_type_id=0, object_id=0),
                              exceptions={"admin": Answer.NOT_FOUND}),
    "admin:app_list": Row(ADMINS, Site.ADMIN, given(app_label="reception")),
    # Any other address under /admin/: an administrator is told it does not exist.
    r"admin/(?P<url>.*)$": Row(ADMINS, Site.ADMIN, path=lambda world: "/admin/no-such-page/",
                               exceptions={"admin": Answer.NOT_FOUND}),
}

ROWS: dict[str, Row] = {
    **CORE, **RECEPTION, **VOLUNTEER_WORK, **VOLUNTEER_COORDINATION, **HOUSING, **EMPLOYMENT,
    **API_PAGES, **ACCOUNT, **ADMIN_SITE,
    **COMMUNITY,  # community
    **SURVEYS,  # surveys
    **CHILDREN,  # children
}

# URLs the crawl does not request, each with the reason.
EXCLUDED: dict[str, str] = {
    "account_logout": "ends the session the crawl runs in (allauth's own tests cover it)",
    "admin:logout": "ends the session the crawl runs in (Django's own tests cover it)",
}

# --- Rows made from other tables ------------------------------------------------------------

# The world's object each API route's `pk` names, by the router's basename.
API_OBJECTS = {
    "notices": "notice", "households": "household", "persons": "person",
    "milestones": "milestone", "volunteer-tasks": "task", "housing-units": "unit",
    "placements": "placement", "measures": "measure",
}


def api_row(name: str) -> Row | None:
    """The API's routes take their rows from the API's own matrix (tests/api/matrix.py),
    which asserts every cell with tokens; here they are requested with a session, as the
    portal's own pages call them. A GET route is checked by its GET row, a POST-only one by
    its POST row."""
    from tests.api.matrix import ENDPOINTS, Kind

    endpoints = [endpoint for endpoint in ENDPOINTS if endpoint.route == name]
    if not endpoints:
        return None
    endpoint = next((e for e in endpoints if e.method == "get"), endpoints[0])
    basename = name.rsplit("-", 1)[0]
    if endpoint.kind in (Kind.DETAIL, Kind.ACTION):
        if basename not in API_OBJECTS:
            raise LookupError(
                f"API route {name!r}: name the world's object its pk is in "
                f"tests/security/access_table.py API_OBJECTS")
        kwargs = objs(pk=API_OBJECTS[basename])
    else:
        kwargs = None
    return Row(endpoint.allowed, Site.API, kwargs, post=endpoint.method == "post")


_ADMIN_NAME = re.compile(r"^admin:(?P<app>\w+?)_(?P<model>[a-z0-9]+)_"
                         r"(?P<view>changelist|add|history|delete|change)$")
_ADMIN_REDIRECT = re.compile(r"^admin/(?P<app>\w+)/(?P<model>\w+)/<path:object_id>/$")


def _model_admin(app: str, model: str):
    from django.contrib import admin

    for registered, model_admin in admin.site._registry.items():
        if registered._meta.app_label == app and registered._meta.model_name == model:
            return model_admin
    return None


def _first(model_admin):
    # An administrator asking for a row that does not exist is sent to the admin's index.
    return model_admin.model._default_manager.order_by("pk").first()


def _admin_answer(model_admin, view: str) -> Callable[[World], Mapping[str, Answer]]:
    """What the ModelAdmin itself lets an administrator do (a read-only audit trail has no
    add or delete page, for one): a page it does not offer answers them 403."""

    def exceptions(world: World) -> Mapping[str, Answer]:
        from django.test import RequestFactory

        request = RequestFactory().get("/")
        request.user = world.users["admin"]
        obj = _first(model_admin)
        allowed = {
            "changelist": lambda: model_admin.has_view_or_change_permission(request),
            "add": lambda: model_admin.has_add_permission(request),
            "delete": lambda: model_admin.has_delete_permission(request, obj),
            "change": lambda: model_admin.has_view_or_change_permission(request, obj),
            "history": lambda: obj is None or model_admin.has_view_or_change_permission(
                request, obj),
        }[view]()
        return {} if allowed else {"admin": Answer.FORBIDDEN}

    return exceptions


def admin_model_row(key: str) -> Row | None:
    """Every page of a model registered with Django admin: only administrators. The admin
    site guards them all with `admin_view`, so a new ModelAdmin needs no row of its own."""
    if match := _ADMIN_NAME.match(key):
        model_admin = _model_admin(match["app"], match["model"])
        if model_admin is None:
            return None
        view = match["view"]
        kwargs = None
        if view not in ("changelist", "add"):
            def kwargs(world):
                obj = _first(model_admin)
                return {"object_id": str(obj.pk if obj is not None else 0)}
        return Row(ADMINS, Site.ADMIN, kwargs, exceptions=_admin_answer(model_admin, view))
    if match := _ADMIN_REDIRECT.match(key):
        model_admin = _model_admin(match["app"], match["model"])
        if model_admin is None:
            return None

        def path(world):
            obj = _first(model_admin)
            return f"/admin/{match['app']}/{match['model']}/{obj.pk if obj else 0}/"

        return Row(ADMINS, Site.ADMIN, path=path)
    return None


def row_for(key: str) -> Row | None:
    return ROWS.get(key) or api_row(key) or admin_model_row(key)
