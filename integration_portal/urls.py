from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from integration_portal.core import views as core_views

admin.site.site_header = _("Integration Portal administration")
admin.site.site_title = _("Integration Portal")
# The admin's own login form would skip two-factor authentication and the sign-in limits:
# send it to allauth's.
admin.site.login = secure_admin_login(admin.site.login)

# allauth's answer when a sign-in step is throttled.
handler429 = "integration_portal.accounts.views.too_many_requests"
# Too many form fields, too much form data, a malformed body: a page (or JSON), not a blank 400.
handler400 = "integration_portal.core.limits.bad_request"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("health/", core_views.health_page, name="health"),
    path("accessibility/", core_views.accessibility_statement, name="accessibility_statement"),
    path("manager/", core_views.manager_home, name="manager_home"),
    path("municipality/", include("integration_portal.accounts.urls")),
    path("notifications/", include("integration_portal.notifications.urls")),
    path("cases/", include("reception.urls")),
    path("volunteers/", include("volunteers.urls")),
    path("housing/", include("housing.urls")),
    path("employment/", include("employment.urls")),
    path("children/", include("children.urls")),
    path("community/", include("community.urls")),
    path("surveys/", include("surveys.urls")),
    path("reports/", include("integration_portal.reports.urls")),
    path("retention/", include("integration_portal.retention.urls")),
    path("api/v1/", include("integration_portal.api.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
