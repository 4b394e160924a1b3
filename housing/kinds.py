"""Housing's milestone kind. A permanent home is local practice, not a statutory deadline
(domain.md §0, INL § 12): each municipality sets its own target as a local rule."""

from django.utils.translation import gettext_lazy as _

PERMANENT_HOME = "permanent_home"
PERMANENT_HOME_LABEL = _("Permanent home")
