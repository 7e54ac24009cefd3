from django.urls import path

from stttt.digital import views

app_name = "digital"

urlpatterns = [
    path("", views.index, name="index"),
    path("doanh-nghiep/", views.enterprise_list, name="enterprises"),
    path("doanh-nghiep/<int:pk>/", views.enterprise_detail, name="enterprise"),
]
