"""Letters' URLs, included into reception's urls (app_name "reception", under /cases/)."""

from django.urls import path

from reception.views import letters

letter_urlpatterns = [
    path("letters/print/", letters.print_list, name="letter_print_list"),
    path("letters/print/pdf/", letters.print_bundle, name="letter_print_bundle"),
    path("letters/<int:pk>/pdf/", letters.letter_download, name="letter_download"),
    path("letters/<int:pk>/printed/", letters.letter_printed, name="letter_printed"),
]
