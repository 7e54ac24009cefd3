from django.urls import path

from stttt.press import views

app_name = "press"

urlpatterns = [
    path("", views.index, name="index"),
]
