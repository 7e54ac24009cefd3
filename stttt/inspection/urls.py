from django.urls import path

from stttt.inspection import views

app_name = "inspection"

urlpatterns = [
    path("", views.index, name="index"),
    path("chuyen-den/", views.referrals, name="referrals"),
    path("chuyen-den/<int:pk>/", views.referral_detail, name="referral"),
]
