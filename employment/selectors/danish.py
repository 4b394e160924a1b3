"""Reads of Danish education. (Interface fixed; the implementation is being written.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from employment.models import DanishEducation
    from integration_portal.accounts.models import User
    from reception.models import Person


def person_danish(*, viewer: User, person: Person) -> list[DanishEducation]:
    """The person's Danish education, newest first, with its passed tests prefetched;
    [] for a viewer of another municipality."""
    raise NotImplementedError
