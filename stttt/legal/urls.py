from django.urls import path

from stttt.legal import views

app_name = "legal"

urlpatterns = [
    path("", views.index, name="index"),
    path("tim-kiem/", views.search, name="search"),
    path("van-ban-da-nhap/", views.documents, name="documents"),
    path("can-cu/", views.references, name="references"),
    path("linh-vuc/", views.fields, name="fields"),
    path("ai-phu-trach/", views.who, name="who"),
    path("quy-tac/", views.facts, name="facts"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/<str:eid>/", views.provision, name="provision"),
]
