from django.urls import path

from stttt.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("lich-su/<str:app_label>/<str:model_name>/<str:pk>/", views.history, name="history"),
]
