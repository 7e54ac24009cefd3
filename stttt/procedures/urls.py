from django.urls import path

from stttt.procedures import views, views_versions

app_name = "procedures"

urlpatterns = [
    path("", views.index, name="index"),
    path("danh-muc/", views.catalog, name="catalog"),
    path("danh-muc/<str:code>/", views.procedure_detail, name="procedure"),
    path("danh-muc/<str:code>/nop/", views.submit, name="submit"),
    path("danh-muc/<str:code>/phien-ban/nhap/", views_versions.version_import, name="version_import"),
    path("danh-muc/<str:code>/phien-ban/<int:number>/cong-bo/", views_versions.version_publish, name="version_publish"),
    path("mot-cua/tiep-nhan/", views.desk_receive, name="desk_receive"),
    path("mot-cua/huong-dan/", views.desk_guidance, name="desk_guidance"),
    path("ho-so/", views.dossier_list, name="dossiers"),
    path("ho-so/<int:pk>/", views.dossier_detail, name="dossier"),
    path("ho-so/<int:pk>/xu-ly/", views.dossier_action, name="action"),
    path("ho-so/<int:pk>/tai-lieu/", views.dossier_upload, name="upload"),
    path("ho-so/<int:pk>/tai-lieu/<int:file_id>/", views.file_download, name="file"),
    path("ho-so/<int:pk>/phieu/<str:slip>.<str:fmt>", views.slip_download, name="slip"),
    path("so-theo-doi.<str:fmt>", views.logbook, name="logbook"),
    path("thong-ke/", views.statistics, name="statistics"),
]
