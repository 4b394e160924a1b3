from django.urls import path

from reception.urls_letters import letter_urlpatterns
from reception.views import cases, personal_data, persons, summary

app_name = "reception"
urlpatterns = [
    path("", cases.start, name="start"),
    path("list/", cases.case_list, name="case_list"),
    path("new/", cases.notice_create, name="notice_create"),
    path("audit/", cases.case_audit, name="case_audit"),
    path("<int:pk>/", cases.case_detail, name="case_detail"),
    path("<int:pk>/summary/pdf/", summary.case_summary, name="case_summary_pdf"),
    path("<int:pk>/arrive/", cases.case_arrive, name="case_arrive"),
    path("<int:pk>/status/", cases.case_status, name="case_status"),
    path("<int:pk>/assign/", cases.case_assign, name="case_assign"),
    path("<int:pk>/update/", cases.case_update, name="case_update"),
    path("<int:pk>/journal/", cases.journal_add, name="journal_add"),
    path("<int:pk>/documents/", cases.document_upload, name="document_upload"),
    path("<int:pk>/documents/<int:document_pk>/", cases.document_download,
         name="document_download"),
    path("<int:pk>/milestones/<int:milestone_pk>/done/", cases.milestone_done,
         name="milestone_done"),
    path("<int:pk>/persons/new/", persons.person_add, name="person_add"),
    path("<int:pk>/persons/<int:person_pk>/", persons.person_detail, name="person_detail"),
    path("<int:pk>/persons/<int:person_pk>/edit/", persons.person_edit, name="person_edit"),
    path("<int:pk>/persons/<int:person_pk>/cpr/", persons.person_cpr_reveal,
         name="person_cpr_reveal"),
    path("<int:pk>/persons/<int:person_pk>/takeover/", persons.person_takeover,
         name="person_takeover"),
    path("<int:pk>/persons/<int:person_pk>/personal-data.<str:export_format>",
         personal_data.personal_data, name="person_personal_data"),
]
urlpatterns += letter_urlpatterns
