from django.urls import path

from stttt.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("thu-tuc/", views.catalog, name="catalog"),
    path("thu-tuc/<str:code>/", views.procedure_detail, name="procedure"),
    path("thu-tuc/<str:code>/nop/", views.submit, name="submit"),
    path("da-nop/<str:reference>/", views.done, name="done"),
    path("tra-cuu/", views.track, name="track"),
    path("ho-so/<str:reference>/", views.status, name="status"),
    path("ho-so/<str:reference>/bo-sung/", views.supplement, name="supplement"),
    path("ho-so/<str:reference>/danh-gia/", views.rate, name="rate"),
    path("ho-so/<str:reference>/rut/", views.withdraw, name="withdraw"),
    path("ho-so/<str:reference>/ket-qua.<str:fmt>", views.result, name="result"),
    path("ho-so/<str:reference>/phieu.<str:fmt>", views.receipt, name="receipt"),
    path("ho-so/<str:reference>/nhan/", views.claim, name="claim"),
    path("tai-khoan/dang-ky/", views.signup, name="signup"),
    path("tai-khoan/ho-so/", views.mine, name="mine"),
    path("so-dang-ky/", views.registers, name="registers"),
    path("so-dang-ky/tim-kiem/", views.register_search, name="register_search"),
    path("so-dang-ky/<str:slug>/", views.register, name="register"),
    path("so-dang-ky/<str:slug>.<str:fmt>", views.register_export, name="register_export"),
    path("danh-gia/", views.ratings, name="ratings"),
    path("chi-so/", views.figures, name="figures"),
]
