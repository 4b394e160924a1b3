"""Navigation and start pages, registered by each app rather than known by the portal.

The portal package sits below the business apps and imports none of them; an app declares
its menu entries and the start page of a role in its `AppConfig.ready()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse

from integration_portal.accounts.permissions import Perm, Role, permissions_of

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from integration_portal.accounts.models import User

# When a user holds several roles, the first of these decides where they land.
_START_PRIORITY = (Role.MANAGER, Role.CASEWORKER, Role.VOLUNTEER_COORDINATOR, Role.VOLUNTEER)


@dataclass(frozen=True)
class NavItem:
    label: Promise | str
    url_name: str
    # Shown to a user holding any of these.
    perms: tuple[Perm, ...]
    order: int
    # Current on exactly its own URL only, or on every path under `section` (default: its URL).
    exact: bool = False
    section: str | None = None


_nav_items: list[NavItem] = []
_start_pages: dict[Role, str] = {}


def register_nav_item(
    *,
    label: Promise | str,
    url_name: str,
    perm: Perm | tuple[Perm, ...],
    order: int,
    exact: bool = False,
    section: str | None = None,
) -> None:
    """Add a menu entry for users holding `perm` (or any of several)."""
    if any(item.url_name == url_name for item in _nav_items):
        return
    perms = perm if isinstance(perm, tuple) else (perm,)
    _nav_items.append(NavItem(label=label, url_name=url_name, perms=perms, order=order,
                              exact=exact, section=section))
    _nav_items.sort(key=lambda item: item.order)


def register_start_page(*, role: Role, url_name: str) -> None:
    _start_pages[role] = url_name


def nav_for(user: User, current_path: str) -> list[dict]:
    granted = permissions_of(user)
    entries, matches = [], []
    for item in _nav_items:
        if granted.isdisjoint(item.perms):
            continue
        url = reverse(item.url_name)
        entry = {"label": item.label, "url": url, "current": False}
        entries.append(entry)
        if item.exact:
            if current_path == url:
                matches.append((len(url) + 1000, entry))
        elif current_path.startswith(item.section or url):
            matches.append((len(url), entry))
    # The most specific match is the current one: on /cases/letters/print/ that is "Letters
    # to print", not also "Cases" whose section /cases/ holds it.
    if matches:
        max(matches, key=lambda match: match[0])[1]["current"] = True
    return entries


def start_url_for(user: User) -> str | None:
    for role in _START_PRIORITY:
        if role in user.roles and role in _start_pages:
            return reverse(_start_pages[role])
    return None
