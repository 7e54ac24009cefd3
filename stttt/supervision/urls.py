from django.urls import path

from stttt.supervision import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("to-chuc/", views.operators, name="operators"),
    path("to-chuc/them/", views.operator_create, name="operator_create"),
    path("to-chuc/<int:pk>/", views.operator_detail, name="operator"),
    path("bao-cao/", views.reports, name="reports"),
    path("bao-cao/lap-lich/", views.reports_schedule, name="reports_schedule"),
    path("bao-cao/tong-hop/", views.totals, name="totals"),
    path("bao-cao/<int:pk>/", views.report_detail, name="report"),
    path("bao-cao/<int:pk>/<slug:action>/", views.report_act, name="report_act"),
    path("tram/", views.sites, name="sites"),
    path("tram/them/", views.site_create, name="site_create"),
    path("tram/<int:pk>/", views.site_detail, name="site"),
    path("ban-do/", views.site_map, name="map"),
    path("ha-tang/", views.network, name="network"),
    path("buu-chinh/", views.postal, name="postal"),
    path("vu-viec/", views.cases, name="cases"),
    path("vu-viec/them/", views.case_create, name="case_create"),
    path("vu-viec/<int:pk>/", views.case_detail, name="case"),
    path("vu-viec/<int:pk>/<slug:action>/", views.case_act, name="case_act"),
    path("khan-cap/", views.emergency, name="emergency"),
    path("khan-cap/phuong-an/<int:pk>/", views.plan_detail, name="plan"),
    path("khan-cap/su-co/them/", views.incident_create, name="incident_create"),
    path("khan-cap/su-co/<int:pk>/", views.incident_detail, name="incident"),
    path("khan-cap/su-co/<int:pk>/<slug:action>/", views.incident_act, name="incident_act"),
    path("thong-tin-co-so/", views.grassroots, name="grassroots"),
    path("thong-tin-co-so/yeu-cau/them/", views.broadcast_create, name="broadcast_create"),
    path("thong-tin-co-so/yeu-cau/<int:pk>/", views.broadcast_detail, name="broadcast"),
    path("thong-tin-co-so/yeu-cau/<int:pk>/<slug:action>/", views.broadcast_act, name="broadcast_act"),
    path("doi-ngoai/", views.external, name="external"),
    path("doi-ngoai/ke-hoach/<int:pk>/", views.external_plan, name="external_plan"),
    path("doi-ngoai/ke-hoach/<int:pk>/<slug:action>/", views.external_act, name="external_act"),
]
