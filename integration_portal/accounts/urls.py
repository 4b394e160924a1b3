from django.urls import path

from integration_portal.accounts import views

app_name = "accounts"
urlpatterns = [
    path("staff/", views.staff, name="staff"),
    path("settings/", views.municipality_settings, name="municipality_settings"),
    path("settings/logo/", views.municipality_logo, name="municipality_logo"),
]
