from django.contrib.auth.decorators import login_required
from django.urls import path

from stttt.inspection import views

app_name = "inspection"

# Every page is the Inspectorate's: a visitor who is not signed in is sent to the login page first.

urlpatterns = [
    path("", login_required(views.index), name="index"),
    path("chuyen-den/", login_required(views.referrals), name="referrals"),
    path("chuyen-den/<int:pk>/", login_required(views.referral_detail), name="referral"),
    path("chuyen-den/<int:pk>/<str:action>/", login_required(views.referral_action), name="referral_action"),
    path("ke-hoach/", login_required(views.plans), name="plans"),
    path("ke-hoach/<int:pk>/", login_required(views.plan_detail), name="plan"),
    path("ke-hoach/<int:pk>/<str:action>/", login_required(views.plan_action), name="plan_action"),
    path("cuoc-thanh-tra/", login_required(views.cases), name="cases"),
    path("cuoc-thanh-tra/moi/", login_required(views.case_create), name="case_create"),
    path("cuoc-thanh-tra/<int:pk>/", login_required(views.case_detail), name="case"),
    path("cuoc-thanh-tra/<int:pk>/kien-nghi/<int:item>/", login_required(views.follow_up_done), name="follow_up_done"),
    path("cuoc-thanh-tra/<int:pk>/<str:doc>.<str:fmt>", login_required(views.case_file), name="case_file"),
    path("cuoc-thanh-tra/<int:pk>/<str:action>/", login_required(views.case_action), name="case_action"),
    path("vi-pham/", login_required(views.violations), name="violations"),
    path("vi-pham/moi/", login_required(views.violation_create), name="violation_create"),
    path("vi-pham/<int:pk>/", login_required(views.violation_detail), name="violation"),
    path("vi-pham/<int:pk>/<str:doc>.<str:fmt>", login_required(views.violation_file), name="violation_file"),
    path("vi-pham/<int:pk>/<str:action>/", login_required(views.violation_action), name="violation_action"),
    path("don-thu/", login_required(views.letters), name="letters"),
    path("don-thu/moi/", login_required(views.letter_create), name="letter_create"),
    path("don-thu/<int:pk>/", login_required(views.letter_detail), name="letter"),
    path("don-thu/<int:pk>/<str:doc>.<str:fmt>", login_required(views.letter_file), name="letter_file"),
    path("don-thu/<int:pk>/nguoi-to-cao/", login_required(views.letter_identity), name="letter_identity"),
    path("don-thu/<int:pk>/<str:action>/", login_required(views.letter_action), name="letter_action"),
    path("tiep-cong-dan/", login_required(views.reception), name="reception"),
    path("danh-muc/", login_required(views.catalogue_page), name="catalogue"),
]
