from django.urls import path

from stttt.digital import views

app_name = "digital"

urlpatterns = [
    path("", views.index, name="index"),
    path("ke-hoach/", views.programme_list, name="programmes"),
    path("ke-hoach/<int:pk>/", views.programme_detail, name="programme"),
    path("nhiem-vu/<int:pk>/", views.programme_task_step, name="programme_task_step"),
    path("chi-so/", views.indicator_list, name="indicators"),
    path("thu-thap/", views.collection_list, name="collections"),
    path("thu-thap/<int:pk>/", views.collection_detail, name="collection"),
    path("thu-thap/<int:pk>/xlsx/", views.collection_xlsx, name="collection_xlsx"),
    path("thu-thap/<int:pk>/nhac/", views.collection_remind, name="collection_remind"),
    path("so-lieu/", views.my_submissions, name="my_submissions"),
    path("so-lieu/<int:pk>/", views.submission_detail, name="submission"),
    path("so-lieu/<int:pk>/tra-lai/", views.submission_return, name="submission_return"),
    path("dti/", views.dti, name="dti"),
    path("dich-vu-cong/", views.online_services, name="online"),
    path("du-lieu/", views.dataset_list, name="datasets"),
    path("du-lieu/them/", views.dataset_create, name="dataset_create"),
    path("du-lieu/<int:pk>/", views.dataset_detail, name="dataset"),
    path("du-lieu-mo.json", views.open_data, name="open_data"),
    path("chia-se/", views.sharing_list, name="sharings"),
    path("chia-se/them/", views.sharing_create, name="sharing_create"),
    path("chia-se/<int:pk>/", views.sharing_detail, name="sharing"),
    path("tham-dinh/", views.appraisal_list, name="appraisals"),
    path("tham-dinh/them/", views.appraisal_create, name="appraisal_create"),
    path("tham-dinh/<int:pk>/", views.appraisal_detail, name="appraisal"),
    path("tham-dinh/<int:pk>/y-kien.docx", views.appraisal_opinion, name="appraisal_opinion"),
    path("doanh-nghiep/", views.enterprise_list, name="enterprises"),
    path("doanh-nghiep/them/", views.enterprise_create, name="enterprise_create"),
    path("doanh-nghiep/xlsx/", views.enterprise_xlsx, name="enterprises_xlsx"),
    path("doanh-nghiep/nhap/", views.enterprise_import, name="enterprise_import"),
    path("doanh-nghiep/<int:pk>/", views.enterprise_detail, name="enterprise"),
    path("chu-ky-so/", views.signature_list, name="signatures"),
    path("chu-ky-so/them/", views.signature_create, name="signature_create"),
    path("chu-ky-so/<int:pk>/", views.signature_detail, name="signature"),
]
