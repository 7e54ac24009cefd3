from django.urls import path

from stttt.work import views

app_name = "work"

urlpatterns = [
    path("", views.index, name="index"),
    path("lanh-dao/", views.leadership, name="leadership"),
    path("don-vi/<str:code>/", views.unit, name="unit"),
    path("nhiem-vu/", views.tasks, name="tasks"),
    path("nhiem-vu/moi/", views.task_create, name="task_create"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
    path("nhiem-vu/<int:pk>/tien-do/", views.task_progress, name="task_progress"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", views.task_complete, name="task_complete"),
    path("nhiem-vu/<int:pk>/huy/", views.task_cancel, name="task_cancel"),
    path("nhiem-vu/<int:pk>/tep/<int:file_id>/", views.attachment, name="attachment"),
    path("giao-ban/", views.briefing, name="briefing"),
    path("giao-ban/<str:month>.<str:fmt>", views.briefing_file, name="briefing_file"),
    path("chuong-trinh/<str:month>.<str:fmt>", views.programme_file, name="programme_file"),
    path("cuoc-hop/moi/", views.meeting_create, name="meeting_create"),
    path("cuoc-hop/<int:pk>/", views.meeting_detail, name="meeting"),
    path("ket-luan/<int:pk>/giao-viec/", views.conclusion_to_task, name="conclusion_to_task"),
    path("bao-cao/", views.reports, name="reports"),
    path("bao-cao/<int:pk>/", views.report_detail, name="report"),
    path("bao-cao/<int:pk>/<str:action>/", views.report_action, name="report_action"),
    path("bao-cao/<int:pk>.<str:fmt>", views.report_file, name="report_file"),
    path("bao-cao-huyen/", views.district_requests, name="district_requests"),
    path("bao-cao-huyen/moi/", views.district_request_create, name="district_request_create"),
    path("bao-cao-huyen/<int:pk>/", views.district_request_detail, name="district_request"),
    path("bao-cao-huyen/<int:pk>.xlsx", views.district_request_xlsx, name="district_request_xlsx"),
    path("bao-cao-huyen/<int:pk>/nhac/", views.district_remind, name="district_remind"),
    path("bao-cao-huyen/don-vi/<int:pk>/", views.district_report, name="district_report"),
    path("bao-cao-huyen/don-vi/<int:pk>/tra-lai/", views.district_report_return, name="district_report_return"),
    path("chat-van/", views.questions, name="questions"),
    path("chat-van/<int:pk>/", views.question_detail, name="question"),
    path("phoi-hop/", views.coordinations, name="coordinations"),
    path("phoi-hop/<int:pk>/", views.coordination_detail, name="coordination"),
]
