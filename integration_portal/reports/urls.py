"""Managers' reports: the on-screen figures, the CSV export and the PDF reports."""

from django.urls import path

from integration_portal.reports import pdf_views, views

app_name = "reports"

urlpatterns = [
    path("csv/", views.report_csv, name="csv"),
    path("pdf/", pdf_views.pdf_list, name="pdf_list"),
    path("pdf/request/", pdf_views.pdf_request, name="pdf_request"),
    path("pdf/<int:pk>/", pdf_views.pdf_status, name="pdf_status"),
    path("pdf/<int:pk>/download/", pdf_views.pdf_download, name="pdf_download"),
]
