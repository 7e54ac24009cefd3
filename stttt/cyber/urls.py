from django.urls import include, path

from stttt.cyber import owner_views, views

app_name = "cyber"

owner_patterns = (
    [
        path("", owner_views.home, name="home"),
        path("he-thong/<int:pk>/", owner_views.system, name="system"),
        path("su-co/moi/", owner_views.incident_new, name="incident_new"),
        path("su-co/<int:pk>/", owner_views.incident, name="incident"),
        path("canh-bao/<int:pk>/", owner_views.delivery, name="delivery"),
    ],
    "cyber_owner",
)

urlpatterns = [
    path("", views.index, name="index"),
    path("don-vi/", views.owners, name="owners"),
    path("don-vi/<int:pk>/tai-khoan/", views.owner_link, name="owner_link"),
    path("tuan-thu/", views.compliance, name="compliance"),
    path("he-thong/", views.systems, name="systems"),
    path("he-thong/<int:pk>/", views.system_detail, name="system"),
    path("ho-so-cap-do/", views.dossiers, name="dossiers"),
    path("ho-so-cap-do/<int:pk>/", views.dossier_detail, name="dossier"),
    path("ho-so-cap-do/<int:pk>/<str:kind>.<str:fmt>", views.dossier_document, name="dossier_document"),
    path("su-co/", views.incidents, name="incidents"),
    path("su-co/<int:pk>/", views.incident_detail, name="incident"),
    path("canh-bao/", views.warnings, name="warnings"),
    path("canh-bao/<int:pk>/", views.warning_detail, name="warning"),
    path("canh-bao/gui/<int:pk>/", views.delivery_act, name="delivery"),
    path("noi-dung-vi-pham/", views.contents, name="contents"),
    path("noi-dung-vi-pham/<int:pk>/", views.content_detail, name="content"),
    path("chu-quan/", include(owner_patterns)),
]
