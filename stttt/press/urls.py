from django.urls import path

from stttt.press import views

app_name = "press"

urlpatterns = [
    path("", views.index, name="index"),
    path("nhac-nop/", views.remind, name="remind"),
    path("luu-chieu/", views.items, name="items"),
    path("luu-chieu/tiep-nhan/", views.intake, name="intake"),
    path("luu-chieu/<int:pk>/", views.item, name="item"),
    path("luu-chieu/<int:pk>/xu-ly/", views.item_action, name="item_action"),
    path("doc-luu-chieu/", views.readings, name="readings"),
    path("co-quan-bao-chi/", views.outlets, name="outlets"),
    path("co-quan-bao-chi/them/", views.outlet_new, name="outlet_new"),
    path("co-quan-bao-chi/<int:pk>/", views.outlet, name="outlet"),
    path("van-phong-dai-dien/", views.offices, name="offices"),
    path("van-phong-dai-dien/them/", views.office_new, name="office_new"),
    path("van-phong-dai-dien/<int:pk>/", views.office, name="office"),
    path("hop-bao/", views.conferences, name="conferences"),
    path("hop-bao/them/", views.conference_new, name="conference_new"),
    path("hop-bao/<int:pk>/", views.conference, name="conference"),
    path("buc-tranh-bao-chi/", views.picture, name="picture"),
    path("buc-tranh-bao-chi/bao-cao.<str:fmt>", views.picture_file, name="picture_file"),
    path("so-luu-chieu/", views.register, name="register"),
    path("so-luu-chieu/tep.<str:fmt>", views.register_file, name="register_file"),
]
