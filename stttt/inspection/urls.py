from django.urls import path

from stttt.inspection import views

app_name = "inspection"

urlpatterns = [
    path("", views.index, name="index"),
    path("chuyen-den/", views.referrals, name="referrals"),
    path("chuyen-den/<int:pk>/", views.referral_detail, name="referral"),
    path("chuyen-den/<int:pk>/<str:action>/", views.referral_action, name="referral_action"),
    path("ke-hoach/", views.plans, name="plans"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/<str:action>/", views.plan_action, name="plan_action"),
    path("cuoc-thanh-tra/", views.cases, name="cases"),
    path("cuoc-thanh-tra/moi/", views.case_create, name="case_create"),
    path("cuoc-thanh-tra/<int:pk>/", views.case_detail, name="case"),
    path("cuoc-thanh-tra/<int:pk>/kien-nghi/<int:item>/", views.follow_up_done, name="follow_up_done"),
    path("cuoc-thanh-tra/<int:pk>/<str:doc>.<str:fmt>", views.case_file, name="case_file"),
    path("cuoc-thanh-tra/<int:pk>/<str:action>/", views.case_action, name="case_action"),
    path("vi-pham/", views.violations, name="violations"),
    path("vi-pham/moi/", views.violation_create, name="violation_create"),
    path("vi-pham/<int:pk>/", views.violation_detail, name="violation"),
    path("vi-pham/<int:pk>/<str:doc>.<str:fmt>", views.violation_file, name="violation_file"),
    path("vi-pham/<int:pk>/<str:action>/", views.violation_action, name="violation_action"),
    path("don-thu/", views.letters, name="letters"),
    path("don-thu/moi/", views.letter_create, name="letter_create"),
    path("don-thu/<int:pk>/", views.letter_detail, name="letter"),
    path("don-thu/<int:pk>/nguoi-to-cao/", views.letter_identity, name="letter_identity"),
    path("don-thu/<int:pk>/<str:action>/", views.letter_action, name="letter_action"),
    path("tiep-cong-dan/", views.reception, name="reception"),
    path("danh-muc/", views.catalogue_page, name="catalogue"),
]
