"""Children's milestone kinds. Their targets are local practice (domain.md gives no numbers):
each municipality sets them as local rules counted from arrival, filtered by age."""

from django.utils.translation import gettext_lazy as _

from children.models import InstitutionKind

DAYCARE_START = "daycare_start"
SCHOOL_START = "school_start"
LANGUAGE_ASSESSMENT = "language_assessment"
YOUTH_GUIDANCE = "youth_guidance"

CHILDREN_KINDS = (
    (DAYCARE_START, _("Daycare start")),
    (SCHOOL_START, _("School start")),
    (LANGUAGE_ASSESSMENT, _("Language assessment (sprogvurdering)")),
    (YOUTH_GUIDANCE, _("Youth guidance first meeting")),
)

# Which milestone a started place meets. SFO, youth education and others meet none.
MILESTONE_OF_PLACE = {
    InstitutionKind.DAYCARE: DAYCARE_START,
    InstitutionKind.INTERNATIONAL_PRESCHOOL: DAYCARE_START,
    InstitutionKind.SCHOOL: SCHOOL_START,
    InstitutionKind.RECEPTION_CLASS: SCHOOL_START,
}
