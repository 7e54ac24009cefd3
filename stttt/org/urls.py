from django.urls import path

from stttt.org import views

app_name = "org"

urlpatterns = [
    path("", views.index, name="index"),
    path("so-do.svg", views.chart_svg, name="chart_svg"),
    path("so-do.json", views.chart_json, name="chart_json"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit"),
    path("kiem-tra/", views.findings, name="findings"),
    path("bien-che/", views.staffing_plan, name="plan"),
    path("bien-che.<str:fmt>", views.staffing_plan_file, name="plan_file"),
    path("nhiem-vu/", views.duties, name="duties"),
    path("uy-nhiem/", views.acting, name="acting"),
    path("uy-nhiem/<int:pk>/ket-thuc/", views.acting_cancel, name="acting_cancel"),
    path("dieu-dong/", views.reassign, name="reassign"),
]
