from django.urls import path

from surveys import views

app_name = "surveys"

urlpatterns = [
    # The managers' pages.
    path("", views.survey_list, name="list"),
    path("new/", views.survey_create, name="create"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/edit/", views.survey_edit, name="edit"),
    path("<int:pk>/questions/new/", views.question_create, name="question_create"),
    path("<int:pk>/questions/<int:question_pk>/edit/", views.question_edit,
         name="question_edit"),
    path("<int:pk>/questions/<int:question_pk>/delete/", views.question_delete,
         name="question_delete"),
    path("<int:pk>/preview/", views.survey_preview, name="preview"),
    path("<int:pk>/open/", views.survey_open, name="open"),
    path("<int:pk>/close/", views.survey_close, name="close"),
    path("<int:pk>/send/", views.survey_send, name="send"),
    path("<int:pk>/slips/", views.survey_slips, name="slips"),
    path("<int:pk>/results/", views.survey_results, name="results"),
    path("<int:pk>/results/download/pdf/", views.results_pdf, name="results_pdf"),
    path("<int:pk>/results/download/csv/", views.results_csv, name="results_csv"),
    # The respondent's pages: public, reached by the single-use code.
    path("r/", views.respond_start, name="respond_start"),
    path("r/thanks/", views.respond_thanks, name="thanks"),
    path("r/<str:token>/", views.respond, name="respond"),
]
