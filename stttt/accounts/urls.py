from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from stttt.accounts import views

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("xac-thuc-hai-buoc/", views.mfa_verify, name="mfa_verify"),
    path("xac-thuc-hai-buoc/dang-ky/", views.mfa_enrol, name="mfa_enrol"),
    path("xac-thuc-hai-buoc/dat-lai/<int:user_id>/", views.mfa_reset, name="mfa_reset"),
    path(
        "doi-mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
]
