from django.urls import path

from community.views import cases, directory

app_name = "community"

urlpatterns = [
    path("", directory.start, name="start"),
    # The directory.
    path("associations/", directory.association_list, name="association_list"),
    path("associations/new/", directory.association_create, name="association_create"),
    path("associations/<int:pk>/", directory.association_detail, name="association_detail"),
    path("associations/<int:pk>/edit/", directory.association_edit, name="association_edit"),
    # A case's consents and referrals.
    path("cases/<int:pk>/consents/new/", cases.consent_create, name="consent_create"),
    path("cases/<int:pk>/consents/<int:consent_pk>/withdraw/", cases.consent_withdraw,
         name="consent_withdraw"),
    path("cases/<int:pk>/referrals/new/", cases.referral_create, name="referral_create"),
    # Referrals.
    path("referrals/follow-up/", cases.follow_up_list, name="follow_up_list"),
    path("referrals/<int:pk>/", cases.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/follow-up/", cases.referral_follow_up, name="referral_follow_up"),
]
