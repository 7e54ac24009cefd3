from django.urls import path

from stttt.licensing import views

app_name = "licensing"

urlpatterns = [
    path("", views.index, name="index"),
    path("ghi-nhan/<str:kind>/", views.record, name="record"),
    path("<int:pk>/", views.licence_detail, name="licence"),
    path("<int:pk>/su-kien/", views.event_add, name="event"),
    path("<int:pk>/van-ban.<str:fmt>", views.licence_document, name="document"),
    path("kt/<str:token>/", views.verify, name="verify"),
]
