from django.urls import path

from stttt.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("quan-sat/bao-cao/", views.observer_reports, name="observer_reports"),
    path("quan-sat/bao-cao/<int:pk>/", views.observer_report, name="observer_report"),
    path("quan-sat/bao-cao/<int:pk>.<str:fmt>", views.observer_report_file, name="observer_report_file"),
    path("quan-sat/giao-ban/<str:month>.<str:fmt>", views.observer_briefing_file, name="observer_briefing_file"),
    path("lich-su/<str:app_label>/<str:model_name>/<str:pk>/", views.history, name="history"),
]
